package dev.squish.plot;

import dev.squish.image.RgbaImage;
import dev.squish.pipeline.CompressionOptions;
import dev.squish.pipeline.Method;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Plots} should draw for one image.
 *
 * @param name the image's name, for titles and file names (e.g. {@code photo} for {@code photo.jpg})
 * @param image the decoded image
 * @param options the compression whose palette, cloud and convergence are drawn
 * @param rdMethods methods drawn as lines of the rate-distortion chart; empty for no chart
 * @param rdKs palette sizes of the rate-distortion chart, each 1..256
 * @param pngquant also run pngquant (when on the PATH) for the rate-distortion chart
 * @param overwrite replace existing plot files
 */
public record PlotRequest(String name, RgbaImage image, CompressionOptions options, List<Method> rdMethods,
    List<Integer> rdKs, boolean pngquant, boolean overwrite) {

  public PlotRequest {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(options, "options");
    rdMethods = List.copyOf(rdMethods);
    rdKs = List.copyOf(rdKs);
    for (int k : rdKs) {
      if (k < 1 || k > 256) {
        throw new IllegalArgumentException("rate-distortion k must be in 1..256, got " + k);
      }
    }
  }
}
