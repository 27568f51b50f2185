package dev.squish.io.gif;

import dev.squish.image.IndexedImage;
import dev.squish.image.Palette;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Writes a GIF, still or animated, from whole composed frames, one at a time: squish's own LZW,
 * the first frame's palette as the global colour table and a local table for any frame whose
 * palette differs. Each frame after the first is written as the rectangle that changed since the
 * one before; inside it, pixels that did not change become transparent when that makes the frame
 * smaller (three codings are tried: none, all of them, or those that do not continue a run of
 * their colour), which needs a free palette index: a fully transparent entry,
 * or one appended when the colour table has room for it without growing.
 *
 * <p>Frames are composed images; this writer picks the disposal that shows them exactly: "keep"
 * normally, "clear to transparent" when the next frame is transparent where this one is not. So a
 * frame is written only once the next is known: one frame is held back, with the canvas as a
 * viewer shows it. GIF has no partial transparency: entries with alpha 0 are transparent, all
 * others are written opaque. Not thread-safe; one writer per file.
 */
public final class GifWriter {
  private final OutputStream out;
  private final int width;
  private final int height;
  private final int loopCount;
  private final int[] shown;
  private Palette global;
  private Table globalTable;
  private IndexedImage pending;
  private int pendingDelay;
  private int written;
  private boolean finished;

  /**
   * @param out where the bytes go (not closed)
   * @param width the screen's width, the frames' too
   * @param height the screen's height
   * @param loopCount NETSCAPE2.0 loop count (0 loops forever), or -1 to write none (played once)
   */
  public GifWriter(OutputStream out, int width, int height, int loopCount) {
    this.out = Objects.requireNonNull(out, "out");
    if (width < 1 || height < 1 || width > 0xffff || height > 0xffff) {
      throw new IllegalArgumentException("a GIF is 1 to 65535 pixels wide and high, not " + width + "x" + height);
    }
    if (loopCount < -1 || loopCount > 0xffff) {
      throw new IllegalArgumentException("loop count must be -1 (none) or 0 to 65535, got " + loopCount);
    }
    this.width = width;
    this.height = height;
    this.loopCount = loopCount;
    this.shown = new int[width * height];
  }

