package dev.squish.dither;

import java.util.Locale;

/**
 * How pixels are mapped to the palette.
 *
 * @param kind no dithering, or Floyd–Steinberg error diffusion
 * @param level share of the quantization error that is diffused, 0..1 (ignored for {@link Kind#NONE})
 */
public record Dithering(Kind kind, double level) {

  /** The dithering methods. */
  public enum Kind {
    /** Every pixel takes the palette entry its colour was assigned: no added noise. */
    NONE("none"),
    /** Floyd–Steinberg error diffusion, serpentine, modulated by local contrast. */
    FLOYD_STEINBERG("fs");

    private final String id;

    Kind(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }

    /** The kind named {@code id} ({@code none} or {@code fs}), case-insensitive. */
    public static Kind byId(String id) {
      for (Kind k : values()) {
        if (k.id.equals(id.toLowerCase(Locale.ROOT))) {
          return k;
        }
      }
      throw new IllegalArgumentException("unknown dithering '" + id + "'");
    }
  }

  /** No dithering. */
  public static final Dithering NONE = new Dithering(Kind.NONE, 0);

  public Dithering {
    java.util.Objects.requireNonNull(kind, "kind");
    if (!(level >= 0 && level <= 1)) {
      throw new IllegalArgumentException("level must be in 0..1, got " + level);
    }
  }

  /** Floyd–Steinberg at {@code level}. */
  public static Dithering floydSteinberg(double level) {
    return new Dithering(Kind.FLOYD_STEINBERG, level);
  }

  /** True when pixels are mapped without diffusing any error. */
  public boolean isNone() {
    return kind == Kind.NONE || level == 0;
  }
}
