package dev.squish.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import dev.squish.compress.CompressOptions;
import dev.squish.compress.Compressed;
import dev.squish.compress.PreparedImage;
import dev.squish.image.RgbaImage;
import dev.squish.io.encode.ImageEncoder;
import dev.squish.io.encode.OutputFormat;
import dev.squish.io.encode.PngOptions;
import dev.squish.quantize.Method;
import dev.squish.testkit.TestImages;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.WheelInput;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real browser (headless Chromium through Selenium): upload a test photo, move the
 * k slider, wait for the result, check the figures shown against the library's own, download the
 * file and compare it byte for byte with what the library writes, drag the split line, zoom, and
 * save a screenshot ({@code target/browser/page.png}). A second test measures (and prints, never
 * asserts) how long the page takes to answer a change of k on a one-megapixel image.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageBrowserTest {
  private WebServer server;
  private ChromeDriver driver;

  // a parameter, not an instance field: JUnit fills @TempDir fields only before each test, and an
  // empty profile path would make Chromium write its profile into ./null
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
    server = WebServer.start(WebConfig.defaults(0), System.err);
    driver = Browser.start(chromium.get(), chromedriver.get(), profile, 1400, 1150);
  }

  @AfterAll
  void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void showsTheLibrarysResultForTheChosenKAndComparesWithASplitLine(@TempDir Path dir) throws Exception {
    driver.get(server.url().toString());
    Path photo = TestImages.copyTo(TestImages.CHELSEA, dir);
    driver.findElement(By.id("file")).sendKeys(photo.toString());
    awaitExact(16);

    // move the k slider with the mouse: press it and drag the knob to about a sixth of its track
    WebElement slider = driver.findElement(By.id("k"));
    assertThat(slider.getAttribute("min")).as("the slider's range is the library's").isEqualTo("1");
    assertThat(slider.getAttribute("max")).isEqualTo("256");
    int w = slider.getRect().getWidth();
    new Actions(driver).clickAndHold(slider).moveByOffset(-w / 2 + w / 6, 0).release().perform();
    int k = Integer.parseInt(slider.getAttribute("value"));
    assertThat(k).as("k after dragging the slider").isNotEqualTo(16).isBetween(2, 256);
    assertThat(text("k-value")).isEqualTo(Integer.toString(k));
    awaitExact(k);

    RgbaImage image = TestImages.load(TestImages.CHELSEA, RgbaImage::of);
    CompressOptions options = CompressOptions.builder(Method.kMeans(k)).ssim(true).build();
    Compressed c = PreparedImage.of(image).compress(options);
    byte[] png = ImageEncoder.encode(c.image(), OutputFormat.PNG, PngOptions.defaults());
    assertThat(text("stat-psnr")).isEqualTo(String.format(Locale.ROOT, "%.2f dB", c.quality().psnr()));
    assertThat(text("stat-bpp")).isEqualTo(String.format(Locale.ROOT, "%.3f", 8.0 * png.length
        / image.pixelCount()));
    assertThat(text("stat-output")).isEqualTo(kib(png.length));
    assertThat(text("stat-input")).isEqualTo(kib(TestImages.bytes(TestImages.CHELSEA).length));
    assertThat(text("stat-ratio")).isEqualTo(String.format(Locale.ROOT, "%.2f : 1",
        (double) TestImages.bytes(TestImages.CHELSEA).length / png.length));
    assertThat(text("stat-ssim")).isEqualTo(String.format(Locale.ROOT, "%.4f", c.quality().ssim()));
    assertThat(text("stat-palette")).isEqualTo(c.image().palette().size() + " colours");
    assertThat(driver.findElements(By.cssSelector("#swatches .swatch"))).hasSize(c.image().palette().size());

    // the download is the very file the command line writes
    String href = driver.findElement(By.id("download")).getAttribute("href");
    HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
        .build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
    assertThat(download.body()).isEqualTo(png);

    // drag the split line 200 px to the left
    WebElement frame = driver.findElement(By.id("frame"));
    double before = Double.parseDouble(frame.getAttribute("data-split"));
    new Actions(driver).dragAndDropBy(driver.findElement(By.id("split")), -200, 0).perform();
    double after = Double.parseDouble(frame.getAttribute("data-split"));
    assertThat(before).isEqualTo(0.5);
    assertThat(after).isCloseTo(0.5 - 200.0 / frame.getRect().getWidth(), within(0.02));

    // zoom with the wheel: both images keep the same transform
    String fitted = driver.findElement(By.id("img-after")).getCssValue("transform");
    new Actions(driver).scrollFromOrigin(WheelInput.ScrollOrigin.fromElement(frame), 0, -400).perform();
    String zoomed = driver.findElement(By.id("img-after")).getCssValue("transform");
    assertThat(zoomed).isNotEqualTo(fitted);
    assertThat(driver.findElement(By.id("img-before")).getCssValue("transform")).isEqualTo(zoomed);
    new Actions(driver).doubleClick(frame).perform();

    // the colour cloud was drawn: many pixels differ from the canvas background
    Object drawn = ((JavascriptExecutor) driver).executeScript(
        "const c = document.getElementById('cloud-rgb'), d = c.getContext('2d').getImageData(0, 0, c.width,"
            + " c.height).data; let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n;");
    assertThat(((Number) drawn).intValue()).as("painted pixels of the RGB cloud").isGreaterThan(2000);

    Path shot = Path.of("target", "browser", "page.png");
    Files.createDirectories(shot.getParent());
    Files.write(shot, driver.getScreenshotAs(OutputType.BYTES));
    // and the whole page with EM in Oklab, both colour clouds and the ellipsoids included (the
    // README's picture is made from it)
    new Select(driver.findElement(By.id("space"))).selectByValue("oklab");
    awaitExact(k);
    new Select(driver.findElement(By.id("method"))).selectByValue("em");
    awaitExact(k);
    assertThat(driver.findElement(By.id("cloud-ellipsoids-box")).isDisplayed()).isTrue();
    assertThat(text("stat-fit")).startsWith("em, ");
    driver.manage().window().setSize(new Dimension(1400, 1640));
    Thread.sleep(300);
    Files.write(shot.resolveSibling("page-full.png"), driver.getScreenshotAs(OutputType.BYTES));
    driver.manage().window().setSize(new Dimension(1400, 1150));
    System.out.println("page screenshots: " + shot.toAbsolutePath() + ", page-full.png");
  }

  /**
   * Before any upload the frame shows no broken image (an {@code <img>} without a picture is not
   * displayed), and the text over the frame (the pan/zoom hint and the two badges) has a backing of
   * its own with a WCAG AA contrast (4.5:1) whatever lies under it: its background colour is
   * composited over white and over black, the extremes of the checkerboard or a photo.
   */
  @Test
  void beforeAnUploadShowsNoBrokenImageAndTheFrameTextIsReadable() throws Exception {
    driver.get(server.url().toString());
    new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(20)).until(d -> ((JavascriptExecutor) d)
        .executeScript("return document.readyState === 'complete'"
            + " && document.getElementById('method').options.length > 0"));
    Path shot = Path.of("target", "browser", "page-empty.png");
    Files.createDirectories(shot.getParent());
    Files.write(shot, driver.getScreenshotAs(OutputType.BYTES));
    Object broken = ((JavascriptExecutor) driver).executeScript("return [...document.images].filter(i => {"
        + " const r = i.getBoundingClientRect(), st = getComputedStyle(i);"
        + " const shown = i.getClientRects().length > 0 && r.width > 0 && r.height > 0 && st.visibility !== 'hidden'"
        + " && +st.opacity > 0;"
        + " return shown && !(i.complete && i.naturalWidth > 0); }).map(i => i.id || i.alt || i.src)");
    assertThat((List<?>) broken).as("images shown before any upload without a picture (a broken-image icon)")
        .isEmpty();

    List<WebElement> overlays = driver.findElements(By.cssSelector("#frame .hint, #frame .tag"));
    assertThat(overlays).hasSize(3);
    for (WebElement e : overlays) {
      assertThat(e.isDisplayed()).as("%s is shown", e.getText()).isTrue();
      double[] fg = rgba(e.getCssValue("color"));
      double[] bg = rgba(e.getCssValue("background-color"));
      assertThat(bg[3]).as("alpha of the backing of \"%s\" (%s)", e.getText(), e.getCssValue("background-color"))
          .isGreaterThan(0);
      for (double under : new double[] {0, 255}) {
        double[] back = over(bg, new double[] {under, under, under, 1});
        double ratio = contrast(over(fg, back), back);
        assertThat(ratio).as("contrast of \"%s\" (%s on %s) over %s", e.getText(), e.getCssValue("color"),
            e.getCssValue("background-color"), under == 0 ? "black" : "white").isGreaterThanOrEqualTo(4.5);
      }
    }
  }

  /** A CSS colour as Chromium computes it, {@code rgb(r, g, b)} or {@code rgba(r, g, b, a)}: r, g, b, a (0..1). */
  private static double[] rgba(String css) {
    String[] p = css.replaceAll("[^0-9.,]", "").split(",");
    assertThat(p.length).as("colour %s", css).isBetween(3, 4);
    return new double[] {Double.parseDouble(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2]),
        p.length == 4 ? Double.parseDouble(p[3]) : 1};
  }

  /** Colour {@code top} composited over the opaque colour {@code under}. */
  private static double[] over(double[] top, double[] under) {
    double a = top[3];
    return new double[] {top[0] * a + under[0] * (1 - a), top[1] * a + under[1] * (1 - a),
        top[2] * a + under[2] * (1 - a), 1};
  }

  /** WCAG 2 contrast ratio of two opaque sRGB colours (0..255). */
  private static double contrast(double[] a, double[] b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  private static double luminance(double[] c) {
    double[] lin = new double[3];
    for (int i = 0; i < 3; i++) {
      double v = c[i] / 255;
      lin[i] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
  }

  @Test
  void reportsHowFastAKChangeIsAnsweredOnAMegapixelImage(@TempDir Path dir) throws Exception {
    driver.get(server.url().toString());
    Path photo = dir.resolve("baboon-1024.png");
    Files.write(photo, TestPictures.megapixelPng(TestImages.BABOON, 0));
    driver.findElement(By.id("file")).sendKeys(photo.toString());
    awaitExact(16);
    WebElement slider = driver.findElement(By.id("k"));
    List<String> lines = new ArrayList<>();
    List<String> firstModes = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      if (i == 5) {
        // the same for EM, from its exact result at k = 48
        new Select(driver.findElement(By.id("method"))).selectByValue("em");
        awaitExact(48);
      }
      String method = i <= 4 ? "kmeans" : "em";
      int k = 16 + 8 * i;
      long t0 = System.nanoTime();
      setK(slider, k);
      awaitAnswer(k);
      long t1 = System.nanoTime();
      String firstMode = driver.findElement(By.id("status")).getAttribute("data-state");
      firstModes.add(firstMode);
      double firstPage = Double.parseDouble(driver.findElement(By.id("answer-ms")).getAttribute("data-ms"));
      awaitExact(k);
      long t2 = System.nanoTime();
      double exactPage = Double.parseDouble(driver.findElement(By.id("answer-ms")).getAttribute("data-ms"));
      // the order, not the speed: the preview answers before the exact result (both timed from the change)
      assertThat(firstPage).as("%s k=%d: the first answer comes before the exact one", method, k)
          .isLessThan(exactPage);
      lines.add(String.format(Locale.ROOT, "%-6s k %d -> %d: first answer (%s) %.0f ms in the page (%.0f ms seen by"
          + " the test), exact %.0f ms in the page (%.0f ms)", method, k - 8, k, firstMode, firstPage,
          (t1 - t0) / 1e6, exactPage, (t2 - t0) / 1e6));
    }
    // a change while the exact fit of the previous one is still running is answered at once too
    new Select(driver.findElement(By.id("method"))).selectByValue("kmeans");
    awaitExact(64);
    setK(slider, 72);
    awaitAnswer(72);
    new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(10)).until(d -> "exact".equals(
        d.findElement(By.id("status")).getAttribute("data-pending")));
    long t0 = System.nanoTime();
    setK(slider, 80);
    awaitAnswer(80);
    String duringExact = driver.findElement(By.id("status")).getAttribute("data-state");
    lines.add(String.format(Locale.ROOT, "kmeans k 72 -> 80 while the exact fit for 72 runs: first answer (%s) %.0f"
        + " ms seen by the test", duringExact, (System.nanoTime() - t0) / 1e6));
    awaitExact(80);
    Path report = Path.of("target", "browser", "k-change-1mp.txt");
    Files.createDirectories(report.getParent());
    Files.write(report, lines);
    System.out.println("k change on a 1024x1024 image (baboon scaled up, " + Runtime.getRuntime()
        .availableProcessors() + " cores):");
    lines.forEach(l -> System.out.println("  " + l));
    Object timings = ((JavascriptExecutor) driver).executeScript("return window.squishTimings.map(t =>"
        + " `k=${t.k} ${t.mode}: ${Math.round(t.ms)} ms in the page, of which the server ${Math.round(1000 *"
        + " t.server.total)} ms (compress ${Math.round(1000 * t.server.compress)}, encode ${Math.round(1000 *"
        + " t.server.encode)}) and showing ${Math.round(t.phases.show)} ms, ${t.key}`).join('\\n')");
    System.out.println("  the page's own timings:");
    String.valueOf(timings).lines().forEach(l -> System.out.println("    " + l));
    // what the figures above stand for (their values depend on the machine, so they are reported, not asserted):
    // every change of k on a megapixel image is answered first by a preview, also while an exact fit runs, and
    // each answer is followed by the exact result
    assertThat(firstModes).as("first answer of each k change").containsOnly("preview").hasSize(6);
    assertThat(duringExact).as("first answer while the previous exact fit runs").isEqualTo("preview");
    Object modes = ((JavascriptExecutor) driver).executeScript("return window.squishTimings.map(t => t.mode)");
    assertThat(String.valueOf(modes)).contains("preview", "exact");
  }

  /** Sets the slider as a drag ending at {@code k} would, firing its input event. */
  private void setK(WebElement slider, int k) {
    ((JavascriptExecutor) driver).executeScript("const s = arguments[0]; s.value = arguments[1];"
        + " s.dispatchEvent(new Event('input', {bubbles: true}));", slider, k);
  }

  private void awaitExact(int k) {
    new WebDriverWait(driver, Duration.ofSeconds(180), Duration.ofMillis(20)).until(d -> {
      WebElement s = d.findElement(By.id("status"));
      assertNoError();
      return "exact".equals(s.getAttribute("data-state")) && Integer.toString(k).equals(s.getAttribute("data-k"));
    });
  }

  private void awaitAnswer(int k) {
    new WebDriverWait(driver, Duration.ofSeconds(180), Duration.ofMillis(20)).until(d -> {
      WebElement s = d.findElement(By.id("status"));
      assertNoError();
      String state = s.getAttribute("data-state");
      return ("exact".equals(state) || "preview".equals(state)) && Integer.toString(k).equals(s.getAttribute("data-k"));
    });
  }

  private void assertNoError() {
    WebElement e = driver.findElement(By.id("error"));
    if (e.isDisplayed()) {
      fail("the page shows an error: " + e.getText());
    }
  }

  private String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }

  /** Sizes as the page writes them. */
  private static String kib(long bytes) {
    return bytes >= 1048576 ? String.format(Locale.ROOT, "%.2f MiB", bytes / 1048576.0)
        : String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
  }

}
