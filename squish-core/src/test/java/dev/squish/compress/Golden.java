package dev.squish.compress;

import static org.assertj.core.api.Assertions.assertThat;
import dev.squish.image.RgbaImage;
import dev.squish.quantize.Speed;
import dev.squish.testkit.TestImages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Golden figures of the committed photos, in {@code golden/NAME.properties} beside the tests: a
 * key {@code PHOTO.CASE.MEASURE.min} is a floor, {@code .max} a ceiling. A result far better than
 * its bound is printed as "too lax" so that the bound gets tightened in review (the ratchet of
 * zxing's black-box tests); a bound is never loosened to make a change pass.
 */
final class Golden {
  private static final Map<String, PreparedImage> PREPARED = new ConcurrentHashMap<>();

  private final String file;
  private final Properties bounds = new Properties();

  Golden(String file) {
    this.file = file;
    try (InputStream in = Golden.class.getResourceAsStream("golden/" + file)) {
      bounds.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The committed photo, prepared once for every golden test. */
  /**
   * The speed the floors of the spaces, dithering and EM goldens were set at: 3, the effort of
   * squish before speeds existed, so that they keep guarding those algorithms whatever the default.
   */
  static final Speed FLOOR_SPEED = Speed.of(3);

  static PreparedImage photo(String name) {
    return PREPARED.computeIfAbsent(name, n -> PreparedImage.of(TestImages.load(n, RgbaImage::of)));
  }

  /** Checks {@code value} against the floor {@code key.min}; {@code lax} is the margin above it called too lax. */
  void atLeast(String key, double value, double lax) {
    double floor = bound(key + ".min");
    System.out.printf("%s %s = %.4f (floor %.4f)%n", file, key, value, floor);
    if (value > floor + lax && Double.isFinite(value)) {
      System.out.printf("+++ too lax: %s %s = %.4f, floor %.4f%n", file, key, value, floor);
    }
    assertThat(value).as("%s %s", file, key).isGreaterThanOrEqualTo(floor);
  }

  /**
   * Checks {@code value} against the ceiling {@code key.max}; a value more than {@code laxShare} of
   * the ceiling below it is called too lax (a share, as the ceilings are set a share above the
   * value measured).
   */
  void atMost(String key, double value, double laxShare) {
    double ceiling = bound(key + ".max");
    System.out.printf("%s %s = %.4f (ceiling %.4f)%n", file, key, value, ceiling);
    if (value < ceiling * (1 - laxShare)) {
      System.out.printf("+++ too lax: %s %s = %.4f, ceiling %.4f%n", file, key, value, ceiling);
    }
    assertThat(value).as("%s %s", file, key).isLessThanOrEqualTo(ceiling);
  }

  private double bound(String key) {
    String v = bounds.getProperty(key);
    if (v == null) {
      throw new IllegalStateException("golden/" + file + " has no " + key);
    }
    return Double.parseDouble(v);
  }
}
