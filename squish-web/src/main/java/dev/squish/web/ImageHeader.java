package dev.squish.web;

import dev.squish.io.decode.ImageFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The format and declared size of an upload, read from its header only, so that the server can
 * answer "unsupported format" (415) and "too many pixels" (413) with the right status before it
 * decodes anything. The decoder checks the size again itself.
 *
 * @param format the sniffed format, or null when the bytes are not a format squish reads
 * @param width declared width, or -1 when the header could not be read
 * @param height declared height, or -1 when the header could not be read
 */
record ImageHeader(ImageFormat format, int width, int height) {

  static ImageHeader of(byte[] data, int length) {
    ImageFormat format = ImageFormat.sniff(data, length);
    if (format == null) {
      return new ImageHeader(null, -1, -1);
    }
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
    if (!readers.hasNext()) {
      return new ImageHeader(format, -1, -1);
    }
    ImageReader reader = readers.next();
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data, 0, length))) {
      reader.setInput(in, true, true);
      return new ImageHeader(format, reader.getWidth(0), reader.getHeight(0));
    } catch (IOException | RuntimeException e) {
      return new ImageHeader(format, -1, -1); // a broken header: the decoder names the problem
    } finally {
      reader.dispose();
    }
  }

  /** Declared pixels, or -1 when unknown. */
  long pixels() {
    return width < 0 || height < 0 ? -1 : (long) width * height;
  }
}
