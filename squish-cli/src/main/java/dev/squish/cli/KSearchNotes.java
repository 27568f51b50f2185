package dev.squish.cli;

import dev.squish.quantize.KSearch;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The lines on standard error that say how one image's k search goes ({@code --k auto}, which
 * fits up to 15 mixtures and may take a minute): a line when it starts, naming the k it will try,
 * and with {@code --verbose} a line after each fit, with its BIC and log-likelihood. They are what
 * the user sees of a long single-image run when no progress bar is drawn. Used by one image at a
 * time, on the thread that does it.
 */
final class KSearchNotes implements KSearch.Listener {
  /** How much to say. */
  enum Detail {
    /** Nothing: --quiet, or a progress bar already shows that work goes on. */
    NONE,
    /** The line when the search starts. */
    START,
    /** That line, and one after each k (--verbose). */
    EVERY_K;

    /**
     * What to say in a run: nothing with --quiet; every k with --verbose; otherwise the start,
     * unless a progress bar is drawn.
     */
    static Detail of(boolean quiet, boolean verbose, boolean progressBar) {
      if (quiet) {
        return NONE;
      }
      if (verbose) {
        return EVERY_K;
      }
      return progressBar ? NONE : START;
    }
  }

  private final String input;
  private final Detail detail;
  private final Consumer<String> print;
  private long last;
  private int done;

  /**
   * @param input the input as the user named it, which starts every line
   * @param detail how much to say
   * @param print prints one line on standard error
   */
  KSearchNotes(String input, Detail detail, Consumer<String> print) {
    this.input = input;
    this.detail = detail;
    this.print = print;
  }

  /** {@return the listener for one image: this, or one that says nothing} */
  static KSearch.Listener of(String input, Detail detail, Consumer<String> print) {
    return detail == Detail.NONE ? KSearch.Listener.NONE : new KSearchNotes(input, detail, print);
  }

  @Override
  public void started(KSearch search) {
    last = System.nanoTime();
    print.accept(startLine(input, search, detail == Detail.EVERY_K));
  }

  @Override
  public void tried(KSearch search, KSearch.Trial trial) {
    long now = System.nanoTime();
    double seconds = (now - last) / 1e9;
    last = now;
    done++;
    if (detail == Detail.EVERY_K) {
      print.accept(trialLine(input, search, trial, done, seconds));
    }
  }

  /**
   * "squish: photo.jpg: choosing k by BIC over 2-256, 15 tries: k = 2 3 4 6 8 12 ... 256", and
   * without {@code everyK} a pointer to --verbose.
   */
  static String startLine(String input, KSearch search, boolean everyK) {
    String ks = search.ks().stream().map(String::valueOf).collect(Collectors.joining(" "));
    return String.format(Locale.ROOT, "squish: %s: choosing k by %s over %s, %s: k = %s%s", input,
        search.criterion().label(), search.range(), tries(search.ks().size()), ks,
        everyK ? "" : " (--verbose shows each as it ends)");
  }

  /**
   * "squish: photo.jpg: k = 6 (4 of 15): BIC 1623307.5, log-likelihood -11.9876 per pixel, PSNR 27.35 dB,
   * 6 components, 21 iterations, 1.2 s".
   */
  static String trialLine(String input, KSearch search, KSearch.Trial t, int done, double seconds) {
    String psnr = Double.isInfinite(t.psnr()) ? "lossless" : String.format(Locale.ROOT, "PSNR %.2f dB", t.psnr());
    return String.format(Locale.ROOT, "squish: %s: k = %d (%d of %d): %s %.1f, log-likelihood %.4f per pixel, %s,"
        + " %s, %d iterations%s, %.1f s", input, t.k(), done, search.ks().size(), search.criterion().label(), t.bic(),
        t.logLikelihood(), psnr, t.components() == 1 ? "1 component" : t.components() + " components",
        t.iterations(), t.converged() ? "" : " (not converged)", seconds);
  }

  private static String tries(int n) {
    return n == 1 ? "1 try" : n + " tries";
  }
}
