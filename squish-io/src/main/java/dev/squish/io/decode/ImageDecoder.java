package dev.squish.io.decode;

import dev.squish.image.RgbaImage;
import dev.squish.io.decode.ImageDecodeException.Reason;
import dev.squish.io.color.SourceColor;
import dev.squish.io.encode.AncillaryChunk;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
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
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads PNG (1 to 16 bits, grey, grey + alpha, palette, RGB, RGBA), JPEG (baseline,
 * progressive, CMYK and YCCK through TwelveMonkeys, with the EXIF orientation applied), GIF (the
 * first frame), BMP, TIFF and WebP into an {@link RgbaImage}, converted to sRGB from the file's
 * colour profile (ICC in PNG, JPEG, TIFF and WebP, or PNG's gamma and chromaticities) unless asked
 * to keep the source's colours.
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
  private final boolean keepProfile;

  /** A decoder that converts every image to sRGB, as a colour-managed viewer shows it. */
  public ImageDecoder(DecodeLimits limits) {
    this(limits, false);
  }

  /**
   * @param limits the bounds checked before decoding
   * @param keepProfile leave the pixels in the source's colours when a palette PNG can carry them
   *     (an RGB profile, or PNG gamma and chromaticities); otherwise they are converted to sRGB
   */
  public ImageDecoder(DecodeLimits limits, boolean keepProfile) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.keepProfile = keepProfile;
  }

  public DecodeLimits limits() {
    return limits;
  }

  /** Decodes the image file at {@code path}. */
  public DecodedImage decode(Path path) throws ImageDecodeException {
    byte[] data = read(path);
    return decode(data, data.length);
  }

  /**
   * {@return the bytes of the file at {@code path}}, for callers that look at them before decoding
   * (an animated GIF is read frame by frame)
   *
   * @throws ImageDecodeException with the reason in one line when the file cannot be read
   */
  public static byte[] read(Path path) throws ImageDecodeException {
    try {
      if (Files.isDirectory(path)) {
        throw new ImageDecodeException(Reason.UNREADABLE, "is a folder, not an image file");
      }
      long size = Files.size(path);
      if (size > Integer.MAX_VALUE - 16) {
        throw new ImageDecodeException(Reason.TOO_LARGE, "file of " + size + " bytes is too large to read");
      }
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new ImageDecodeException(Reason.UNREADABLE, "no such file");
    } catch (AccessDeniedException e) {
      throw new ImageDecodeException(Reason.UNREADABLE, "permission denied: cannot read the file");
    } catch (IOException e) {
      throw new ImageDecodeException(Reason.UNREADABLE, "cannot read the file: " + oneLine(e), e);
    }
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
    } else if (format == ImageFormat.BMP) {
      BmpHeader.verify(data, length);
    } else if (format == ImageFormat.TIFF) {
      TiffHeader.verify(data, length);
    }
    ImageReader reader = readerFor(format);
    FileMetadata meta = FileMetadata.read(format, data, length);
    List<String> warnings = new ArrayList<>();
    List<String> notes = new ArrayList<>(meta.warnings);
    SourceColor color = describe(meta, notes);
    if (meta.iccBroken) {
      data = meta.withoutIcc(format, data, length);
      length = data.length;
    }
    try (ImageInputStream stream = format == ImageFormat.WEBP ? new TruncationBoundStream(data, length)
        : ImageIO.createImageInputStream(new ByteArrayInputStream(data, 0, length))) {
      reader.setInput(stream, true, true);
      reader.addIIOReadWarningListener(collect(warnings));
      int w = reader.getWidth(0);
      int h = reader.getHeight(0);
      checkSize(w, h);
      if (format == ImageFormat.GIF) {
        int frames = countFrames(data, length);
        if (frames > 1) {
          notes.add("it is an animated GIF of " + frames + " frames; only the first frame is read");
        }
      }
      ImageReadParam param = reader.getDefaultReadParam();
      boolean raw = color.isSrgb() || selectStoredSamples(reader, param);
      BufferedImage image = reader.read(0, param);
      String fatal = fatalWarning(warnings);
      if (fatal != null) {
        throw new ImageDecodeException(Reason.CORRUPT, "truncated or corrupt " + format + ": " + fatal);
      }
      ColorSpace space = image.getColorModel().getColorSpace();
      if (format == ImageFormat.TIFF && color.isSrgb() && space instanceof ICC_ColorSpace icc && !isBuiltIn(space)
          && !(image.getColorModel() instanceof IndexColorModel) && space.getType() != ColorSpace.TYPE_CMYK) {
        // the profile came through the plugin (TIFF), not from squish's reading of the file
        meta.colourChunks.clear();
        meta.icc = icc.getProfile().getData();
        meta.colourChunks.add(FileMetadata.iccpChunk(meta.icc));
        color = describe(meta, notes);
      }
      boolean grey = isGrey(image);
      if (grey) {
        color = color.forGrey();
      }
      if (!color.isSrgb() && color.isGrey() != grey) {
        notes.add("its colour profile is for " + (color.isGrey() ? "grey" : "RGB") + " images but the image is "
            + (grey ? "grey" : "in colour") + "; ignored, treated as sRGB");
        color = SourceColor.SRGB;
      }
      int sampleBits = image.getColorModel() instanceof IndexColorModel ? 8 : image.getColorModel().getComponentSize(0);
      boolean exact = RasterConversion.exactIn8Bits(image);
      int[] argb = null;
      boolean converted = false;
      if (!raw) {
        converted = true; // the plugin converted the samples to sRGB itself and offered nothing else
      } else if (!color.isSrgb() && !(keepProfile && color.canCarry())) {
        try {
          argb = color.toSrgb(image);
          if (argb == null) {
            argb = color.toSrgb(RasterConversion.toArgb(image));
          }
          converted = argb != null;
        } catch (RuntimeException e) { // LittleCMS refuses some profiles only when it meets the pixels
          notes.add("colour management could not use its profile (" + oneLine(e) + "); treated as sRGB");
          color = SourceColor.SRGB;
          argb = null;
        }
      }
      if (keepProfile && !color.isSrgb() && !color.canCarry()) {
        notes.add("its colours (" + color.description() + ") cannot be carried by a palette PNG; converted to sRGB");
      }
      if (argb == null) {
        argb = RasterConversion.toArgb(image);
      }
      exact &= !converted;
      int width = image.getWidth();
      int height = image.getHeight();
      image = null; // let the decoder's buffer go before the orientation copy
      boolean swapped = false;
      byte[] exif = meta.exif;
      if (format == ImageFormat.JPEG) {
        int orientation = ExifOrientation.of(data, length);
        argb = ExifOrientation.apply(argb, width, height, orientation);
        if (ExifOrientation.swapsAxes(orientation)) {
          int t = width;
          width = height;
          height = t;
          swapped = true;
        }
        if (exif != null && orientation > 1) {
          exif = ExifOrientation.upright(exif);
        }
      }
      List<AncillaryChunk> metadata = new ArrayList<>();
      for (AncillaryChunk c : meta.kept) {
        metadata.add(swapped && c.type().equals("pHYs") ? swapAxes(c) : c);
      }
      if (exif != null && exif.length > 0) {
        metadata.add(new AncillaryChunk("eXIf", ExifThumbnail.remove(exif)));
      }
      return new DecodedImage(RgbaImage.adopt(width, height, argb), format, color, converted, sampleBits, exact,
          metadata, notes);
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

  /** The source's colours as the file's bytes describe them; a profile that cannot be used is a warning. */
  private static SourceColor describe(FileMetadata meta, List<String> notes) {
    try {
      if (meta.icc != null) {
        return SourceColor.ofProfile(meta.icc, meta.colourChunks);
      }
      if (meta.srgb) {
        return SourceColor.SRGB; // the sRGB chunk overrides gAMA and cHRM
      }
      if (!Double.isNaN(meta.gamma) || meta.chromaticities != null) {
        return SourceColor.ofPngGamma(meta.gamma, meta.chromaticities, meta.colourChunks);
      }
    } catch (IllegalArgumentException e) {
      notes.add("its colour profile is " + e.getMessage() + "; ignored, treated as sRGB");
    }
    return SourceColor.SRGB;
  }

  /**
   * Asks a plugin that converts profiles itself (TwelveMonkeys' JPEG and WebP readers) for the
   * stored samples instead, so that every format goes through squish's one conversion.
   *
   * @return false when the reader offers only sRGB (it then converts by itself)
   */
  private static boolean selectStoredSamples(ImageReader reader, ImageReadParam param) throws IOException {
    if (!convertsItself(reader)) {
      return true; // the JDK's PNG reader and TwelveMonkeys' TIFF reader give the stored samples
    }
    Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
    int bands = -1;
    while (types.hasNext()) {
      ImageTypeSpecifier t = types.next();
      if (bands < 0) {
        bands = t.getNumBands();
      }
      ColorSpace cs = t.getColorModel().getColorSpace();
      if (cs instanceof ICC_ColorSpace && !cs.isCS_sRGB() && cs.getType() != ColorSpace.TYPE_CMYK
          && t.getNumBands() == bands) {
        param.setDestinationType(t);
        return true;
      }
    }
    return false;
  }

  /** TwelveMonkeys' JPEG and WebP readers convert embedded profiles to sRGB; the JDK's PNG reader does not. */
  private static boolean convertsItself(ImageReader reader) {
    String name = reader.getClass().getName();
    return name.startsWith("com.twelvemonkeys") && (name.contains("jpeg") || name.contains("webp"));
  }

  /** The frames of a GIF, counted by a second reader so that the decoding one can stay forward-only. */
  private static int countFrames(byte[] data, int length) {
    ImageReader counter = ImageIO.getImageReadersByFormatName("gif").next();
    try (ImageInputStream s = ImageIO.createImageInputStream(new ByteArrayInputStream(data, 0, length))) {
      counter.setInput(s, false, true);
      return counter.getNumImages(true);
    } catch (IOException | RuntimeException e) {
      return -1; // a damaged frame after the first: the first is still read, or fails with its own message
    } finally {
      counter.dispose();
    }
  }

  /** The JDK's own spaces, which a reader uses when the file has no profile (grey is linear in Java's naming). */
  private static boolean isBuiltIn(ColorSpace space) {
    return space.isCS_sRGB() || space == ColorSpace.getInstance(ColorSpace.CS_GRAY)
        || space == ColorSpace.getInstance(ColorSpace.CS_LINEAR_RGB);
  }

  private static boolean isGrey(BufferedImage image) {
    return !(image.getColorModel() instanceof IndexColorModel)
        && image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY;
  }

  /** pHYs with x and y exchanged, for an image turned by 90 degrees. */
  private static AncillaryChunk swapAxes(AncillaryChunk phys) {
    byte[] d = phys.data();
    if (d.length != 9) {
      return phys;
    }
    byte[] s = d.clone();
    System.arraycopy(d, 4, s, 0, 4);
    System.arraycopy(d, 0, s, 4, 4);
    return new AncillaryChunk("pHYs", s);
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
