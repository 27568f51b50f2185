package dev.squish.plot;

import dev.squish.compress.CompressOptions;
import dev.squish.compress.PreparedImage;
import dev.squish.quantize.Method;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Plots} should draw for one image.
 *
 * @param name the image's name, for titles and file names (e.g. {@code photo} for {@code photo.jpg})
 * @param image the image, prepared
 * @param options the compression whose palette, cloud and convergence are drawn
 * @param rdMethods methods drawn as lines of the rate-distortion chart, each with the settings to use at every k (its
 *     own k is replaced)
 * @param rdKs palette sizes of the rate-distortion chart
 * @param pngquant also run pngquant (when on the PATH) for the rate-distortion chart; with no methods and no
 *     pngquant, or no k, there is no chart
 * @param overwrite replace existing plot files
 */
public record PlotRequest(String name, PreparedImage image, CompressOptions options, List<Method> rdMethods,
    List<Integer> rdKs, boolean pngquant, boolean overwrite) {

  public PlotRequest {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(options, "options");
    rdMethods = List.copyOf(rdMethods);
    rdKs = List.copyOf(rdKs);
    for (int k : rdKs) {
      Method.checkK("rate-distortion k", k);
    }
  }
}
