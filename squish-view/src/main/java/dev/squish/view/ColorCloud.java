package dev.squish.view;

import dev.squish.compress.Compressed;
import dev.squish.compress.PreparedImage;
import dev.squish.histogram.ColorHistogram;
import dev.squish.image.Palette;
import dev.squish.quantize.ColorSpace;
import java.util.List;
import java.util.Objects;

/**
 * An image's colours as a cloud of points for viewing: a sample of its pixels (colours with their
 * hits, {@link ColorHistogram#sample}), each with the palette entry its colour was assigned to,
 * the palette itself, and for a Gaussian mixture the components, whose covariances are drawn as
 * ellipsoids in the working space.
 *
 * @param sample the sampled colours, their counts the hits
 * @param palette the palette written
 * @param labels for each sampled colour, its palette index
 * @param space the working space the palette was found in
 * @param components the mixture's components in {@code space}, empty for methods without one
 */
public record ColorCloud(ColorHistogram sample, Palette palette, int[] labels, ColorSpace space,
    List<Component> components) {
  /** Number of draws: enough for the shape of the cloud, few enough to draw at once. */
  public static final int DRAWS = 6000;
  /** The cloud is a picture, not part of any output: one fixed seed, so the page and the plots show the same points. */
  private static final long SAMPLE_SEED = 1;

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

  /** The pixels a cloud of {@code image} shows: {@link #DRAWS} draws from its histogram. */
  public static ColorHistogram sample(PreparedImage image) {
    return image.histogram().sample(DRAWS, SAMPLE_SEED);
  }

  /** The cloud of {@code compressed} over {@code sample}, a sample of the original's histogram. */
  public static ColorCloud of(ColorHistogram sample, Compressed compressed, ColorSpace space) {
    return new ColorCloud(sample, compressed.palette(), labels(sample, compressed), space,
        Component.of(compressed.fit()));
  }

  /** For each colour of {@code sample}, the index of its entry in {@code compressed}'s palette. */
  public static int[] labels(ColorHistogram sample, Compressed compressed) {
    int[] labels = new int[sample.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = compressed.paletteIndexOf(sample.color(i));
    }
    return labels;
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
