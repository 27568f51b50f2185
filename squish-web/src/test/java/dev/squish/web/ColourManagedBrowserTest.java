package dev.squish.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.squish.image.RgbaImage;
import dev.squish.io.color.IccProfiles;
import dev.squish.io.decode.DecodeLimits;
import dev.squish.io.decode.ImageDecoder;
import dev.squish.testkit.TaggedPng;
import dev.squish.testkit.TestImages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * squish's colour management against a colour-managed viewer, Chromium: a tagged image drawn into
 * a canvas (which holds sRGB) gives the pixels the browser shows, and squish's decoder must give
 * the same. Each case also checks that the browser does convert it, so that agreement means
 * something.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ColourManagedBrowserTest {
  private static final ImageDecoder DECODER = new ImageDecoder(DecodeLimits.defaults());
  private ChromeDriver driver;

  @BeforeAll
  void start(@TempDir Path profile) throws IOException {
    Objects.requireNonNull(profile, "profile");
    Optional<Path> chromium = Browser.chromium();
    Optional<Path> chromedriver = Browser.chromedriver();
    if (chromium.isEmpty() || chromedriver.isEmpty()) {
      if (Browser.required()) {
        fail("CI=true but chromium or chromedriver is missing (apt-get install -y chromium chromium-driver)");
      }
      assumeTrue(false, "no chromium/chromedriver on this machine");
    }
    driver = Browser.start(chromium.get(), chromedriver.get(), profile, 400, 300);
    driver.get("about:blank");
  }

  @AfterAll
  void stop() {
    if (driver != null) {
      driver.quit();
    }
  }

  @Test
  void anAdobeRgbPngIsShownAsSquishDecodesIt() {
    assertShownAsDecoded(TestImages.colorFixture("chelsea-adobe.png"), "image/png");
  }

  @Test
  void anAdobeRgbJpegIsShownAsSquishDecodesIt() {
    assertShownAsDecoded(TestImages.colorFixture("chelsea-adobe.jpg"), "image/jpeg");
  }

  @Test
  void aDisplayP3PngIsShownAsSquishDecodesIt() {
    TestImages.Pixels p = TestImages.pixels(TestImages.CHELSEA);
    byte[] icc = IccProfiles.rgb("Display P3", IccProfiles.DISPLAY_P3_PRIMARIES, IccProfiles.TransferCurve.SRGB);
    assertShownAsDecoded(TaggedPng.rgb(p.width(), p.height(), p.argb(), "iCCP", TaggedPng.iccp(icc)), "image/png");
  }

  @Test
  void aGammaOnePngIsShownAsSquishDecodesIt() {
    TestImages.Pixels p = TestImages.pixels(TestImages.CHELSEA);
    assertShownAsDecoded(TaggedPng.rgb(p.width(), p.height(), p.argb(), "gAMA", TaggedPng.gama(1.0)), "image/png");
  }

  private void assertShownAsDecoded(byte[] file, String mime) {
    RgbaImage decoded;
    RgbaImage stored;
    try {
      decoded = DECODER.decode(file, file.length).image();
      stored = new ImageDecoder(DecodeLimits.defaults(), true).decode(file, file.length).image();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    int[] shown = shownByBrowser(file, mime, decoded.width(), decoded.height());
    double sum = 0;
    double storedSum = 0;
    int worst = 0;
    for (int i = 0; i < shown.length; i++) {
      for (int shift = 0; shift <= 16; shift += 8) {
        int b = (shown[i] >> shift) & 0xFF;
        int d = Math.abs(b - ((decoded.argb(i) >> shift) & 0xFF));
        int s = b - ((stored.argb(i) >> shift) & 0xFF);
        sum += d;
        storedSum += s * s;
        worst = Math.max(worst, d);
      }
    }
    int n = 3 * shown.length;
    System.out.printf(java.util.Locale.ROOT, "browser vs squish (%s): mean %.3f levels, largest %d; stored samples off"
        + " by %.2f rms%n", mime, sum / n, worst, Math.sqrt(storedSum / n));
    // Chromium converts with skcms and decodes JPEG with libjpeg-turbo, squish with LittleCMS and the
    // JDK's decoder; both round to 8 bits. Measured on 2026-12-02 (Chromium 156, JDK 17): mean 0.02 to
    // 0.04 levels, largest 1, in all four cases
    assertThat(sum / n).as("mean difference in levels").isLessThan(0.25);
    assertThat(worst).as("largest difference in levels").isLessThanOrEqualTo(3);
    assertThat(Math.sqrt(storedSum / n)).as("rms difference between what is shown and the stored samples")
        .isGreaterThan(2.5);
  }

  /** The pixels Chromium shows of the image, read back from a canvas as packed RGB. */
  private int[] shownByBrowser(byte[] file, String mime, int w, int h) {
    String url = "data:" + mime + ";base64," + Base64.getEncoder().encodeToString(file);
    @SuppressWarnings("unchecked")
    List<Long> rgba = (List<Long>) driver.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        const img = new Image();
        img.onload = () => {
          const c = document.createElement('canvas');
          c.width = img.naturalWidth; c.height = img.naturalHeight;
          const g = c.getContext('2d', {colorSpace: 'srgb'});
          g.drawImage(img, 0, 0);
          done(Array.from(g.getImageData(0, 0, c.width, c.height).data));
        };
        img.onerror = () => done(null);
        img.src = arguments[0];
        """, url);
    assertThat(rgba).as("the browser decoded the image").isNotNull().hasSize(4 * w * h);
    int[] out = new int[w * h];
    for (int i = 0; i < out.length; i++) {
      out[i] = (int) (rgba.get(4 * i) << 16 | rgba.get(4 * i + 1) << 8 | rgba.get(4 * i + 2));
    }
    return out;
  }
}
