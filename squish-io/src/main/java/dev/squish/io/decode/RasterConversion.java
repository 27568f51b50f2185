package dev.squish.io.decode;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DataBufferUShort;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.util.stream.IntStream;

/**
 * Turns a decoded {@link BufferedImage} into packed {@code 0xAARRGGBB} pixels holding the stored
 * sample values.
 *
 * <p>Why not {@code getRGB}: for grey images Java treats the samples as linear and converts them
 * to sRGB, so a grey value of 128 comes back as 186, and for 16-bit images it goes through a slow
 * colour conversion. Colour management is not done here but by
 * {@link dev.squish.io.color.SourceColor}, from the file's own profile; {@code getRGB} is used only
 * for colour models this cannot read directly (CMYK that a plugin did not convert, premultiplied
 * alpha, odd packings).
 */
final class RasterConversion {
  private RasterConversion() {}

  static int[] toArgb(BufferedImage image) {
    ColorModel cm = image.getColorModel();
    Raster raster = image.getRaster();
    int w = image.getWidth();
    int h = image.getHeight();
    if (cm instanceof IndexColorModel icm) {
      return fromIndexed(raster, icm, w, h);
    }
    int type = image.getType();
    if ((type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB)
        && raster.getDataBuffer() instanceof DataBufferInt ints && raster.getParent() == null
        && ints.getNumBanks() == 1 && ints.getData().length == w * h) {
      int[] data = ints.getData();
      int[] out = new int[w * h];
      int alphaFill = type == BufferedImage.TYPE_INT_RGB ? 0xFF000000 : 0;
      for (int i = 0; i < out.length; i++) {
        out[i] = data[i] | alphaFill;
      }
      return out;
    }
    if (cm instanceof ComponentColorModel && !cm.isAlphaPremultiplied() && readableSpace(cm)
        && raster.getSampleModel() instanceof ComponentSampleModel) {
      int bands = raster.getNumBands();
      int bits = cm.getComponentSize(0);
      int transfer = raster.getTransferType();
      boolean ok = bands >= 1 && bands <= 4 && bands == cm.getNumComponents()
          && ((transfer == DataBuffer.TYPE_BYTE && bits == 8) || (transfer == DataBuffer.TYPE_USHORT && bits == 16));
      if (ok) {
        return fromComponents(raster, w, h, bands, transfer == DataBuffer.TYPE_USHORT);
      }
    }
    return viaGetRgb(image, w, h);
  }

