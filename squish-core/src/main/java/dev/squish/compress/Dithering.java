package dev.squish.compress;

import java.util.Locale;
import java.util.Objects;

/**
 * How pixels are mapped to the palette.
 *
 * @param kind no dithering, or Floyd–Steinberg error diffusion
 * @param level share of the quantization error that is diffused, {@link #MIN_LEVEL}..{@link #MAX_LEVEL} (ignored for
 *     {@link Kind#NONE})
 */
public record Dithering(Kind kind, double level) {
  /** Least share of the error diffused. */
  public static final double MIN_LEVEL = 0;
  /** Largest share of the error diffused: all of it. */
  public static final double MAX_LEVEL = 1;

  /** The dithering methods. */
  public enum Kind {
    /** Every pixel takes the palette entry its colour was assigned: no added noise. */
    NONE,
    /** Floyd–Steinberg error diffusion, serpentine, modulated by local contrast. */
    FLOYD_STEINBERG;

    /** {@return the name used on the command line and in reports: {@code none} or {@code fs}} */
    public String id() {
      return this == NONE ? "none" : "fs";
    }

    /**
     * {@return the kind named {@code id}}
     *
     * @param id {@code none} or {@code fs}, any case
     */
    public static Kind byId(String id) {
      return switch (id.trim().toLowerCase(Locale.ROOT)) {
        case "none" -> NONE;
        case "fs" -> FLOYD_STEINBERG;
        default -> throw new IllegalArgumentException("unknown dithering '" + id + "'; choose none or fs");
      };
    }
  }

  /** No dithering. */
  public static final Dithering NONE = new Dithering(Kind.NONE, 0);

  /**
   * Checks the level; diffusing nothing is {@link #NONE}, so that equal ditherings are equal.
   *
   * @param kind the method
   * @param level {@link #MIN_LEVEL}..{@link #MAX_LEVEL}
   */
  public Dithering {
    Objects.requireNonNull(kind, "kind");
    if (!(level >= MIN_LEVEL && level <= MAX_LEVEL)) { // written so that NaN is rejected too
      throw new IllegalArgumentException(
          "level must be in " + (int) MIN_LEVEL + ".." + (int) MAX_LEVEL + ", got " + level);
    }
    if (kind == Kind.NONE || level == 0) {
      kind = Kind.NONE;
      level = 0;
    }
  }

  /**
   * {@return Floyd–Steinberg at {@code level}}
   *
   * @param level share of the error diffused
   */
  public static Dithering floydSteinberg(double level) {
    return new Dithering(Kind.FLOYD_STEINBERG, level);
  }

  /**
   * {@return the dithering of {@code kind} at {@code level}}: {@link #NONE} for {@link Kind#NONE}
   * whatever the level, and for level 0.
   *
   * @param kind the method
   * @param level share of the error diffused
   */
  public static Dithering of(Kind kind, double level) {
    return kind == Kind.NONE ? NONE : new Dithering(kind, level);
  }

  /** {@return true when pixels are mapped without diffusing any error} */
  public boolean isNone() {
    return kind == Kind.NONE;
  }
}
