package dev.squish.web;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium for the page tests: Debian's {@code chromium} and {@code chromium-driver}
 * (installed by {@code .ci/run}), both paths given explicitly so that Selenium Manager never
 * runs and nothing is downloaded. Override with {@code -Dsquish.chromium=...} and
 * {@code -Dsquish.chromedriver=...}.
 */
final class Browser {
  private Browser() {}

  /** The browser binary: Debian's real one behind its wrapper script, or the first on the PATH. */
  static Optional<Path> chromium() {
    String p = System.getProperty("squish.chromium");
    if (p != null) {
      return Optional.of(Path.of(p));
    }
    Path debian = Path.of("/usr/lib/chromium/chromium");
    if (Files.isExecutable(debian)) {
      return Optional.of(debian);
    }
    return onPath("chromium").or(() -> onPath("chromium-browser")).or(() -> onPath("google-chrome"));
  }

  static Optional<Path> chromedriver() {
    String p = System.getProperty("squish.chromedriver");
    return p != null ? Optional.of(Path.of(p)) : onPath("chromedriver");
  }

  /** True in CI ({@code CI=true}), where a missing browser is a failure, not a skip. */
  static boolean required() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** Starts the browser with a fresh profile in {@code profile} (an empty folder the caller deletes afterwards). */
  static ChromeDriver start(Path chromium, Path driver, Path profile, int width, int height) {
    ChromeOptions opt = new ChromeOptions();
    opt.setBinary(chromium.toFile());
    opt.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--hide-scrollbars", "--force-device-scale-factor=1", "--user-data-dir=" + profile,
        "--window-size=" + width + "," + height);
    ChromeDriverService svc = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
        .usingAnyFreePort().build();
    return new ChromeDriver(svc, opt);
  }

  private static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path p = Path.of(dir, name);
      if (!dir.isEmpty() && Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
