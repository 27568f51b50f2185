package dev.squish.io.gif;

import dev.squish.image.RgbaImage;
import dev.squish.io.decode.DecodeLimits;
import dev.squish.io.decode.ImageDecodeException;
import dev.squish.io.decode.ImageDecodeException.Reason;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A GIF, animated or not, read frame by frame and composed as a browser shows it: every frame
 * drawn at its offset on the logical screen (clipped to it), its transparent pixels leaving what
 * was there, then disposed of as it says (left, cleared to transparent, or restored to what was
 * there before it). Local or global colour tables, interlaced or not.
 *
 * <p>{@link #read} walks the whole file once without keeping pixels: it checks the limits, counts
 * the frames, and finds what is wrong (frames outside the screen, a truncated last frame, delays
 * of 0), so that the warnings are known before any work. {@link #forEach} then composes the
 * frames one at a time: only the canvas and, for frames disposed "to previous", the canvas before
 * them are held, so a file of thousands of frames needs the memory of two frames. Immutable and
 * thread-safe; each {@code forEach} composes anew.
 */
public final class GifAnimation {
  /** What a frame asks to be done with its rectangle before the next frame is drawn. */
  public enum Disposal {
    /** Not said (0): treated as {@link #KEEP}. */
    UNSPECIFIED,
    /** Left in place (1). */
    KEEP,
    /** Cleared to transparent (2); browsers ignore the background colour. */
    BACKGROUND,
    /** Restored to what was there before the frame (3). */
    PREVIOUS;

    static Disposal of(int code) {
      return switch (code) {
        case 1 -> KEEP;
        case 2 -> BACKGROUND;
        case 3 -> PREVIOUS;
        default -> UNSPECIFIED; // 4-7 are reserved; browsers treat them as not said
      };
    }
  }

  /**
   * One composed frame.
   *
   * @param number 1-based
   * @param image the whole screen as shown while the frame is on it (a copy the visitor may keep)
   * @param delay hundredths of a second the frame is shown, as written (0 included)
   * @param disposal what the frame asked to be done with its rectangle afterwards
   */
  public record Frame(int number, RgbaImage image, int delay, Disposal disposal) {}

  /** Receives the composed frames in order. */
  @FunctionalInterface
  public interface Visitor {
    /** Called once per frame; the frame's image is a fresh copy. */
    void frame(Frame frame);
  }

  /** Where one frame's parts lie in the file, found by {@link #read}. */
  private record Entry(int left, int top, int width, int height, int delay, Disposal disposal, int transparent,
      boolean interlaced, int tableOffset, int tableSize, int minCodeSize, int dataOffset, int pixels) {}

  private final byte[] data;
  private final int width;
  private final int height;
  private final int globalTable;
  private final int globalSize;
  private final int loopCount;
  private final List<Entry> frames;
  private final List<String> warnings;

  private GifAnimation(byte[] data, int width, int height, int globalTable, int globalSize, int loopCount,
      List<Entry> frames, List<String> warnings) {
    this.data = data;
    this.width = width;
    this.height = height;
    this.globalTable = globalTable;
    this.globalSize = globalSize;
    this.loopCount = loopCount;
    this.frames = List.copyOf(frames);
    this.warnings = List.copyOf(warnings);
  }

  /** {@return true when the bytes start with a GIF signature} */
  public static boolean isGif(byte[] data, int length) {
    return length >= 6 && data[0] == 'G' && data[1] == 'I' && data[2] == 'F' && data[3] == '8'
        && (data[4] == '7' || data[4] == '9') && data[5] == 'a';
  }

  /**
   * Reads the structure of the GIF in {@code data[0..length)} and checks it. The bytes are kept, not
   * copied, when {@code length} is the array's length (the frames are decoded from them later):
   * do not change them.
   *
   * @throws ImageDecodeException when it is not a GIF, has no complete frame, has no colour table for a
   *     frame, or exceeds {@code limits}
   */
  public static GifAnimation read(byte[] data, int length, DecodeLimits limits) throws ImageDecodeException {
    Objects.requireNonNull(limits, "limits");
    byte[] bytes = length == data.length ? data : java.util.Arrays.copyOf(data, length);
    return new Scanner(bytes, limits).scan();
  }

  /** {@return the logical screen's width} */
  public int width() {
    return width;
  }

  /** {@return the logical screen's height} */
  public int height() {
    return height;
  }

  /** {@return the frames kept: all complete frames of the file} */
  public int frameCount() {
    return frames.size();
  }

  /** {@return true when there is more than one frame} */
  public boolean animated() {
    return frames.size() > 1;
  }

  /** {@return the NETSCAPE2.0 loop count: 0 loops forever, n plays n + 1 times; -1 when absent (played once)} */
  public int loopCount() {
    return loopCount;
  }

  /** {@return the delay of frame {@code number} (1-based), in hundredths of a second, as written} */
  public int delay(int number) {
    return frames.get(number - 1).delay();
  }

  /** {@return what was repaired or is worth knowing, one line each, without the file name} */
  public List<String> warnings() {
    return warnings;
  }

  /** Composes every frame in order and hands each to {@code visitor}. */
  public void forEach(Visitor visitor) {
    compose(visitor, frames.size());
  }

  /** {@return frame {@code number} (1-based) composed as shown}, composing the frames before it. */
  public Frame frame(int number) {
    if (number < 1 || number > frames.size()) {
      throw new IllegalArgumentException("frame " + number + " is not in 1.." + frames.size());
    }
    Frame[] found = new Frame[1];
    compose(f -> {
      if (f.number() == number) {
        found[0] = f;
      }
    }, number);
    return found[0];
  }

  private void compose(Visitor visitor, int upTo) {
    int[] canvas = new int[width * height]; // browsers start, and clear, to transparent
    int[] saved = null;
    byte[] indices = null;
    for (int f = 0; f < upTo; f++) {
      Entry e = frames.get(f);
      if (e.disposal() == Disposal.PREVIOUS) {
        if (saved == null) {
          saved = new int[canvas.length];
        }
        System.arraycopy(canvas, 0, saved, 0, canvas.length);
      }
      int count = e.width() * e.height();
      if (indices == null || indices.length < count) {
        indices = new byte[count];
      }
      int got = GifLzw.decode(joinBlocks(data, e.dataOffset()), e.minCodeSize(), indices, count);
      draw(canvas, e, indices, got);
      visitor.frame(new Frame(f + 1, RgbaImage.of(width, height, canvas), e.delay(), e.disposal()));
      switch (e.disposal()) {
        case BACKGROUND -> fill(canvas, e, 0);
        case PREVIOUS -> System.arraycopy(saved, 0, canvas, 0, canvas.length);
        default -> {
          // KEEP and UNSPECIFIED leave the frame where it is
        }
      }
    }
  }

  private void draw(int[] canvas, Entry e, byte[] indices, int got) {
    int[] colors = table(e);
    for (int i = 0; i < got; i++) {
      int v = indices[i] & 0xff;
      if (v == e.transparent() || v >= colors.length) {
        continue; // indices past the table show nothing, as in browsers
      }
      int row = i / e.width();
      int y = e.top() + (e.interlaced() ? interlacedRow(row, e.height()) : row);
      int x = e.left() + i % e.width();
      if (x < width && y < height) {
        canvas[y * width + x] = colors[v];
      }
    }
  }

  private int[] table(Entry e) {
    int offset = e.tableOffset() >= 0 ? e.tableOffset() : globalTable;
    int size = e.tableOffset() >= 0 ? e.tableSize() : globalSize;
    int[] colors = new int[size];
    for (int i = 0; i < size; i++) {
      int p = offset + 3 * i;
      colors[i] = 0xff000000 | (data[p] & 0xff) << 16 | (data[p + 1] & 0xff) << 8 | data[p + 2] & 0xff;
    }
    return colors;
  }

  /** The screen row of the {@code row}-th row stored, in the four passes of an interlaced image. */
  static int interlacedRow(int row, int height) {
    int pass1 = (height + 7) / 8;
    if (row < pass1) {
      return row * 8;
    }
    row -= pass1;
    int pass2 = (height + 3) / 8;
    if (row < pass2) {
      return 4 + row * 8;
    }
    row -= pass2;
    int pass3 = (height + 1) / 4;
    if (row < pass3) {
      return 2 + row * 4;
    }
    return 1 + (row - pass3) * 2;
  }

  private void fill(int[] canvas, Entry e, int argb) {
    int x1 = Math.min(width, e.left() + e.width());
    int y1 = Math.min(height, e.top() + e.height());
    for (int y = e.top(); y < y1; y++) {
      for (int x = e.left(); x < x1; x++) {
        canvas[y * width + x] = argb;
      }
    }
  }

  /** The data sub-blocks from {@code offset} joined; the scan made sure they are all there. */
  private static byte[] joinBlocks(byte[] data, int offset) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int p = offset;
    while (p < data.length && data[p] != 0) {
      int n = data[p] & 0xff;
      int take = Math.min(n, data.length - p - 1);
      out.write(data, p + 1, take);
      p += 1 + n;
    }
    return out.toByteArray();
  }

  /** One walk over the blocks of the file. */
  private static final class Scanner {
    private final byte[] d;
    private final DecodeLimits limits;
    private int p;

    Scanner(byte[] d, DecodeLimits limits) {
      this.d = d;
      this.limits = limits;
    }

    GifAnimation scan() throws ImageDecodeException {
      if (!isGif(d, d.length)) {
        throw new ImageDecodeException(Reason.NOT_AN_IMAGE, "not a GIF: no GIF87a or GIF89a signature");
      }
      if (d.length < 13) {
        throw new ImageDecodeException(Reason.CORRUPT, "truncated GIF: the file ends inside its header");
      }
      int w = u16(6);
      int h = u16(8);
      int flags = d[10] & 0xff;
      if (w < 1 || h < 1) {
        throw new ImageDecodeException(Reason.CORRUPT, "declares an empty screen of " + w + "x" + h + " pixels");
      }
      long pixels = (long) w * h;
      if (pixels > limits.maxPixels()) {
        throw new ImageDecodeException(Reason.TOO_LARGE, "image is " + w + "x" + h + " = " + pixels
            + " pixels, more than the limit of " + limits.maxPixels() + " (raise it with --max-pixels)");
      }
      p = 13;
      int globalTable = -1;
      int globalSize = 0;
      if ((flags & 0x80) != 0) {
        globalSize = 2 << (flags & 7);
        globalTable = p;
        p += 3 * globalSize;
        if (p > d.length) {
          throw new ImageDecodeException(Reason.CORRUPT, "truncated GIF: the file ends inside its colour table");
        }
      }
      List<Entry> entries = new ArrayList<>();
      int loop = -1;
      int delay = 0;
      int disposal = 0;
      int transparent = -1;
      String truncated = null;
      int outside = 0;
      String firstOutside = null;
      int shortFrames = 0;
      long decoded = 0; // pixels of all frame rectangles, which the scan decodes once
      int zeroDelays = 0;
      scan:
      while (true) {
        if (p >= d.length) {
          break; // no trailer: what was read is all there is, as browsers take it
        }
        int introducer = d[p++] & 0xff;
        switch (introducer) {
          case 0x3B -> {
            break scan;
          }
          case 0x21 -> {
            if (p >= d.length) {
              break scan;
            }
            int label = d[p++] & 0xff;
            int start = p;
            if (!skipBlocks()) {
              break scan; // the file ends inside an extension: nothing of a frame is lost
            }
            if (label == 0xF9 && (d[start] & 0xff) >= 4) {
              int packed = d[start + 1] & 0xff;
              disposal = packed >> 2 & 7;
              delay = u16(start + 2);
              transparent = (packed & 1) != 0 ? d[start + 4] & 0xff : -1;
            } else if (label == 0xFF && d[start] == 11 && isNetscape(start + 1) && start + 16 < d.length
                && d[start + 12] >= 3 && d[start + 13] == 1) {
              loop = u16(start + 14);
            }
          }
          case 0x2C -> {
            int number = entries.size() + 1;
            if (number > limits.maxFrames()) {
              throw new ImageDecodeException(Reason.TOO_LARGE, "animated GIF of more than " + limits.maxFrames()
                  + " frames, the limit");
            }
            if ((long) number * pixels > limits.maxFramePixels()) {
              throw new ImageDecodeException(Reason.TOO_LARGE, "animated GIF of " + number + " or more frames of "
                  + w + "x" + h + ": more than the limit of " + limits.maxFramePixels() + " pixels in all frames");
            }
            if (p + 9 > d.length) {
              truncated = "the file ends inside its descriptor";
              break scan;
            }
            int left = u16(p);
            int top = u16(p + 2);
            int fw = u16(p + 4);
            int fh = u16(p + 6);
            int fflags = d[p + 8] & 0xff;
            p += 9;
            int table = -1;
            int tableSize = 0;
            if ((fflags & 0x80) != 0) {
              tableSize = 2 << (fflags & 7);
              table = p;
              p += 3 * tableSize;
            }
            if (p + 1 > d.length) {
              truncated = "the file ends inside its colour table";
              break scan;
            }
            if (table < 0 && globalTable < 0) {
              throw new ImageDecodeException(Reason.CORRUPT, "frame " + number + " has no colour table (neither"
                  + " its own nor a global one)");
            }
            int minCode = d[p++] & 0xff;
            if (minCode < 1 || minCode > 11) {
              throw new ImageDecodeException(Reason.CORRUPT, "frame " + number + " has an LZW code size of " + minCode
                  + "; it must be from 1 to 11");
            }
            long rect = (long) fw * fh;
            if (rect > limits.maxPixels()) {
              // the frame's pixels are decoded (and held) whole even where they fall off the screen
              throw new ImageDecodeException(Reason.TOO_LARGE, "frame " + number + " is " + fw + "x" + fh + " = "
                  + rect + " pixels, more than the limit of " + limits.maxPixels() + " (raise it with --max-pixels)");
            }
            decoded += rect;
            if (decoded > limits.maxFramePixels()) {
              // an LZW bomb: each frame small enough, all of them together too much to decode
              throw new ImageDecodeException(Reason.TOO_LARGE, "animated GIF whose frames hold more than "
                  + limits.maxFramePixels() + " pixels in all (at frame " + number + ")");
            }
            int dataOffset = p;
            if (!skipBlocks()) {
              truncated = "the file ends inside its pixel data";
              break scan;
            }
            int count = fw * fh;
            int got = GifLzw.decode(joinBlocks(d, dataOffset), minCode, null, count);
            if (got < count) {
              if (p >= d.length) { // nothing after it: the file was cut at a block's end
                truncated = "its pixel data stop at " + got + " of " + count + " pixels";
                break scan;
              }
              shortFrames++;
            }
            if (left + fw > w || top + fh > h) {
              outside++;
              if (firstOutside == null) {
                firstOutside = String.format(Locale.ROOT, "frame %d (%dx%d at %d,%d)", number, fw, fh, left, top);
              }
            }
            if (delay == 0) {
              zeroDelays++;
            }
            entries.add(new Entry(left, top, fw, fh, delay, Disposal.of(disposal), transparent, (fflags & 0x40) != 0,
                table, tableSize, minCode, dataOffset, count));
            delay = 0;
            disposal = 0;
            transparent = -1;
          }
          default -> {
            break scan; // garbage after the last frame: browsers stop there too
          }
        }
      }
      int kept = entries.size();
      List<String> warnings = new ArrayList<>();
      if (truncated != null) {
        if (kept == 0) {
          throw new ImageDecodeException(Reason.CORRUPT, "truncated GIF: frame 1 of 1 is truncated (" + truncated
              + "); no complete frame");
        }
        warnings.add(String.format(Locale.ROOT, "frame %d of %d is truncated (%s); %d frame%s kept", kept + 1, kept + 1,
            truncated, kept, kept == 1 ? "" : "s"));
      }
      if (kept == 0) {
        throw new ImageDecodeException(Reason.CORRUPT, "GIF without any frame");
      }
      if (outside > 0) {
        warnings.add(String.format(Locale.ROOT, "%s lie%s partly outside the %dx%d screen; clipped to it, as "
            + "browsers do", outside == 1 ? firstOutside : outside + " frames, the first " + firstOutside,
            outside == 1 ? "s" : "", w, h));
      }
      if (shortFrames > 0) {
        warnings.add(shortFrames + " frame" + (shortFrames == 1 ? " has" : "s have") + " fewer pixels than "
            + (shortFrames == 1 ? "its" : "their") + " size; the missing pixels are left as they were");
      }
      if (zeroDelays > 0 && kept > 1) {
        warnings.add(String.format(Locale.ROOT, "%d of %d frames have a delay of 0 (browsers show them for 10 cs);"
            + " kept as written", zeroDelays, kept));
      }
      return new GifAnimation(d, w, h, globalTable, globalSize, loop, entries, warnings);
    }

    private boolean isNetscape(int at) {
      String id = new String(d, at, Math.min(11, d.length - at), java.nio.charset.StandardCharsets.ISO_8859_1);
      return id.equals("NETSCAPE2.0") || id.equals("ANIMEXTS1.0");
    }

    /** Skips data sub-blocks up to and past the empty one; false when the file ends first. */
    private boolean skipBlocks() {
      while (p < d.length) {
        int n = d[p] & 0xff;
        if (n == 0) {
          p++;
          return true;
        }
        p += 1 + n;
      }
      return false;
    }

    private int u16(int at) {
      return (d[at] & 0xff) | (d[at + 1] & 0xff) << 8;
    }
  }
}
