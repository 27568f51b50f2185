package dev.squish.io.palette;

import dev.squish.image.Palette;
import dev.squish.io.decode.ImageFormat;
import dev.squish.io.files.AtomicOutput;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Palettes in files, read to remap to them and written to use them again. Formats:
 * <ul>
 *   <li>{@code .gpl}: GIMP's palette, {@code GIMP Palette}, then {@code R G B name} rows (no alpha);
 *   <li>{@code .act}: Adobe's Color Table, 768 bytes of RGB plus the count and the transparent entry (one
 *       fully transparent colour at most, no other alpha);
 *   <li>{@code .hex} (and {@code .txt}, read only): one {@code #rrggbb} or {@code #rrggbbaa} a line, {@code ;}
 *       or {@code //} comments;
 *   <li>{@code .json}: {@code ["#rrggbb", ...]} or {@code {"colors": [...]}} (written so);
 *   <li>an image ({@code .png} written as a swatch; PNG, GIF, JPEG, BMP, TIFF, WebP read): the colours of
 *       its pixels in the order they first appear, 256 at most.
 * </ul>
 * The format follows the name's extension, except that a file starting {@code GIMP Palette} is read
 * as one, and so is an image under any name but {@code .act} and the text ones.
 *
 * <p>A palette holds each colour once (every fully transparent colour counts as the same one). Files
 * that programs write, {@code .gpl}, {@code .act} and images, may repeat a colour: GIMP's own
 * palettes do (28 of the 40 in Debian's {@code gimp-data}), so the first occurrence is kept and
 * later ones are dropped, the order otherwise as given, and the limit of 256 is on the distinct
 * colours. Lists typed by hand, {@code .hex}, {@code .txt}, {@code .json} and {@link #parseColours},
 * refuse a repeat (there it is more likely a slip), naming in a file the lines of both. Writing
 * refuses a palette that repeats a colour.
 *
 * <p>Every problem is a {@link PaletteFileException} with a one-line message that names the file.
 * Thread-safe.
 */
public final class PaletteFiles {
  /** The extensions {@link #read} knows, with their dot. */
  public static final List<String> READ_EXTENSIONS = List.of(".gpl", ".act", ".hex", ".txt", ".json", ".png",
      ".gif", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp");
  /** The extensions {@link #write} knows, with their dot. */
  public static final List<String> WRITE_EXTENSIONS = List.of(".gpl", ".act", ".hex", ".json", ".png");

  /** Where a palette with alpha can go instead: the end of the messages that refuse one. */
  static final String WITH_ALPHA = "save it as .hex, .json or .png";

  private static final List<String> PALETTES = READ_EXTENSIONS.subList(0, 5);
  private static final List<String> IMAGES = READ_EXTENSIONS.subList(5, READ_EXTENSIONS.size());

  private PaletteFiles() {}

  /**
   * Reads the palette file at {@code path}.
   *
   * @param path the file; its extension gives the format
   * @return its colours, in its order (each once: see above for repeats)
   * @throws PaletteFileException when it cannot be read or holds no palette
   */
  public static Palette read(Path path) throws PaletteFileException {
    String name = path.toString();
    byte[] data;
    try {
      if (Files.isDirectory(path)) {
        throw new PaletteFileException(name, "is a folder, not a palette file", null);
      }
      long size = Files.size(path);
      if (size > Integer.MAX_VALUE - 16) {
        throw new PaletteFileException(name, "file of " + size + " bytes is too large to read", null);
      }
      data = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new PaletteFileException(name, "no such file", e);
    } catch (AccessDeniedException e) {
      throw new PaletteFileException(name, "permission denied: cannot read the file", e);
    } catch (IOException e) {
      throw new PaletteFileException(name, "cannot read the file: " + oneLine(e), e);
    }
    return read(data, name);
  }

  /**
   * Reads a palette file's bytes.
   *
   * @param data the file's content
   * @param name the file's name: its extension gives the format, and messages name it
   * @return its colours, in its order (each once: see above for repeats)
   * @throws PaletteFileException when it holds no palette
   */
  public static Palette read(byte[] data, String name) throws PaletteFileException {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(name, "name");
    if (data.length == 0) {
      throw new PaletteFileException(name, "empty file (0 bytes)", null);
    }
    String ext = extension(name);
    try {
      if (ext.equals(".act")) {
        return AdobeColorTable.read(data);
      }
      if (GimpPalette.sniff(data) || ext.equals(".gpl")) {
        return GimpPalette.read(data);
      }
      if (ext.equals(".hex") || ext.equals(".txt")) {
        return HexList.read(data);
      }
      if (ext.equals(".json")) {
        return JsonPalette.read(data);
      }
      if (IMAGES.contains(ext) || ImageFormat.sniff(data, data.length) != null) {
        return SwatchImage.read(data);
      }
      throw new PaletteFileException("not a palette format squish knows: it reads " + String.join(", ", PALETTES)
          + " and images (" + String.join(", ", IMAGES) + ")");
    } catch (PaletteFileException e) {
      throw e.in(name);
    }
  }

  /**
   * Reads a list of colours given on the command line, such as {@code #d81b60,#1e88e5}.
   *
   * @param text hex colours ({@code #rrggbb} or {@code #rrggbbaa}, the {@code #} optional) separated by
   *     commas or spaces
   * @return the colours, in their order
   * @throws PaletteFileException when a colour is malformed or repeated, or there are none or more than 256;
   *     its message names no file
   */
  public static Palette parseColours(String text) throws PaletteFileException {
    return HexList.parse(text);
  }

  /**
   * Writes {@code palette} to {@code path} in the format of its extension, replacing any file
   * there: through a temporary file, so that it is never seen half-written.
   *
   * @param palette the colours, each once
   * @param path the file; its extension (one of {@link #WRITE_EXTENSIONS}) gives the format
   * @throws PaletteFileException when the format cannot hold the palette, or the file cannot be written
   */
  public static void write(Palette palette, Path path) throws PaletteFileException {
    String name = path.toString();
    byte[] content = bytes(palette, name);
    try {
      AtomicOutput.write(path, true, out -> out.write(content));
    } catch (NoSuchFileException e) {
      throw new PaletteFileException(name, "cannot write the file: its folder does not exist", e);
    } catch (AccessDeniedException e) {
      throw new PaletteFileException(name, "permission denied: cannot write the file", e);
    } catch (IOException e) {
      throw new PaletteFileException(name, "cannot write the file: " + oneLine(e), e);
    }
  }

  /**
   * {@return {@code palette} as the content of a file named {@code name}}
   *
   * @param palette the colours, each once
   * @param name the file's name; its extension (one of {@link #WRITE_EXTENSIONS}) gives the format, and
   *     messages name it
   * @throws PaletteFileException when the extension is none of them, the format cannot hold the palette's
   *     alpha, or a colour is repeated
   */
  public static byte[] bytes(Palette palette, String name) throws PaletteFileException {
    Objects.requireNonNull(palette, "palette");
    Objects.requireNonNull(name, "name");
    String ext = extension(name);
    try {
      if (!WRITE_EXTENSIONS.contains(ext)) {
        throw new PaletteFileException("cannot tell the palette format from the name: squish writes "
            + String.join(", ", WRITE_EXTENSIONS));
      }
      ColourList once = ColourList.strict("entry");
      for (int i = 0; i < palette.size(); i++) {
        once.add(palette.color(i), i);
      }
      return switch (ext) {
        case ".gpl" -> GimpPalette.write(palette, stem(name));
        case ".act" -> AdobeColorTable.write(palette);
        case ".hex" -> HexList.write(palette);
        case ".json" -> JsonPalette.write(palette);
        default -> SwatchImage.write(palette); // .png
      };
    } catch (PaletteFileException e) {
      throw e.in(name);
    }
  }

  /** {@return the extension of the last part of {@code name}, lower case with its dot, or ""} */
  private static String extension(String name) {
    String file = fileName(name);
    int dot = file.lastIndexOf('.');
    return dot < 0 ? "" : file.substring(dot).toLowerCase(Locale.ROOT);
  }

  /** {@return the last part of {@code name} without its folders and extension, or "squish" when nothing is left} */
  private static String stem(String name) {
    String file = fileName(name);
    int dot = file.lastIndexOf('.');
    String stem = dot < 0 ? file : file.substring(0, dot);
    return stem.isBlank() ? "squish" : stem;
  }

  private static String fileName(String name) {
    return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  }

  private static String oneLine(IOException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.replaceAll("\\s+", " ").strip();
  }
}
