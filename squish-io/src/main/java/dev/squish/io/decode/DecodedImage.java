package dev.squish.io.decode;

import dev.squish.image.RgbaImage;
import dev.squish.io.color.SourceColor;
import dev.squish.io.encode.AncillaryChunk;
import java.util.List;
import java.util.Objects;

/**
 * A decoded image file: its pixels as 8-bit samples with straight alpha (EXIF orientation
 * applied), what the file says about their colours, and the metadata a PNG output keeps.
 *
 * @param image the pixels: in sRGB, as a colour-managed viewer shows the file, unless
 *     {@code converted} is false and {@code color} is not sRGB (the decoder was asked to keep the
 *     source's colours, which then are the file's own samples)
 * @param format the file's format
 * @param color what the file says its colours are ({@link SourceColor#SRGB} when it says nothing)
 * @param converted true when the pixels were converted from {@code color} to sRGB
 * @param sampleBits bits per sample in the file (1 to 16; 8 for palette images)
 * @param exact true when {@code image} holds the file's samples exactly: nothing rounded from 16
 *     bits, nothing converted
 * @param metadata the chunks a PNG output carries unless told to strip them: physical pixel size,
 *     text, time, EXIF (with an orientation already applied reset to 1)
 * @param warnings what was ignored or repaired on the way, one line each (for example a broken
 *     profile, treated as sRGB)
 */
public record DecodedImage(RgbaImage image, ImageFormat format, SourceColor color, boolean converted, int sampleBits,
    boolean exact, List<AncillaryChunk> metadata, List<String> warnings) {
  public DecodedImage {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(color, "color");
    metadata = List.copyOf(metadata);
    warnings = List.copyOf(warnings);
  }

  /** {@return true when the pixels are in the source's own colours, not sRGB: the profile must go with them} */
  public boolean inSourceColors() {
    return !color.isSrgb() && !converted;
  }
}
