package dev.squish.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import dev.squish.compress.CompressOptions;
import dev.squish.compress.Compressed;
import dev.squish.compress.PreparedImage;
import dev.squish.image.Palette;
import dev.squish.image.RgbaImage;
import dev.squish.io.encode.ImageEncoder;
import dev.squish.io.encode.OutputFormat;
import dev.squish.io.encode.PngOptions;
import dev.squish.io.palette.PaletteFiles;
import dev.squish.quantize.Method;
import dev.squish.testkit.TestImages;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page's palette features in a real browser (headless Chromium): pick "given", upload a GIMP
 * palette, see the image remapped to it (the command line's very file) with the palette as hex
 * swatches, save the palette as {@code .gpl} through the page's link (a real browser download) and
 * read it back; a bad palette file or a mistyped colour shows its one-line reason, and the page
 * recovers when the colours are fixed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaletteBrowserTest {
  private WebServer server;
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
  void uploadsAGplShowsItsSwatchesAndSavesThePaletteBackAsGpl(@TempDir Path dir) throws Exception {
    driver.get(server.url().toString());
    driver.findElement(By.id("file")).sendKeys(TestImages.copyTo(TestImages.CHELSEA, dir).toString());
    awaitExact("kmeans/16/");
    assertThat(driver.findElement(By.id("given-box")).isDisplayed()).isFalse();

    new Select(driver.findElement(By.id("palette-mode"))).selectByValue("given");
    assertThat(driver.findElement(By.id("given-box")).isDisplayed()).isTrue();
    assertThat(driver.findElement(By.id("k")).isEnabled()).as("k has no say with a given palette").isFalse();
    Path gpl = dir.resolve("tango-colours.gpl");
    Files.write(gpl, PaletteRoutesTest.resource("tango-colours.gpl"));
    driver.findElement(By.id("palette-file")).sendKeys(gpl.toString());
    awaitExact("given/");

    Palette tango = PaletteFiles.read(gpl);
    Compressed c = PreparedImage.of(TestImages.load(TestImages.CHELSEA, RgbaImage::of)).compress(
        CompressOptions.builder(Method.given(tango)).ssim(true).build());
    assertThat(driver.findElement(By.id("palette-text")).getAttribute("value"))
        .as("the file's colours, in the text box to edit").isEqualTo(PageOptions.hex(tango).replace(",", ", "));
    // the swatches are the palette written, each with its hex value
    List<WebElement> swatches = driver.findElements(By.cssSelector("#swatches .swatch code"));
    Set<String> shown = new HashSet<>();
    swatches.forEach(e -> shown.add(e.getText()));
    Set<String> written = new HashSet<>(List.of(PageOptions.hex(c.palette()).split(",")));
    assertThat(swatches).hasSize(c.palette().size());
    assertThat(shown).isEqualTo(written);
    assertThat(text("stat-palette")).isEqualTo(c.palette().size() + " colours");
    assertThat(text("stat-fit")).isEqualTo("none: the palette is given");
    assertThat(text("stat-deltae")).as("the first answer is the exact result, measured as such").matches(
        "[0-9]+\\.[0-9]{2}");
    assertThat(text("status")).contains("the given palette of 27 colours");
    byte[] png = ImageEncoder.encode(c.image(), OutputFormat.PNG, PngOptions.defaults());
    assertThat(get(driver.findElement(By.id("download")).getAttribute("href"))).as("the command line's file")
        .isEqualTo(png);

    // save the palette with the page's link, as a browser download into dir
    Path downloads = Files.createDirectories(dir.resolve("downloads"));
    driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath",
        downloads.toString()));
    WebElement link = driver.findElement(By.id("palette-gpl"));
    assertThat(link.isDisplayed()).isTrue();
    assertThat(link.getAttribute("download")).isEqualTo("skimage-chelsea-given-k27.gpl");
    link.click();
    Path saved = downloads.resolve("skimage-chelsea-given-k27.gpl");
    new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(50)).until(d -> Files.isRegularFile(saved));
    byte[] bytes = Files.readAllBytes(saved);
    assertThat(new String(bytes, StandardCharsets.UTF_8)).startsWith("GIMP Palette\nName: skimage-chelsea-given-k27\n");
    assertThat(PaletteFiles.read(bytes, "saved.gpl")).as("the saved palette reads back as the one in use")
        .isEqualTo(c.palette());
    assertThat(driver.findElement(By.id("palette-json")).isDisplayed()).isTrue();

    Path shot = Path.of("target", "browser", "page-given-palette.png");
    Files.createDirectories(shot.getParent());
    Files.write(shot, driver.getScreenshotAs(OutputType.BYTES));
  }

  @Test
  void aBadPaletteShowsItsReasonAndTheFixedColoursAreUsed(@TempDir Path dir) throws Exception {
    driver.get(server.url().toString());
    driver.findElement(By.id("file")).sendKeys(TestImages.copyTo(TestImages.GRACE_HOPPER, dir).toString());
    awaitExact("kmeans/16/");
    new Select(driver.findElement(By.id("palette-mode"))).selectByValue("given");
    Path twice = dir.resolve("twice.hex");
    Files.writeString(twice, "#d81b60\n#1e88e5\n#d81b60\n");
    driver.findElement(By.id("palette-file")).sendKeys(twice.toString());
    String fileError = awaitError("twice.hex: ");
    assertThat(fileError).contains("line 3").doesNotContain("\n");

    WebElement text = driver.findElement(By.id("palette-text"));
    text.clear();
    text.sendKeys("#000000, #ffffff, #zz0000");
    assertThat(awaitError("palette: ")).contains("'#zz0000'");
    // the failed request is not repeated while nothing changes
    long sent = requests();
    Thread.sleep(1500);
    assertThat(requests()).as("compress requests after the error, with nothing changed").isEqualTo(sent);

    text.clear();
    text.sendKeys("#000000, #ffffff, #808080");
    awaitExact("given/#000000,#ffffff,#808080/");
    assertThat(driver.findElement(By.id("error")).isDisplayed()).isFalse();
    assertThat(text("stat-palette")).isEqualTo("3 colours");
  }

  @Test
  void keptColoursAreMarkedInThePaletteAndMoreThanKShowTheError(@TempDir Path dir) throws Exception {
    driver.get(server.url().toString());
    driver.findElement(By.id("file")).sendKeys(TestImages.copyTo(TestImages.CHELSEA, dir).toString());
    awaitExact("kmeans/16/");
    assertThat(driver.findElement(By.id("keep-box")).isDisplayed()).isTrue();
    driver.findElement(By.id("keep")).sendKeys("#D81B60 #1e88e5");
    awaitExact("kmeans/16/keep=#D81B60,#1e88e5/");
    List<String> kept = driver.findElements(By.cssSelector("#swatches .swatch.kept code")).stream()
        .map(WebElement::getText).toList();
    assertThat(kept).containsExactlyInAnyOrder("#d81b60", "#1e88e5");
    Compressed c = PreparedImage.of(TestImages.load(TestImages.CHELSEA, RgbaImage::of)).compress(
        CompressOptions.builder(Method.kMeans(16)).keep(List.of(0xFFD81B60, 0xFF1E88E5)).build());
    assertThat(get(driver.findElement(By.id("download")).getAttribute("href"))).as("the library's file")
        .isEqualTo(ImageEncoder.encode(c.image(), OutputFormat.PNG, PngOptions.defaults()));

    setK(1);
    assertThat(awaitError("keep: ")).isEqualTo("keep: 2 kept colours but k is 1 (raise k or keep fewer)");
    setK(2);
    awaitExact("kmeans/2/keep=");
    assertThat(driver.findElements(By.cssSelector("#swatches .swatch.kept"))).hasSize(2);
    // a given palette is used as it is: the kept colours are not asked for with it
    new Select(driver.findElement(By.id("palette-mode"))).selectByValue("given");
    assertThat(driver.findElement(By.id("keep-box")).isDisplayed()).isFalse();
  }

  private void setK(int k) {
    ((JavascriptExecutor) driver).executeScript("const s = document.getElementById('k'); s.value = arguments[0];"
        + " s.dispatchEvent(new Event('input', {bubbles: true}));", k);
  }

  /** Waits for the exact result whose settings key starts with {@code keyPrefix}, failing on an error shown. */
  private void awaitExact(String keyPrefix) {
    new WebDriverWait(driver, Duration.ofSeconds(180), Duration.ofMillis(20)).until(d -> {
      WebElement e = d.findElement(By.id("error"));
      if (e.isDisplayed()) {
        fail("the page shows an error: " + e.getText());
      }
      WebElement s = d.findElement(By.id("status"));
      return "exact".equals(s.getAttribute("data-state")) && s.getAttribute("data-key").startsWith(keyPrefix);
    });
  }

  /** Waits for the error shown to start with {@code prefix} (another one may be shown before it), and returns it. */
  private String awaitError(String prefix) {
    WebElement e = driver.findElement(By.id("error"));
    new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(20)).until(d -> e.isDisplayed()
        && e.getText().startsWith(prefix));
    return e.getText();
  }

  /** Compress requests the page has sent so far (the browser's own record of them). */
  private long requests() {
    Object n = ((JavascriptExecutor) driver).executeScript("return performance.getEntriesByType('resource')"
        + ".filter(r => r.name.includes('/compress?')).length");
    return ((Number) n).longValue();
  }

  private String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }

  private static byte[] get(String url) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofByteArray()).body();
  }
}
