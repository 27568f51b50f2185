package dev.squish.cluster;

import dev.squish.quantize.KeptColoursDoNotFit;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a fit must hold besides what it finds: colours kept exactly in the palette (held as pinned
 * centres, so the rest is fitted around them), and whether small distinct colours get an entry of
 * their own. Immutable.
 *
 * @param kept ARGB colours that must appear exactly in the palette, no repeats
 * @param distinct whether small, isolated groups of colours are given an entry of their own
 */
public record Pins(List<Integer> kept, boolean distinct) {
  /** Nothing kept, no distinct-colour step: the fit as it was before either existed. */
  public static final Pins NONE = new Pins(List.of(), false);

  /**
   * Copies {@code kept}.
   *
   * @param kept no repeats
   * @param distinct whether to look for small distinct colours
   */
  public Pins {
    kept = List.copyOf(kept);
    Set<Integer> seen = new LinkedHashSet<>();
    for (int c : kept) {
      if (!seen.add(c)) {
        throw new IllegalArgumentException(String.format("colour #%08x is kept twice", c));
      }
    }
  }

  /** {@return the kept colours as an array} */
  public int[] keptArray() {
    return kept.stream().mapToInt(Integer::intValue).toArray();
  }

  /** {@return whether {@code argb} is a kept colour} */
  public boolean keeps(int argb) {
    return kept.contains(argb);
  }

  /**
   * Checks that {@code fixed} pinned entries (the kept colours, and the transparent entry when the
   * image needs one) fit in {@code k}.
   *
   * @throws IllegalArgumentException naming both counts when they do not
   */
  public static void checkFits(int fixed, int keptCount, int k) {
    if (keptCount > k) {
      throw new KeptColoursDoNotFit(keptCount + " kept colours but k is " + k);
    }
    if (fixed > k) {
      throw new KeptColoursDoNotFit(keptCount + " kept colours and the transparent entry need " + fixed
          + " palette entries but k is " + k);
    }
  }

  @Override
  public String toString() {
    return "Pins[kept=" + Arrays.toString(kept.stream().map(c -> String.format("#%08x", c)).toArray())
        + ", distinct=" + distinct + "]";
  }
}
