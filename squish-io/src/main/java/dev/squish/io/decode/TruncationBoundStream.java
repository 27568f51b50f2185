package dev.squish.io.decode;

import java.io.IOException;
import javax.imageio.IIOException;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * The encoded bytes as an image input stream that gives up after a bounded number of reads past
 * their end. TwelveMonkeys' lossless WebP decoder treats the end of the data as zero bits, one
 * caught {@code EOFException} per byte it wanted: a 700-byte file declaring 76,000 pixels took a
 * second, and one declaring the pixel limit would take minutes (found by fuzzing). Past the bound
 * the read fails with an {@code IIOException}, which the plugin does not catch, so the file is
 * reported truncated.
 */
final class TruncationBoundStream extends ImageInputStreamImpl {
  /** Reads past the end allowed: a decoder peeking ahead needs a few, a bit reader's refills fewer than this. */
  static final int MAX_READS_PAST_END = 4096;

  private final byte[] data;
  private final int length;
  private int pastEnd;

  TruncationBoundStream(byte[] data, int length) {
    this.data = data;
    this.length = length;
  }

  @Override
  public int read() throws IOException {
    bitOffset = 0;
    if (streamPos >= length) {
      return atEnd();
    }
    return data[(int) streamPos++] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    bitOffset = 0;
    if (len == 0) {
      return 0;
    }
    if (streamPos >= length) {
      return atEnd();
    }
    int n = (int) Math.min(len, length - streamPos);
    System.arraycopy(data, (int) streamPos, b, off, n);
    streamPos += n;
    return n;
  }

  @Override
  public long length() {
    return length;
  }

  private int atEnd() throws IIOException {
    if (++pastEnd > MAX_READS_PAST_END) {
      throw new IIOException("the image data end before its pixels do (the file is truncated)");
    }
    return -1;
  }
}
