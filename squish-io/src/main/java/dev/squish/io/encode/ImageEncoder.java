package dev.squish.io.encode;

import dev.squish.image.IndexedImage;
import dev.squish.io.gif.GifWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * Writes palette images: the one way into squish's PNG and GIF encoders. PNG is written by squish
 * itself (smallest bit depth, {@code tRNS} cut after the last translucent entry, the filter,
 * palette order and deflate effort of the {@link PngOptions}); GIF by squish's {@link GifWriter} too (the
 * first fully transparent entry is the transparent index; other entries are written opaque). Thread-safe.
 */
public final class ImageEncoder {
  private ImageEncoder() {}

  /** {@code image} encoded as {@code format}; {@code png} says how hard a PNG is compressed (ignored for GIF). */
  public static byte[] encode(IndexedImage image, OutputFormat format, PngOptions png) {
    return encode(image, format, png, List.of());
  }

  /**
   * {@code image} encoded as {@code format}, a PNG with {@code chunks} besides the image (colour
   * description and metadata, each where PNG wants it); GIF carries none of them.
   */
  public static byte[] encode(IndexedImage image, OutputFormat format, PngOptions png, List<AncillaryChunk> chunks) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      write(image, format, png, chunks, out);
    } catch (IOException e) {
      throw new UncheckedIOException("in-memory streams cannot fail", e);
    }
    return out.toByteArray();
  }

  /** Writes {@code image} as {@code format} to {@code out} (not closed). */
  public static void write(IndexedImage image, OutputFormat format, PngOptions png, OutputStream out)
      throws IOException {
    write(image, format, png, List.of(), out);
  }

  /** Writes {@code image} as {@code format} to {@code out} (not closed), a PNG with {@code chunks}. */
  public static void write(IndexedImage image, OutputFormat format, PngOptions png, List<AncillaryChunk> chunks,
      OutputStream out) throws IOException {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(png, "png");
    Objects.requireNonNull(chunks, "chunks");
    switch (format) {
      case PNG -> IndexedPngEncoder.write(image, out, png, chunks);
      case GIF -> out.write(GifWriter.still(image));
    }
  }
}