  /**
   * {@return false when rounding to 8 bits loses something}: a sample of more than 8 bits that is
   * not a multiple of 257 (an 8-bit value widened), as in every real 16-bit photo.
   */
  static boolean exactIn8Bits(BufferedImage image) {
    Raster raster = image.getRaster();
    if (image.getColorModel() instanceof IndexColorModel || raster.getTransferType() == DataBuffer.TYPE_BYTE) {
      return true;
    }
    if (raster.getTransferType() != DataBuffer.TYPE_USHORT || image.getColorModel().getComponentSize(0) <= 8) {
      return true;
    }
    int w = raster.getWidth();
    int[] row = new int[w * raster.getNumBands()];
    for (int y = 0; y < raster.getHeight(); y++) {
      raster.getPixels(raster.getMinX(), raster.getMinY() + y, w, 1, row);
      for (int v : row) {
        if (v % 257 != 0) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean readableSpace(ColorModel cm) {
    int t = cm.getColorSpace().getType();
    return t == ColorSpace.TYPE_RGB || t == ColorSpace.TYPE_GRAY;
  }

  private static int[] fromIndexed(Raster raster, IndexColorModel icm, int w, int h) {
    int size = icm.getMapSize();
    int[] lut = new int[256];
    icm.getRGBs(lut);
    if (size < 256) {
      // an index past the palette (a corrupt file) shows as black instead of failing later
      java.util.Arrays.fill(lut, size, 256, 0xFF000000);
    }
    int[] out = new int[w * h];
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      raster.getSamples(0, y, w, 1, 0, row);
      int base = y * w;
      for (int x = 0; x < w; x++) {
        out[base + x] = lut[row[x] & 0xFF];
      }
    }
    return out;
  }

  /** Grey, grey + alpha, RGB or RGBA samples of 8 or 16 bits, read straight from the data buffer. */
  private static int[] fromComponents(Raster raster, int w, int h, int bands, boolean sixteen) {
    ComponentSampleModel sm = (ComponentSampleModel) raster.getSampleModel();
    int pixelStride = sm.getPixelStride();
    int scanStride = sm.getScanlineStride();
    int tx = raster.getSampleModelTranslateX();
    int ty = raster.getSampleModelTranslateY();
    DataBuffer buffer = raster.getDataBuffer();
    // per band: its array and the index of its sample at (0, 0)
    Object[] arrays = new Object[bands];
    int[] base = new int[bands];
    for (int b = 0; b < bands; b++) {
      int bank = sm.getBankIndices()[b];
      arrays[b] = sixteen ? ((DataBufferUShort) buffer).getData(bank) : ((DataBufferByte) buffer).getData(bank);
      base[b] = buffer.getOffsets()[bank] + sm.getBandOffsets()[b] - ty * scanStride - tx * pixelStride;
    }
    int[] channel = bands <= 2 ? new int[] {0, 0, 0, bands - 1} : new int[] {0, 1, 2, bands - 1};
    boolean alpha = bands == 2 || bands == 4;
    if (!sixteen && sameArray(arrays)) {
      return fromInterleavedBytes((byte[]) arrays[0], base, channel, alpha, pixelStride, scanStride, w, h);
    }
    int[] out = new int[w * h];
    int[] sample = new int[4];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int p = y * scanStride + x * pixelStride;
        for (int c = 0; c < 4; c++) {
          if (c == 3 && !alpha) {
            sample[3] = 0xFF;
            break;
          }
          int b = channel[c];
          sample[c] = sixteen
              ? ((((short[]) arrays[b])[base[b] + p] & 0xFFFF) * 255 + 32767) / 65535 // round(v / 257)
              : ((byte[]) arrays[b])[base[b] + p] & 0xFF;
        }
        out[y * w + x] = (sample[3] << 24) | (sample[0] << 16) | (sample[1] << 8) | sample[2];
      }
    }
    return out;
  }

  private static boolean sameArray(Object[] arrays) {
    for (Object a : arrays) {
      if (a != arrays[0]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The common case, fast: 8-bit samples of every band in one array (RGB, BGR, RGBA, grey), rows
   * converted in parallel (each row on its own, so the result is the same on any number of cores).
   */
  private static int[] fromInterleavedBytes(byte[] data, int[] base, int[] channel, boolean alpha, int pixelStride,
      int scanStride, int w, int h) {
    int r = base[channel[0]];
    int g = base[channel[1]];
    int b = base[channel[2]];
    int a = base[channel[3]];
    int[] out = new int[w * h];
    IntStream.range(0, h).parallel().forEach(y -> {
      int p = y * scanStride;
      int o = y * w;
      if (alpha) {
        for (int x = 0; x < w; x++, p += pixelStride) {
          out[o + x] = (data[a + p] & 0xFF) << 24 | (data[r + p] & 0xFF) << 16 | (data[g + p] & 0xFF) << 8
              | (data[b + p] & 0xFF);
        }
      } else {
        for (int x = 0; x < w; x++, p += pixelStride) {
          out[o + x] = 0xFF000000 | (data[r + p] & 0xFF) << 16 | (data[g + p] & 0xFF) << 8 | (data[b + p] & 0xFF);
        }
      }
    });
    return out;
  }

  private static int[] viaGetRgb(BufferedImage image, int w, int h) {
    int[] out = new int[w * h];
    for (int y = 0; y < h; y++) {
      image.getRGB(0, y, w, 1, out, y * w, w);
    }
    return out;
  }
}
