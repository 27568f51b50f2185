package dev.squish.cli;

import dev.squish.testkit.TestImages;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Batches of many small real-photo crops for the long-running CLI tests (kill and resume, soak):
 * seeded, so the same arguments make the same files. Crops come from the committed test photos
 * (see testkit's {@code photos/README.md} for sources and licences), at mixed sizes and in
 * mixed formats, each with its own stem so that no two share an output name.
 */
final class GeneratedBatch {
  /** The ways a generated file is broken, in turn: cut short, not an image at all, a damaged header. */
  enum Damage { TRUNCATED, GARBAGE, BAD_HEADER }

  /** A file made: its path, and its damage (null for a good image). */
  record Made(Path path, Damage damage) {}

  private static final List<BufferedImage> SOURCES = TestImages.PHOTOS.stream().map(GeneratedBatch::read).toList();

  private GeneratedBatch() {}

  /**
   * Writes {@code count} crops of {@code minSize}..{@code maxSize} pixels a side into {@code dir}
   * as the given formats (ImageIO names: png, jpg, gif, bmp), in turn; every {@code corruptEvery}-th
   * file (0 for none) is damaged instead, cycling through {@link Damage}.
   */
  static List<Made> write(Path dir, int count, int minSize, int maxSize, List<String> formats, int corruptEvery,
      long seed) throws IOException {
    Files.createDirectories(dir);
    Random random = new Random(seed);
    List<Made> made = new ArrayList<>(count);
    int damaged = 0;
    for (int i = 0; i < count; i++) {
      BufferedImage src = SOURCES.get(random.nextInt(SOURCES.size()));
      int w = minSize + random.nextInt(maxSize - minSize + 1);
      int h = minSize + random.nextInt(maxSize - minSize + 1);
      int x = random.nextInt(src.getWidth() - w + 1);
      int y = random.nextInt(src.getHeight() - h + 1);
      String format = formats.get(i % formats.size());
      byte[] bytes = encode(crop(src, x, y, w, h), format);
      Damage damage = null;
      if (corruptEvery > 0 && i % corruptEvery == corruptEvery / 2) {
        damage = Damage.values()[damaged++ % Damage.values().length];
        bytes = damage(bytes, damage, random);
      }
      Path p = dir.resolve(String.format("c%05d.%s", i, format));
      Files.write(p, bytes);
      made.add(new Made(p, damage));
    }
    return made;
  }

  /** A photo as large as {@code width} × {@code height}, scaled up from a test photo: a big real image. */
  static BufferedImage upscaled(String photo, int width, int height) {
    BufferedImage src = read(photo);
    BufferedImage big = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = big.createGraphics();
    g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(src, 0, 0, width, height, null);
    g.dispose();
    return big;
  }

  static void writeImage(BufferedImage image, String format, Path file) throws IOException {
    if (!ImageIO.write(image, format, file.toFile())) {
      throw new IOException("no ImageIO writer for " + format);
    }
  }

  private static byte[] damage(byte[] good, Damage how, Random random) {
    return switch (how) {
      case TRUNCATED -> java.util.Arrays.copyOf(good, Math.max(1, good.length / 3));
      case GARBAGE -> {
        byte[] junk = new byte[64 + random.nextInt(2000)];
        random.nextBytes(junk);
        yield junk;
      }
      case BAD_HEADER -> {
        byte[] bad = good.clone();
        for (int i = 0; i < Math.min(8, bad.length); i++) {
          bad[i] = (byte) ~bad[i]; // the signature: no decoder recognises the file any more
        }
        yield bad;
      }
    };
  }

  private static BufferedImage crop(BufferedImage src, int x, int y, int w, int h) {
    BufferedImage c = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB); // JPEG and BMP writers want RGB
    Graphics2D g = c.createGraphics();
    g.drawImage(src.getSubimage(x, y, w, h), 0, 0, null);
    g.dispose();
    return c;
  }

  private static byte[] encode(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalArgumentException("no ImageIO writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static BufferedImage read(String photo) {
    try {
      return ImageIO.read(new ByteArrayInputStream(TestImages.bytes(photo)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The java executable of the JVM running the tests, for child processes. */
  static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString() + (File.separatorChar == '\\' ? ".exe"
        : "");
  }

  /**
   * The command that runs the CLI in a child JVM as the {@code ./squish} launcher does (serial
   * collector, client compiler), with {@code jvmOptions} first and then {@code args}.
   */
  static List<String> squishCommand(List<String> jvmOptions, String... args) {
    List<String> cmd = new ArrayList<>(List.of(javaBin(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    cmd.addAll(jvmOptions);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(args));
    return cmd;
  }
}
