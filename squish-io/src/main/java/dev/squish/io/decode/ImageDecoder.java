package dev.squish.io.decode;

import dev.squish.image.RgbaImage;
import dev.squish.io.decode.ImageDecodeException.Reason;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads PNG (1 to 16 bits, grey, grey + alpha, palette, RGB, RGBA), JPEG (baseline,
 * progressive, CMYK and YCCK through TwelveMonkeys, with the EXIF orientation applied), GIF (the
 * first frame), BMP, TIFF and WebP into an {@link RgbaImage}.
 *
 * <p>The whole file is read into memory first (it is small next to its pixels), then its format
 * is sniffed from the bytes, PNG chunks are checked, the declared size is checked against
 * {@link DecodeLimits} before anything large is allocated, and only then is it decoded. Every
 * failure is an {@link ImageDecodeException} with a one-line reason. The file is only read.
 * Thread-safe.
 */
public final class ImageDecoder {
  static {
    // plugins found on the class path (TwelveMonkeys) register themselves; make sure the scan ran
    ImageIO.scanForPlugins();
    ImageIO.setUseCache(false);
  }

  /** The formats squish decodes, as named in messages. */
  private static final String READABLE = "PNG, JPEG, GIF, BMP, TIFF or WebP";

  private final DecodeLimits limits;

