package dev.squish.cli;

import dev.squish.io.decode.DecodeLimits;
import dev.squish.web.WebConfig;
import dev.squish.web.WebServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code squish serve}: the local before/after page. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
        "Serves a page at http://127.0.0.1:PORT/ (this computer only) where you drop an image, choose the method, k,"
            + " dithering and colour space, and see the original and the result side by side with a split line,"
            + " their sizes, PSNR and SSIM, the palette (hex swatches; saved as .gpl, .act, .hex or .json) and the"
            + " colour cloud in 3-D. Colours can be kept exactly, or a palette given (a palette file or hex colours)"
            + " to remap to. Runs until stopped (Ctrl-C); images are kept in memory only, nothing is written to"
            + " disk.",
        ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  squish serve                 (then open the printed address)",
        "  squish serve --port 9000 --max-upload-mb 200"
    })
final class ServeCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = {"-p", "--port"}, paramLabel = "N", defaultValue = "" + WebConfig.DEFAULT_PORT,
      description = "Port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--max-upload-mb", paramLabel = "MB", defaultValue = "64",
      description = "Largest upload accepted, in MiB (default: ${DEFAULT-VALUE}).")
  int maxUploadMb;

  @Option(names = "--max-pixels", paramLabel = "N", defaultValue = "" + WebConfig.DEFAULT_MAX_PIXELS,
      description = "Largest image accepted, width x height (default: ${DEFAULT-VALUE}).")
  long maxPixels;

  @Option(names = "--workers", paramLabel = "N",
      description = "Images decoded or compressed at the same time; other requests wait (default: one per core).")
  Integer workers;

  @Option(names = "--cache-mb", paramLabel = "MB", defaultValue = "1024",
      description = "Memory for the images kept between requests, in MiB; the least recently used go first"
          + " (default: ${DEFAULT-VALUE}).")
  long cacheMb;

  private final CountDownLatch stop = new CountDownLatch(1);

  @Override
  public Integer call() throws IOException, InterruptedException {
    WebConfig config = config();
    PrintWriter out = spec.commandLine().getOut();
    try (WebServer server = WebServer.start(config, System.err)) {
      out.println("squish: serving " + server.url() + " (this computer only; Ctrl-C to stop)");
      out.flush();
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "squish-serve-stop"));
      stop.await();
    } catch (java.net.BindException e) {
      spec.commandLine().getErr().println("squish: serve: port " + port + " is in use; choose another with --port");
      return ExitCode.ALL_FAILED.code();
    }
    return ExitCode.OK.code();
  }

  private WebConfig config() {
    if (port < 0 || port > 65535) {
      throw usage("--port must be from 0 to 65535, got " + port);
    }
    if (maxUploadMb < 1 || maxUploadMb > 2047) {
      throw usage("--max-upload-mb must be from 1 to 2047, got " + maxUploadMb);
    }
    if (maxPixels < 1 || maxPixels > DecodeLimits.HARD_MAX_PIXELS) {
      throw usage("--max-pixels must be from 1 to " + DecodeLimits.HARD_MAX_PIXELS + ", got " + maxPixels);
    }
    if (workers != null && (workers < 1 || workers > WebConfig.MAX_WORKERS)) {
      throw usage("--workers must be from 1 to " + WebConfig.MAX_WORKERS + ", got " + workers);
    }
    if (cacheMb < 0 || cacheMb > (1L << 30)) {
      throw usage("--cache-mb must be >= 0, got " + cacheMb);
    }
    WebConfig.Builder c = WebConfig.builder(port).maxUploadBytes((long) maxUploadMb << 20).maxPixels(maxPixels)
        .cacheBytes(cacheMb << 20);
    return (workers == null ? c : c.workers(workers)).build();
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
