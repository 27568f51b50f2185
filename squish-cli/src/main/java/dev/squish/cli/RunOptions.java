package dev.squish.cli;

import dev.squish.io.decode.DecodeLimits;
import picocli.CommandLine.Option;

/** The options that say how to run: overwriting, quality targets, measures, effort, jobs, report, output. */
final class RunOptions {
  /** Upper bound of --jobs; the fork-join pool allows 32767, more than this only wastes memory. */
  static final int MAX_JOBS = 1024;

  @Option(names = "--force", description = "Overwrite existing output files, the input too if it is its own output."
      + " Without it an existing output is refused and the file counts as failed.")
  boolean force;

  @Option(names = "--quality", paramLabel = "MIN-MAX", description = "Choose k: the fewest colours (up to --k) whose"
      + " PSNR reaches MAX dB; when even --k colours stay below MIN, the file is skipped and not written. Also N"
      + " (= N-N), -MAX (no minimum) and MIN- (as good as --k colours, at least MIN). k-means only.")
  String quality;

  @Option(names = "--max-delta-e", paramLabel = "X", description = "Choose k: the fewest colours (up to --k) whose"
      + " mean CIEDE2000 colour difference is at most X; when even --k colours stay above it, the file is skipped."
      + " k-means only.")
  Double maxDeltaE;

  @Option(names = "--metrics", description = "Also measure SSIM (on luminance) and mean CIEDE2000 (deltaE00) of"
      + " each output, in the line, --json and --report.")
  boolean metrics;

  @Option(names = "--optimize", description = "Spend more time for smaller PNG files: every filter and deflate"
      + " strategy, then a zopfli pass: about 6%% smaller, 3 to 4 times as long, up to 40 times on large photos"
      + " (8 to 20 s per megapixel). The pixels do not change.")
  boolean optimize;

  @Option(names = "--keep-profile", description = "Keep the input's colours as its ICC profile (or PNG gamma"
      + " and chromaticities) describes them: quantize in them and write the profile into the PNG (iCCP), instead"
      + " of converting to sRGB first. PNG output only; grey and CMYK profiles are converted anyway.")
  boolean keepProfile;

  @Option(names = "--strip", description = "Write no metadata. Without it a PNG output keeps the input's pixel"
      + " size (pHYs), text chunks, time and EXIF (with an orientation that squish applied reset to 1).")
  boolean strip;

  @Option(names = "--skip-if-larger", description = "Write nothing when the output would not be smaller than the"
      + " input; a deliberate skip (exit code 0, unless --strict).")
  boolean skipIfLarger;

  @Option(names = "--skip-existing", description = "Skip inputs whose output exists, as a deliberate skip (exit code"
      + " 0, unless --strict).")
  boolean skipExisting;

  @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Threads to use in all, and images done at once"
      + " (default: the number of cores, here ${DEFAULT-VALUE}). --jobs 1 runs on one thread.")
  int jobs = Runtime.getRuntime().availableProcessors();

  @Option(names = "--report", paramLabel = "FILE", description = "Also write one row per input with every figure"
      + " to FILE: JSON with the summary when it ends in .json, CSV when it ends in .csv. Replaces an"
      + " earlier report.")
  String report;

  @Option(names = "--strict", description = "Count skipped files as failures: exit code 5 when files were skipped"
      + " and none failed.")
  boolean strict;

  @Option(names = "--max-pixels", paramLabel = "N", description = "Refuse images larger than this many pixels,"
      + " before decoding them (default: " + DecodeLimits.DEFAULT_MAX_PIXELS + ").")
  long maxPixels = DecodeLimits.DEFAULT_MAX_PIXELS;

  @Option(names = "--json", description = "Print one JSON object per input (and the summary as one more) instead"
      + " of text lines.")
  boolean json;

  @Option(names = {"-v", "--verbose"}, description = "Print details of the fit, and stack traces of errors;"
      + " with --k auto also a line on standard error for each k as it is fitted (BIC, log-likelihood).")
  boolean verbose;

  @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors: no result lines, progress bar,"
      + " --k auto progress lines or summary.")
  boolean quiet;

  @Option(names = "--no-progress", description = "No progress bar (there is none anyway when the output is not a"
      + " terminal).")
  boolean noProgress;
}
