package dev.squish.compress;

import dev.squish.quantize.ColorSpace;
import dev.squish.quantize.KSearch;
import dev.squish.quantize.Method;
import dev.squish.quantize.Speed;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to do to an image: the method and its palette size, the colour space the clustering works
 * in, the dithering, how much effort to spend, the seed of every random choice, which
 * perceptual measures to take besides MSE and PSNR, and who hears a k search as it goes.
 * Immutable; made with {@link #of} or a {@link Builder}.
 *
 * <pre>{@code
 * CompressOptions o = CompressOptions.builder(Method.kMeans(64))
 *     .space(ColorSpace.OKLAB)
 *     .dithering(Dithering.floydSteinberg(0.8))
 *     .build();
 * }</pre>
 *
 * @param method how the palette is found, with its palette size
 * @param space colour space the clustering runs in
 * @param dithering how pixels are mapped to the palette
 * @param speed effort of the fit, {@link Speed#DEFAULT} unless set
 * @param seed seed of every random choice; the same image, options and seed give the same result
 * @param ssim also measure mean SSIM (on luminance)
 * @param deltaE also measure mean CIEDE2000
 * @param kSearchListener told of each fit of a k search ({@link Method.EmAutoK}) as it ends, for progress; it
 *     changes nothing in the result ({@link KSearch.Listener#NONE} unless set)
 * @param keep ARGB colours that must appear exactly in a fitted palette, the rest fitted around
 *     them (held as centres that never move); empty for none. A fit with more kept colours than k
 *     fails with {@link IllegalArgumentException}. A given palette ({@link Method.Given}) ignores them.
 * @param distinct whether a small group of colours far from all others (a logo, a legend square:
 *     0.02 to 1% of the pixels) gets a palette entry of its own instead of being averaged into its
 *     neighbours (on by default)
 */
public record CompressOptions(Method method, ColorSpace space, Dithering dithering, Speed speed, long seed,
    boolean ssim, boolean deltaE, KSearch.Listener kSearchListener, List<Integer> keep, boolean distinct) {
  /** Default seed: fixed, so that runs repeat. */
  public static final long DEFAULT_SEED = 1;
  /** Default palette size. */
  public static final int DEFAULT_K = Method.MAX_K;

  /**
   * Checks that nothing is missing.
   *
   * @param method not null
   * @param space not null
   * @param dithering not null
   * @param speed not null
   * @param seed any
   * @param ssim whether to measure SSIM
   * @param deltaE whether to measure ΔE00
   * @param kSearchListener not null
   * @param keep not null, no colour twice (copied)
   * @param distinct whether small distinct colours get an entry
   */
  public CompressOptions {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(space, "space");
    Objects.requireNonNull(dithering, "dithering");
    Objects.requireNonNull(speed, "speed");
    Objects.requireNonNull(kSearchListener, "kSearchListener");
    keep = List.copyOf(keep);
    Set<Integer> seen = new HashSet<>();
    for (int c : keep) {
      if (!seen.add(c)) {
        throw new IllegalArgumentException(String.format("kept colour #%08x is given twice", c));
      }
    }
  }

  /**
   * The options before kept colours and distinct colours existed (none kept, distinct colours on).
   *
   * @param method not null
   * @param space not null
   * @param dithering not null
   * @param speed not null
   * @param seed any
   * @param ssim whether to measure SSIM
   * @param deltaE whether to measure ΔE00
   * @param kSearchListener not null
   */
  public CompressOptions(Method method, ColorSpace space, Dithering dithering, Speed speed, long seed,
      boolean ssim, boolean deltaE, KSearch.Listener kSearchListener) {
    this(method, space, dithering, speed, seed, ssim, deltaE, kSearchListener, List.of(), true);
  }

  /**
   * {@return {@code method} in sRGB, without dithering, at the default speed and seed, MSE and PSNR only}
   *
   * @param method the method and palette size
   */
  public static CompressOptions of(Method method) {
    return builder(method).build();
  }

  /**
   * {@return a builder starting from the defaults of {@link #of}}
   *
   * @param method the method and palette size
   */
  public static Builder builder(Method method) {
    return new Builder(method);
  }

  /** {@return a builder starting from these options} */
  public Builder toBuilder() {
    return new Builder(method).space(space).dithering(dithering).speed(speed).seed(seed).ssim(ssim).deltaE(deltaE)
        .kSearchListener(kSearchListener).keep(keep).distinct(distinct);
  }

  /** Builds {@link CompressOptions}; every setter returns the builder. */
  public static final class Builder {
    private Method method;
    private ColorSpace space = ColorSpace.SRGB;
    private Dithering dithering = Dithering.NONE;
    private Speed speed = Speed.DEFAULT;
    private long seed = DEFAULT_SEED;
    private boolean ssim;
    private boolean deltaE;
    private KSearch.Listener kSearchListener = KSearch.Listener.NONE;
    private List<Integer> keep = List.of();
    private boolean distinct = true;

    private Builder(Method method) {
      this.method = method;
    }

    /**
     * Sets the method and palette size.
     *
     * @param value the value
     * @return this builder
     */
    public Builder method(Method value) {
      this.method = value;
      return this;
    }

    /**
     * Sets the colour space clustered in (default sRGB).
     *
     * @param value the value
     * @return this builder
     */
    public Builder space(ColorSpace value) {
      this.space = value;
      return this;
    }

    /**
     * Sets the dithering (default none).
     *
     * @param value the value
     * @return this builder
     */
    public Builder dithering(Dithering value) {
      this.dithering = value;
      return this;
    }

    /**
     * Sets the effort (default {@link Speed#DEFAULT}).
     *
     * @param value the value
     * @return this builder
     */
    public Builder speed(Speed value) {
      this.speed = value;
      return this;
    }

    /**
     * Sets the seed (default {@link #DEFAULT_SEED}).
     *
     * @param value the value
     * @return this builder
     */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /**
     * Sets whether to measure SSIM (default no).
     *
     * @param value the value
     * @return this builder
     */
    public Builder ssim(boolean value) {
      this.ssim = value;
      return this;
    }

    /**
     * Sets whether to measure mean CIEDE2000 (default no).
     *
     * @param value the value
     * @return this builder
     */
    public Builder deltaE(boolean value) {
      this.deltaE = value;
      return this;
    }

    /**
     * Sets who hears a k search ({@link Method.EmAutoK}) as it goes (default {@link KSearch.Listener#NONE}).
     *
     * @param value the listener
     * @return this builder
     */
    public Builder kSearchListener(KSearch.Listener value) {
      this.kSearchListener = value;
      return this;
    }

    /**
     * Sets the colours that must appear exactly in the palette (default none).
     *
     * @param argb ARGB colours, none twice
     * @return this builder
     */
    public Builder keep(Collection<Integer> argb) {
      this.keep = List.copyOf(new ArrayList<>(argb));
      return this;
    }

    /**
     * Sets whether small distinct colours get a palette entry of their own (default yes).
     *
     * @param value the value
     * @return this builder
     */
    public Builder distinct(boolean value) {
      this.distinct = value;
      return this;
    }

    /** {@return the options; checks that none is missing and no kept colour is given twice} */
    public CompressOptions build() {
      return new CompressOptions(method, space, dithering, speed, seed, ssim, deltaE, kSearchListener, keep,
          distinct);
    }
  }
}
