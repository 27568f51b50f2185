package dev.squish.cli;

import dev.squish.compress.Quality;
import dev.squish.compress.QualityTarget;
import dev.squish.quantize.FitReport;
import dev.squish.quantize.KSearch;
import dev.squish.view.Figures;
import java.util.List;

/** What happened to one input. */
sealed interface FileResult {

  /** The input as the user named it. */
  String input();

  /**
   * The output was written.
   *
   * @param output the file written, as shown to the user ("-" for standard output)
   * @param inputBytes size of the input file
   * @param outputBytes size of the output
   * @param width pixels
   * @param height pixels
   * @param colors palette entries the written image uses: at most k, fewer when some entries are left unused
   * @param k palette size asked for (or chosen, by a quality target or by BIC: then {@code fit().kChoice()} says
   *     how)
   * @param quality error against the decoded input
   * @param fit how the palette was found
   * @param seconds wall time from reading to writing
   * @param search how k was chosen by a quality target; null when k was given or the method chose it
   * @param source what the input's colours were and what was done with them
   */
  record Written(String input, String output, long inputBytes, long outputBytes, int width, int height, int colors,
      int k, Quality quality, FitReport fit, double seconds, Search search, Source source) implements FileResult {

    /** {@return true when the output reproduces the input exactly: no palette error, nothing rounded or converted} */
    boolean lossless() {
      return quality.lossless() && source.exact();
    }

    double ratio() {
      return Figures.ratio(inputBytes, outputBytes);
    }

    /** Bits per pixel of all frames (an animation's screen once per frame). */
    double bitsPerPixel() {
      return Figures.bitsPerPixel(outputBytes, pixels());
    }

    /** {@return the pixels written: the screen times the frames} */
    long pixels() {
      return (long) width * height * source.frames();
    }
  }

  /**
   * What the input's colours were and what squish did with them.
   *
   * @param profile what the file says its colours are ("sRGB" when it says nothing)
   * @param handling {@code "converted"} to sRGB, {@code "kept"} in the source's colours with the profile written
   *     into the output, or {@code "none"} for sRGB inputs
   * @param sampleBits bits per sample in the input
   * @param exact true when the decoded pixels are the file's samples exactly (nothing rounded or converted)
   * @param warnings what was ignored or repaired while reading the file
   * @param frames the frames written: more than 1 for an animated GIF kept animated
   */
  record Source(String profile, String handling, int sampleBits, boolean exact, List<String> warnings, int frames) {
    static final Source SRGB = new Source("sRGB", "none", 8, true, List.of());

    public Source {
      warnings = List.copyOf(warnings);
    }

    /** A still image's source. */
    Source(String profile, String handling, int sampleBits, boolean exact, List<String> warnings) {
      this(profile, handling, sampleBits, exact, warnings, 1);
    }

    /** Why "lossless" needs a qualifier, or null when the decoded pixels are the file's. */
    String inexactness() {
      if (exact) {
        return null;
      }
      return handling.equals("converted") ? "after conversion to sRGB"
          : "at 8 bits (" + sampleBits + "-bit samples rounded)";
    }
  }

  /**
   * How a quality target chose k.
   *
   * @param target what was asked
   * @param maxK the largest k allowed (--k); the search is over 1 to it
   * @param k the k chosen
   * @param quality the chosen output's value of the target's measure (PSNR dB or mean ΔE00)
   * @param probes every k tried, in order, with its quality
   */
  record Search(QualityTarget target, int maxK, int k, double quality, List<QualityTarget.Probe> probes) {
    public Search {
      probes = List.copyOf(probes);
    }

    static Search of(QualityTarget target, int maxK, QualityTarget.Result found) {
      return new Search(target, maxK, found.k(), found.reached(), found.probes());
    }

    /** {@return the k range searched, written as --k-range is: "1-64"} */
    String range() {
      return "1-" + maxK;
    }
  }

  /**
   * Nothing was written, on purpose: a deliberate skip such as {@code --skip-existing}. It counts
   * as a success (exit code 0) unless {@code --strict} is given, and is listed with its reason in
   * the summary and the report.
   *
   * @param output the output that was not written, as shown to the user; may be null
   * @param reason why, one line (for example "photo-squish.png exists (--skip-existing)")
   * @param search the quality search that decided the skip; null for other skips
   */
  record Skipped(String input, String output, String reason, Search search, Known known) implements FileResult {
    public Skipped {
      known = known == null ? Known.NOTHING : known;
    }

    /** A skip decided before anything about the image was known. */
    Skipped(String input, String output, String reason) {
      this(input, output, reason, null, Known.NOTHING);
    }
  }

  /**
   * The figures a skip had found when it was decided, so that the report and {@code --json} carry
   * them as a written file's row does; -1 (or null) where unknown.
   *
   * @param inputBytes the input's size, or -1
   * @param outputBytes the size the output would have had, or -1 when it was never encoded
   * @param width the image's width, or -1 when it was not decoded
   * @param height the image's height, or -1
   * @param colors the palette entries of the output that was not written, or -1
   * @param k the palette size asked for (or chosen by a search), or -1
   * @param quality what the output that was not written measured, or null
   * @param kChoice how the method chose k itself (by BIC), or null
   */
  record Known(long inputBytes, long outputBytes, int width, int height, int colors, int k,
      Quality quality, KSearch.Choice kChoice) {
    static final Known NOTHING = new Known(-1, -1, -1, -1, -1, -1, null, null);
  }

  /**
   * Nothing was written because something went wrong.
   *
   * @param reason why, one line
   * @param cause the exception, shown with --verbose; may be null
   */
  record Failed(String input, String reason, Throwable cause) implements FileResult {}
}
