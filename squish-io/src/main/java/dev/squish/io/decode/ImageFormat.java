package dev.squish.io.decode;

/** Image formats recognised from their first bytes. */
public enum ImageFormat {
  PNG("png"),
  JPEG("jpeg"),
  GIF("gif"),
  BMP("bmp"),
  TIFF("tiff"),
  WEBP("webp");

  private final String imageIoName;

  ImageFormat(String imageIoName) {
    this.imageIoName = imageIoName;
  }

  /** The format name ImageIO registers readers under. */
  public String imageIoName() {
    return imageIoName;
  }

  /**
   * The format whose signature starts {@code head}, or null. Sniffing the bytes rather than
   * trusting the file name is what turns "a text file named .png" into a clear message.
   */
  public static ImageFormat sniff(byte[] head, int length) {
    if (starts(head, length, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return PNG;
    }
    if (starts(head, length, 0xFF, 0xD8, 0xFF)) {
      return JPEG;
    }
    if (starts(head, length, 'G', 'I', 'F', '8')) {
      return GIF;
    }
    if (starts(head, length, 'B', 'M')) {
      return BMP;
    }
    if (starts(head, length, 'I', 'I', 42, 0) || starts(head, length, 'M', 'M', 0, 42)) {
      return TIFF;
    }
    if (starts(head, length, 'R', 'I', 'F', 'F') && length >= 12 && head[8] == 'W' && head[9] == 'E'
        && head[10] == 'B' && head[11] == 'P') {
      return WEBP;
    }
    return null;
  }

  private static boolean starts(byte[] head, int length, int... sig) {
    if (length < sig.length) {
      return false;
    }
    for (int i = 0; i < sig.length; i++) {
      if ((head[i] & 0xFF) != sig[i]) {
        return false;
      }
    }
    return true;
  }
}
