package dev.squish.quantize;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Looks up the enums whose user-facing id is their name in lower case. */
final class Names {
  private Names() {}

  /** The constant of {@code values} whose lower-case name is {@code id} (any case, trimmed). */
  static <E extends Enum<E>> E byId(E[] values, String id, String what) {
    String wanted = id.trim().toLowerCase(Locale.ROOT);
    for (E e : values) {
      if (e.name().toLowerCase(Locale.ROOT).equals(wanted)) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown " + what + " '" + id + "'; choose from " + ids(values));
  }

  /** The ids of {@code values}, comma separated: {@code srgb, linear, oklab, lab}. */
  static String ids(Enum<?>[] values) {
    return Arrays.stream(values).map(e -> e.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
  }
}
