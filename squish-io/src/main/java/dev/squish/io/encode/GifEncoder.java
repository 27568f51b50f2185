package dev.squish.io.encode;

import dev.squish.image.IndexedImage;
import dev.squish.image.Palette;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes an {@link IndexedImage} as a GIF with the JDK's writer. GIF has no partial
 * transparency: the first fully transparent palette entry becomes the transparent index, and
 * other entries lose their alpha (they are written opaque). Thread-safe.
 */
final class GifEncoder {
  private GifEncoder() {}

  /** Writes the GIF to {@code out} (not closed). */
  static void write(IndexedImage image, OutputStream out) throws IOException {
    Palette palette = image.palette();
    int n = palette.size();
    int size = Math.max(2, Integer.highestOneBit(n - 1) << 1);
    byte[] r = new byte[size];
    byte[] g = new byte[size];
    byte[] b = new byte[size];
    int transparent = -1;
    for (int i = 0; i < n; i++) {
      int c = palette.color(i);
      r[i] = (byte) (c >>> 16);
      g[i] = (byte) (c >>> 8);
      b[i] = (byte) c;
      if (transparent < 0 && (c >>> 24) == 0) {
        transparent = i;
      }
    }
    int bits = Integer.numberOfTrailingZeros(size);
    IndexColorModel icm = new IndexColorModel(bits, size, r, g, b, transparent);
    BufferedImage bi = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_BYTE_INDEXED, icm);
    byte[] dst = ((DataBufferByte) bi.getRaster().getDataBuffer()).getData();
    byte[] src = image.copyIndices();
    System.arraycopy(src, 0, dst, 0, src.length);
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
    if (!writers.hasNext()) {
      throw new IOException("no GIF writer is installed");
    }
    ImageWriter writer = writers.next();
    try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(ios);
      writer.write(null, new IIOImage(bi, null, null), null);
    } finally {
      writer.dispose();
    }
  }
}