  /** {@return {@code image} as a one-frame GIF} */
  public static byte[] still(IndexedImage image) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try {
      GifWriter w = new GifWriter(bytes, image.width(), image.height(), -1);
      w.add(image, 0);
      w.finish();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // a byte array does not fail
    }
    return bytes.toByteArray();
  }

  /**
   * Adds the next frame, as it is to be shown.
   *
   * @param frame the whole screen, {@code width × height}
   * @param delay hundredths of a second it is shown (0 to 65535; 0 is written as 0)
   */
  public void add(IndexedImage frame, int delay) throws IOException {
    if (finished) {
      throw new IllegalStateException("finished");
    }
    if (frame.width() != width || frame.height() != height) {
      throw new IllegalArgumentException("frame is " + frame.width() + "x" + frame.height() + ", the screen "
          + width + "x" + height);
    }
    if (delay < 0 || delay > 0xffff) {
      throw new IllegalArgumentException("delay must be 0 to 65535 cs, got " + delay);
    }
    if (pending == null && written == 0) {
      writeHeader(frame.palette());
    } else {
      writeFrame(pending, pendingDelay, frame);
    }
    pending = frame;
    pendingDelay = delay;
  }

  /** Writes the last frame and the trailer. */
  public void finish() throws IOException {
    if (finished) {
      return;
    }
    if (pending == null) {
      throw new IllegalStateException("no frame was added");
    }
    writeFrame(pending, pendingDelay, null);
    out.write(0x3B);
    out.flush();
    finished = true;
  }

  private void writeHeader(Palette first) throws IOException {
    global = first;
    globalTable = Table.of(first);
    out.write(new byte[] {'G', 'I', 'F', '8', '9', 'a'});
    u16(width);
    u16(height);
    out.write(0x80 | 0x70 | (globalTable.bits - 1)); // global table, 8 bits of colour resolution
    out.write(0); // background index: browsers clear to transparent whatever it says
    out.write(0);
    out.write(globalTable.rgb);
    if (loopCount >= 0) {
      out.write(new byte[] {0x21, (byte) 0xFF, 11, 'N', 'E', 'T', 'S', 'C', 'A', 'P', 'E', '2', '.', '0', 3, 1});
      u16(loopCount);
      out.write(0);
    }
  }

  private void writeFrame(IndexedImage frame, int delay, IndexedImage next) throws IOException {
    boolean local = !frame.palette().equals(global);
    Table table = local ? Table.of(frame.palette()) : globalTable;
    int[] shows = shows(frame);
    int x0 = width;
    int y0 = height;
    int x1 = -1;
    int y1 = -1;
    boolean first = written == 0;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int i = y * width + x;
        if (first || shows[i] != shown[i]) {
          x0 = Math.min(x0, x);
          x1 = Math.max(x1, x);
          y0 = Math.min(y0, y);
          y1 = Math.max(y1, y);
        }
      }
    }
    boolean clear = false;
    if (next != null) {
      int[] nextShows = shows(next);
      for (int i = 0; i < shows.length; i++) {
        if (nextShows[i] == 0 && shows[i] != 0) {
          // the next frame is transparent where this one is not: only "clear to transparent" shows that
          clear = true;
          int x = i % width;
          int y = i / width;
          x0 = Math.min(x0, x);
          x1 = Math.max(x1, x);
          y0 = Math.min(y0, y);
          y1 = Math.max(y1, y);
        }
      }
    }
    if (x1 < 0) {
      x0 = 0; // nothing changed: GIF still needs a frame to carry the delay; one pixel that shows nothing new
      y0 = 0;
      x1 = 0;
      y1 = 0;
    }
    int w = x1 - x0 + 1;
    int h = y1 - y0 + 1;
    byte[] plain = new byte[w * h];
    byte[] holes = table.transparent >= 0 && !first ? new byte[w * h] : null;
    byte[] runs = holes == null ? null : new byte[w * h];
    boolean plainNeedsTransparency = false;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = (y0 + y) * width + x0 + x;
        int v = frame.index(i);
        boolean hidden = shows[i] == 0;
        int t = table.transparent;
        byte b = (byte) (hidden && t >= 0 ? t : v);
        plainNeedsTransparency |= hidden;
        plain[y * w + x] = b;
        if (holes != null) {
          boolean same = shows[i] == shown[i];
          holes[y * w + x] = same ? (byte) t : b;
          // an unchanged pixel keeps its colour when that continues the run before it, else it is a hole
          byte before = x > 0 ? runs[y * w + x - 1] : (byte) t;
          runs[y * w + x] = same && before != b ? (byte) t : b;
        }
      }
    }
    // each candidate is coded with the least code size its indices need (a frame's changed
    // rectangle often uses only the first, most used entries), and the shortest is written
    int minCode = codeSize(plain);
    byte[] data = GifLzw.encode(plain, minCode);
    boolean transparency = plainNeedsTransparency;
    if (holes != null) {
      for (byte[] candidate : new byte[][] {holes, runs}) {
        int size = codeSize(candidate);
        byte[] coded = GifLzw.encode(candidate, size);
        if (coded.length < data.length) {
          data = coded;
          minCode = size;
          transparency = true;
        }
      }
    }
    boolean animated = loopCount >= 0 || next != null || written > 0;
    if (animated || transparency) {
      int disposal = clear ? 2 : 1;
      out.write(new byte[] {0x21, (byte) 0xF9, 4, (byte) (disposal << 2 | (transparency ? 1 : 0))});
      u16(delay);
      out.write(transparency ? table.transparent : 0);
      out.write(0);
    }
    out.write(0x2C);
    u16(x0);
    u16(y0);
    u16(w);
    u16(h);
    out.write(local ? 0x80 | (table.bits - 1) : 0);
    if (local) {
      out.write(table.rgb);
    }
    out.write(minCode);
    out.write(data);
    System.arraycopy(shows, 0, shown, 0, shows.length);
    if (clear) {
      for (int y = y0; y <= y1; y++) {
        java.util.Arrays.fill(shown, y * width + x0, y * width + x1 + 1, 0);
      }
    }
    written++;
  }

  /** {@return the LZW minimum code size for {@code indices}: the bits of the largest, at least 2 (GIF's least)} */
  static int codeSize(byte[] indices) {
    int max = 0;
    for (byte b : indices) {
      max = Math.max(max, b & 0xff);
    }
    return Math.max(2, 32 - Integer.numberOfLeadingZeros(max));
  }

  /** What a viewer shows of each pixel of {@code frame}: 0 where it is transparent, the opaque colour elsewhere. */
  private static int[] shows(IndexedImage frame) {
    int[] colors = frame.palette().colors();
    int[] s = new int[frame.pixelCount()];
    for (int i = 0; i < s.length; i++) {
      int c = colors[frame.index(i)];
      s[i] = (c >>> 24) == 0 ? 0 : 0xff000000 | c;
    }
    return s;
  }

  private void u16(int v) throws IOException {
    out.write(v & 0xff);
    out.write(v >>> 8 & 0xff);
  }

  /**
   * A colour table: the palette padded to a power of two, and the transparent index (the first entry of alpha 0,
   * or a free one past the palette when there is room), or -1.
   */
  private record Table(byte[] rgb, int bits, int transparent) {
    static Table of(Palette palette) {
      int n = palette.size();
      int size = Math.max(2, Integer.highestOneBit(Math.max(1, n - 1)) << 1);
      int transparent = -1;
      byte[] rgb = new byte[3 * size];
      for (int i = 0; i < n; i++) {
        int c = palette.color(i);
        rgb[3 * i] = (byte) (c >>> 16);
        rgb[3 * i + 1] = (byte) (c >>> 8);
        rgb[3 * i + 2] = (byte) c;
        if (transparent < 0 && (c >>> 24) == 0) {
          transparent = i;
        }
      }
      if (transparent < 0 && n < size) {
        transparent = n; // a free entry of the padding
      }
      return new Table(rgb, Integer.numberOfTrailingZeros(size), transparent);
    }
  }
}