  public ImageDecoder(DecodeLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  public DecodeLimits limits() {
    return limits;
  }

  /** Decodes the image file at {@code path}. */
  public DecodedImage decode(Path path) throws ImageDecodeException {
    byte[] data;
    try {
      if (Files.isDirectory(path)) {
        throw new ImageDecodeException(Reason.UNREADABLE, "is a folder, not an image file");
      }
      long size = Files.size(path);
      if (size > Integer.MAX_VALUE - 16) {
        throw new ImageDecodeException(Reason.TOO_LARGE, "file of " + size + " bytes is too large to read");
      }
      data = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new ImageDecodeException(Reason.UNREADABLE, "no such file");
    } catch (AccessDeniedException e) {
      throw new ImageDecodeException(Reason.UNREADABLE, "permission denied: cannot read the file");
    } catch (IOException e) {
      throw new ImageDecodeException(Reason.UNREADABLE, "cannot read the file: " + oneLine(e), e);
    }
    return decode(data, data.length);
  }

  /** Decodes an image read to its end from {@code in} (for example standard input). */
  public DecodedImage decode(InputStream in) throws ImageDecodeException {
    byte[] data;
    try {
      data = in.readAllBytes();
    } catch (IOException e) {
      throw new ImageDecodeException(Reason.UNREADABLE, "cannot read the input: " + oneLine(e), e);
    }
    return decode(data, data.length);
  }

  /** Decodes the encoded image in {@code data[0..length)}. */
  public DecodedImage decode(byte[] data, int length) throws ImageDecodeException {
    if (length == 0) {
      throw new ImageDecodeException(Reason.EMPTY, "empty file (0 bytes)");
    }
    ImageFormat format = ImageFormat.sniff(data, length);
    if (format == null) {
      throw notAnImage(data, length);
    }
    if (format == ImageFormat.PNG) {
      PngChunks.verify(data, length);
    }
    ImageReader reader = readerFor(format);
    List<String> warnings = new ArrayList<>();
    try (ImageInputStream stream = ImageIO.createImageInputStream(new ByteArrayInputStream(data, 0, length))) {
      reader.setInput(stream, true, true);
      reader.addIIOReadWarningListener(collect(warnings));
      int w = reader.getWidth(0);
      int h = reader.getHeight(0);
      checkSize(w, h);
      BufferedImage image = reader.read(0);
      String fatal = fatalWarning(warnings);
      if (fatal != null) {
        throw new ImageDecodeException(Reason.CORRUPT, "truncated or corrupt " + format + ": " + fatal);
      }
      int[] argb = RasterConversion.toArgb(image);
      int width = image.getWidth();
      int height = image.getHeight();
      image = null; // let the decoder's buffer go before the orientation copy
      if (format == ImageFormat.JPEG) {
        int orientation = ExifOrientation.of(data, length);
        argb = ExifOrientation.apply(argb, width, height, orientation);
        if (ExifOrientation.swapsAxes(orientation)) {
          int t = width;
          width = height;
          height = t;
        }
      }
      return new DecodedImage(RgbaImage.adopt(width, height, argb), format);
    } catch (ImageDecodeException e) {
      throw e;
    } catch (IIOException e) {
      throw new ImageDecodeException(Reason.CORRUPT, "corrupt or truncated " + format + ": " + oneLine(e), e);
    } catch (IOException e) {
      throw new ImageDecodeException(Reason.CORRUPT, "cannot decode " + format + ": " + oneLine(e), e);
    } catch (OutOfMemoryError e) {
      throw new ImageDecodeException(Reason.OUT_OF_MEMORY,
          "not enough memory to decode this image; give Java more memory "
          + "(for example JAVA_OPTS=-Xmx8g) or lower --max-pixels", e);
    } catch (RuntimeException e) {
      // decoders throw unchecked exceptions on some malformed data (bad Huffman tables, index
      // overruns); to the user that is a corrupt file, not a bug in squish
      throw new ImageDecodeException(Reason.CORRUPT, "corrupt " + format + ": " + oneLine(e), e);
    } finally {
      reader.dispose();
    }
  }

  /** The message for bytes in no format squish reads, naming the format when it is a known one. */
  private static ImageDecodeException notAnImage(byte[] data, int length) {
    String name = ForeignFormat.name(data, length);
    if (name == null) {
      return new ImageDecodeException(Reason.NOT_AN_IMAGE, "not an image squish can read: the content is not "
          + READABLE);
    }
    if (name.equals("text")) {
      return new ImageDecodeException(Reason.NOT_AN_IMAGE, "not an image: the file holds text; squish reads "
          + READABLE);
    }
    return new ImageDecodeException(Reason.UNSUPPORTED_FORMAT, "unsupported format: the file is " + name
        + "; squish reads " + READABLE);
  }

  private void checkSize(int w, int h) throws ImageDecodeException {
    if (w < 1 || h < 1) {
      throw new ImageDecodeException(Reason.CORRUPT, "declares an empty size of " + w + "x" + h + " pixels");
    }
    long pixels = (long) w * h;
    if (pixels > limits.maxPixels()) {
      throw new ImageDecodeException(Reason.TOO_LARGE, "image is " + w + "x" + h + " = " + pixels
          + " pixels, more than the limit of " + limits.maxPixels() + " (raise it with --max-pixels)");
    }
  }

  private static ImageReader readerFor(ImageFormat format) throws ImageDecodeException {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
    if (!readers.hasNext()) {
      throw new ImageDecodeException(Reason.UNSUPPORTED_FORMAT, "unsupported format: no " + format
          + " reader is installed");
    }
    return readers.next();
  }

  private static IIOReadWarningListener collect(List<String> warnings) {
    return (source, warning) -> warnings.add(warning);
  }

  /** Warnings that mean pixels are missing, which the JPEG decoder would otherwise fill with grey. */
  private static String fatalWarning(List<String> warnings) {
    for (String w : warnings) {
      String lower = w.toLowerCase(java.util.Locale.ROOT);
      if (lower.contains("premature end") || lower.contains("truncat") || lower.contains("unexpected end")) {
        return w;
      }
    }
    return null;
  }

  static String oneLine(Throwable e) {
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      m = e.getClass().getSimpleName();
    }
    Throwable cause = e.getCause();
    if (cause != null && cause.getMessage() != null && !m.contains(cause.getMessage())) {
      m = m + " (" + cause.getMessage() + ")";
    }
    return m.replaceAll("\\s+", " ").trim();
  }
}
