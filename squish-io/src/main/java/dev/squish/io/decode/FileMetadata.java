package dev.squish.io.decode;

import dev.squish.io.color.IccProfiles;
import dev.squish.io.encode.AncillaryChunk;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * What a file says besides its pixels, read from its bytes: the colour description (an ICC
 * profile, or PNG's {@code sRGB}, {@code gAMA} and {@code cHRM}) and the metadata a PNG output
 * keeps (pixel size, text, EXIF). Read by squish rather than through ImageIO's metadata trees,
 * which differ per plugin and leave out WebP's chunks. Malformed metadata never fails a file: it
 * is left out with a warning.
 */
final class FileMetadata {
  /** Profiles are a few KB, rarely 1 MB; more is a decompression bomb, not a profile. */
  static final int MAX_PROFILE_BYTES = 8 << 20;

  private static final java.util.Set<String> WANTED = java.util.Set.of("iCCP", "sRGB", "gAMA", "cHRM", "eXIf", "pHYs",
      "tEXt", "zTXt", "iTXt", "tIME");

  /** The embedded profile, or null. */
  byte[] icc;
  /**
   * A JPEG or WebP with a profile squish does not take: one that claims more bytes than its
   * segments or chunk hold, malformed JPEG segments, or ones past a damaged segment, which the
   * image reader finds by resyncing on the next marker. They must not reach the reader, which
   * allocates the size a profile claims (a few KB can claim 4 GB).
   */
  boolean iccBroken;
  /** Where a WebP's ICCP chunks start, as the reader may meet them; why the profile is not taken. */
  private final List<Integer> webpIccChunks = new ArrayList<>();
  private String brokenIcc;
  /** How a PNG output carries the profile or gamma as they were. */
  final List<AncillaryChunk> colourChunks = new ArrayList<>();
  boolean srgb;
  /** PNG gamma (gAMA / 100000), or NaN. */
  double gamma = Double.NaN;
  IccProfiles.Chromaticities chromaticities;
  /** The EXIF block as TIFF data (from "II*" or "MM*"), or null. */
  byte[] exif;
  /** pHYs, text and time chunks, as a PNG output writes them. */
  final List<AncillaryChunk> kept = new ArrayList<>();
  final List<String> warnings = new ArrayList<>();

  private FileMetadata() {}

  static FileMetadata read(ImageFormat format, byte[] data, int length) {
    FileMetadata m = new FileMetadata();
    try {
      switch (format) {
        case PNG -> m.readPng(data, length);
        case JPEG -> m.readJpeg(data, length);
        case WEBP -> m.readWebp(data, length);
        default -> { }
      }
    } catch (IndexOutOfBoundsException e) {
      m.warnings.add("its metadata is malformed and was left out");
    }
    return m;
  }

  private void readPng(byte[] d, int length) {
    int pos = 8;
    while (pos + 12 <= length) {
      int len = s32(d, pos);
      String type = new String(d, pos + 4, 4, StandardCharsets.ISO_8859_1);
      int body = pos + 8;
      if (len < 0 || body + len > length || type.equals("IEND")) {
        return;
      }
      if (!WANTED.contains(type)) {
        pos = body + len + 4; // the image data above all: not copied
        continue;
      }
      byte[] chunk = java.util.Arrays.copyOfRange(d, body, body + len);
      switch (type) {
        case "iCCP" -> readIccp(chunk);
        case "sRGB" -> srgb = true;
        case "gAMA" -> {
          if (len == 4 && s32(chunk, 0) > 0) {
            gamma = s32(chunk, 0) / 100000.0;
            colourChunks.add(new AncillaryChunk(type, chunk));
          }
        }
        case "cHRM" -> {
          if (len == 32) {
            try {
              chromaticities = new IccProfiles.Chromaticities(s32(chunk, 8) / 1e5, s32(chunk, 12) / 1e5,
                  s32(chunk, 16) / 1e5, s32(chunk, 20) / 1e5, s32(chunk, 24) / 1e5, s32(chunk, 28) / 1e5,
                  s32(chunk, 0) / 1e5, s32(chunk, 4) / 1e5);
              colourChunks.add(new AncillaryChunk(type, chunk));
            } catch (IllegalArgumentException e) {
              warnings.add("its cHRM chunk holds impossible chromaticities and was ignored");
            }
          }
        }
        case "eXIf" -> exif = chunk;
        case "pHYs", "tEXt", "zTXt", "iTXt", "tIME" -> kept.add(new AncillaryChunk(type, chunk));
        default -> { }
      }
      pos = body + len + 4;
    }
  }

  private void readIccp(byte[] chunk) {
    int nul = 0;
    while (nul < chunk.length && nul < 80 && chunk[nul] != 0) {
      nul++;
    }
    if (nul >= chunk.length - 2 || chunk[nul + 1] != 0) {
      warnings.add("its iCCP chunk is malformed; treated as sRGB");
      return;
    }
    byte[] profile = inflate(chunk, nul + 2, chunk.length - nul - 2);
    if (profile != null) {
      icc = profile;
      colourChunks.clear(); // iCCP wins over gAMA and cHRM, as for every viewer
      colourChunks.add(new AncillaryChunk("iCCP", chunk));
    }
  }

  private byte[] inflate(byte[] d, int off, int len) {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(d, off, len);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[16384];
      while (!inflater.finished()) {
        int n = inflater.inflate(buf);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          warnings.add("its iCCP profile is truncated; treated as sRGB");
          return null;
        }
        out.write(buf, 0, n);
        if (out.size() > MAX_PROFILE_BYTES) {
          warnings.add("its iCCP profile inflates to more than " + (MAX_PROFILE_BYTES >> 20)
              + " MB; ignored, treated as sRGB");
          return null;
        }
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      warnings.add("its iCCP profile is not valid zlib data; treated as sRGB");
      return null;
    } finally {
      inflater.end();
    }
  }

  private void readJpeg(byte[] d, int length) {
    TreeMap<Integer, byte[]> iccParts = new TreeMap<>();
    int iccCount = -1;
    int iccSegments = 0;
    int pos = 2;
    while (pos + 4 <= length) {
      if ((d[pos] & 0xFF) != 0xFF) {
        break;
      }
      int marker = d[pos + 1] & 0xFF;
      if (marker == 0xFF) {
        pos++; // fill byte
        continue;
      }
      if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
        pos += 2;
        continue;
      }
      if (marker == 0xDA || marker == 0xD9) {
        break;
      }
      int segLength = u16(d, pos + 2);
      int body = pos + 4;
      int end = pos + 2 + segLength;
      if (segLength < 2 || end > length) {
        break;
      }
      if (isJpegIccSegment(d, pos, length) && d[body + 11] == 0 && segLength >= 16) {
        int seq = d[body + 12] & 0xFF;
        iccCount = d[body + 13] & 0xFF;
        iccParts.put(seq, java.util.Arrays.copyOfRange(d, body + 14, end));
        iccSegments++;
      } else if (marker == 0xE1 && exif == null && segLength >= 16 && startsWith(d, body, "Exif\0")) {
        exif = java.util.Arrays.copyOfRange(d, body + 6, end);
      } else if (marker == 0xE0 && segLength >= 16 && startsWith(d, body, "JFIF\0")) {
        jfifDensity(d[body + 7] & 0xFF, u16(d, body + 8), u16(d, body + 10));
      } else if (marker == 0xFE && segLength > 2) {
        comment(new String(d, body, segLength - 2, StandardCharsets.ISO_8859_1));
      }
      pos = end;
    }
    int anywhere = jpegIccSegments(d, length);
    if (anywhere > iccSegments) {
      warnings.add("it has ICC profile segments that are malformed or after a damaged segment; treated as sRGB");
      iccBroken = true;
      return;
    }
    if (!iccParts.isEmpty()) {
      if (iccParts.size() != iccCount || iccParts.firstKey() != 1 || iccParts.lastKey() != iccCount) {
        warnings.add("its ICC profile is missing parts (" + iccParts.size() + " of " + iccCount
            + "); treated as sRGB");
        iccBroken = true;
        return;
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      iccParts.values().forEach(out::writeBytes);
      byte[] profile = out.toByteArray();
      long declared = profile.length < 4 ? -1 : (long) u16(profile, 0) << 16 | u16(profile, 2);
      if (declared > profile.length || declared < 128) {
        warnings.add("its ICC profile is broken (it claims " + declared + " bytes and holds " + profile.length
            + "); treated as sRGB");
        iccBroken = true;
        return;
      }
      icc = profile;
      colourChunks.add(iccpChunk(icc));
    }
  }

  /**
   * An APP2 segment the image reader takes for ICC_PROFILE: it ends an identifier at any byte below
   * 0x14 or above 0x7F, not only at a NUL, so "ICC_PROFILE" followed by 0xF6 counts too.
   */
  private static boolean isJpegIccSegment(byte[] d, int pos, int length) {
    return pos + 16 <= length && (d[pos] & 0xFF) == 0xFF && (d[pos + 1] & 0xFF) == 0xE2
        && startsWith(d, pos + 4, "ICC_PROFILE");
  }

  /**
   * ICC_PROFILE segments anywhere in the file, not only where a clean segment walk reaches: the
   * image reader skips junk between segments to the next marker, so it finds these too.
   */
  private static int jpegIccSegments(byte[] d, int length) {
    int n = 0;
    for (int pos = 0; pos + 16 <= length; pos++) {
      if (d[pos] == (byte) 0xFF && isJpegIccSegment(d, pos, length)) {
        n++;
      }
    }
    return n;
  }

  /**
   * {@code d} with every ICC_PROFILE segment (JPEG) or ICCP chunk (WebP) renamed so that the image
   * reader passes it by as an unknown segment or chunk. Renaming in place keeps every other byte
   * where it was, so the walk the reader makes through a damaged file is the same as without it.
   */
  byte[] withoutIcc(ImageFormat format, byte[] d, int length) {
    byte[] out = java.util.Arrays.copyOf(d, length);
    if (format == ImageFormat.WEBP) {
      webpIccChunks.forEach(pos -> out[pos + 3] = 'X'); // "ICCX"
      return out;
    }
    for (int pos = 0; pos + 16 <= length; pos++) {
      if (out[pos] == (byte) 0xFF && isJpegIccSegment(out, pos, length)) {
        out[pos + 4 + 10] = 'X'; // "ICC_PROFILX"
      }
    }
    return out;
  }

  private void readWebp(byte[] d, int length) {
    if (length < 12) {
      return;
    }
    // the reader reads no further than the RIFF size says, so neither does squish
    int riffEnd = (int) Math.min(length, 8 + u32le(d, 4));
    int end = walkWebp(d, riffEnd);
    // past a chunk that overruns the file the reader's walk is not ours: any "ICCP" there may be one
    for (int pos = end; pos + 8 <= riffEnd; pos += 2) {
      if (startsWith(d, pos, "ICCP")) {
        webpIccChunks.add(pos);
        brokenIcc = "it has ICC profile chunks that are malformed or after a damaged chunk; treated as sRGB";
      }
    }
    if (brokenIcc != null) {
      warnings.add(brokenIcc);
      iccBroken = true;
      icc = null;
    } else if (icc != null) {
      colourChunks.add(iccpChunk(icc));
    }
  }

  /** Walks the chunks; returns where it stopped: the end, or a chunk that claims more than is left. */
  private int walkWebp(byte[] d, int length) {
    int pos = 12;
    while (pos + 8 <= length) {
      String type = new String(d, pos, 4, StandardCharsets.ISO_8859_1);
      long len = u32le(d, pos + 4);
      int body = pos + 8;
      if (len > length - body) {
        return pos;
      }
      if (type.equals("ICCP")) {
        webpIccChunks.add(pos);
        long declared = len < 4 ? -1 : u32be(d, body);
        if (declared > len || declared < 128) {
          brokenIcc = "its ICC profile is broken (it claims " + declared + " bytes and holds " + len
              + "); treated as sRGB";
        } else if (icc == null) {
          icc = java.util.Arrays.copyOfRange(d, body, body + (int) len);
        }
      } else if (type.equals("EXIF") && exif == null) {
        byte[] e = java.util.Arrays.copyOfRange(d, body, body + (int) len);
        // some writers keep JPEG's "Exif\0\0" prefix
        exif = e.length > 6 && startsWith(e, 0, "Exif\0") ? java.util.Arrays.copyOfRange(e, 6, e.length) : e;
      }
      pos = body + (int) ((len + 1) & ~1L);
    }
    return length;
  }

  /** JFIF's density as PNG's pHYs, when it gives units (dots per inch or per cm). */
  private void jfifDensity(int units, int x, int y) {
    if (units < 1 || units > 2 || x == 0 || y == 0) {
      return; // 0 means only an aspect ratio, which a PNG viewer would not use
    }
    double perMetre = units == 1 ? 100 / 2.54 : 100;
    byte[] p = new byte[9];
    putInt(p, 0, (int) Math.round(x * perMetre));
    putInt(p, 4, (int) Math.round(y * perMetre));
    p[8] = 1;
    kept.add(new AncillaryChunk("pHYs", p));
  }

  /** A JPEG comment as a tEXt "Comment", when it is printable Latin-1, as tEXt allows. */
  private void comment(String text) {
    String t = text.replace("\0", "").strip();
    if (t.isEmpty() || t.length() > 65_000) {
      return;
    }
    byte[] key = "Comment".getBytes(StandardCharsets.ISO_8859_1);
    byte[] value = t.getBytes(StandardCharsets.ISO_8859_1);
    byte[] chunk = new byte[key.length + 1 + value.length];
    System.arraycopy(key, 0, chunk, 0, key.length);
    System.arraycopy(value, 0, chunk, key.length + 1, value.length);
    kept.add(new AncillaryChunk("tEXt", chunk));
  }

  /** A PNG iCCP chunk holding {@code profile}, deflated. */
  static AncillaryChunk iccpChunk(byte[] profile) {
    java.util.zip.Deflater deflater = new java.util.zip.Deflater(9);
    try {
      deflater.setInput(profile);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes("ICC profile\0\0".getBytes(StandardCharsets.ISO_8859_1));
      byte[] buf = new byte[16384];
      while (!deflater.finished()) {
        out.write(buf, 0, deflater.deflate(buf));
      }
      return new AncillaryChunk("iCCP", out.toByteArray());
    } finally {
      deflater.end();
    }
  }

  private static boolean startsWith(byte[] d, int pos, String s) {
    if (pos + s.length() > d.length) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (d[pos + i] != (byte) s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static int u16(byte[] b, int p) {
    return ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
  }

  private static int s32(byte[] b, int p) {
    return ((b[p] & 0xFF) << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
  }

  private static long u32be(byte[] b, int p) {
    return s32(b, p) & 0xFFFFFFFFL;
  }

  private static long u32le(byte[] b, int p) {
    return (b[p] & 0xFFL) | ((b[p + 1] & 0xFFL) << 8) | ((b[p + 2] & 0xFFL) << 16) | ((b[p + 3] & 0xFFL) << 24);
  }

  private static void putInt(byte[] b, int off, int v) {
    b[off] = (byte) (v >>> 24);
    b[off + 1] = (byte) (v >>> 16);
    b[off + 2] = (byte) (v >>> 8);
    b[off + 3] = (byte) v;
  }
}
