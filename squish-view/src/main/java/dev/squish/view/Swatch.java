package dev.squish.view;

import dev.squish.image.IndexedImage;
import dev.squish.image.Palette;
import java.util.ArrayList;
import java.util.List;

/**
 * One palette entry with its share of an output's pixels, as the swatches show it.
 *
 * @param argb the colour, {@code 0xAARRGGBB}
 * @param share fraction of the pixels that use it, 0..1
 */
public record Swatch(int argb, double share) {

  /** The entries of {@code image}'s palette with their share of its pixels, the most used first. */
  public static List<Swatch> of(IndexedImage image) {
    Palette palette = image.palette();
    long[] counts = image.histogram();
    double total = image.pixelCount();
    List<Swatch> out = new ArrayList<>();
    for (int i = 0; i < palette.size(); i++) {
      out.add(new Swatch(palette.color(i), counts[i] / total));
    }
    out.sort((a, b) -> Double.compare(b.share(), a.share()));
    return out;
  }
}
