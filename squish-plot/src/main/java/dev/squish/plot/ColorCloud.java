package dev.squish.plot;

import dev.squish.color.ColorSpace;
import dev.squish.pipeline.Compressed;
import dev.squish.quantize.Palette;
import dev.squish.quantize.Quantization;
import java.util.List;
import java.util.Objects;

/**
 * An image's colours as a cloud of points for viewing: a {@link ColorSample} of its pixels, each
 * with the palette entry its colour was assigned to, the palette itself, and for a Gaussian
 * mixture the components (whose covariances are drawn as ellipsoids in the working space).
 *
 * @param sample the sampled colours
 * @param palette the palette in the quantizer's order (not the order written to the file)
 * @param labels for each sampled colour, its palette index
 * @param space the working space the palette was found in
 * @param components the mixture's components in {@code space}, empty for methods without one
 */
public record ColorCloud(ColorSample sample, Palette palette, int[] labels, ColorSpace space,
    List<Component> components) {

  public ColorCloud {
    Objects.requireNonNull(sample, "sample");
    Objects.requireNonNull(palette, "palette");
    Objects.requireNonNull(space, "space");
    if (labels.length != sample.size()) {
      throw new IllegalArgumentException("labels has " + labels.length + " entries for " + sample.size() + " colours");
    }
    labels = labels.clone();
    components = List.copyOf(components);
  }

  /** The cloud of {@code compressed}, {@code sample} drawn from its histogram. */
  public static ColorCloud of(Compressed compressed, ColorSample sample, ColorSpace space) {
    Quantization q = compressed.quantization();
    int[] labels = new int[sample.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = q.paletteIndexOf(sample.indexOf(i));
    }
    return new ColorCloud(sample, q.palette(), labels, space, FitFigures.components(q.report()));
  }

  /** The cloud of {@code compressed} with {@link ColorSample#DEFAULT_DRAWS} draws. */
  public static ColorCloud of(Compressed compressed, ColorSpace space, long seed) {
    return of(compressed, ColorSample.of(compressed.histogram(), ColorSample.DEFAULT_DRAWS, seed), space);
  }

  @Override
  public int[] labels() {
    return labels.clone();
  }

  /** Palette index of sampled colour {@code i}. */
  public int labelOf(int i) {
    return labels[i];
  }
}
