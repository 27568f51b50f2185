package dev.squish.quantize;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A search for k that a method runs itself ({@link Method.EmAutoK}: one mixture per k of a ladder
 * over the range, the lowest BIC kept): the criterion, the range asked, and the k it fits, in order.
 * {@link Listener} hears the search as it goes; {@link Choice} is what it found, which the fit's
 * report carries ({@link FitReport#kChoice()}).
 *
 * @param criterion what decides between the k tried
 * @param minK smallest k of the range asked
 * @param maxK largest k of the range asked
 * @param ks the k fitted, increasing: the ladder over the range, each k capped at the number of
 *     distinct colours (so the last may be below {@code maxK})
 */
public record KSearch(Criterion criterion, int minK, int maxK, List<Integer> ks) {
  /**
   * Checks the range and copies the list.
   *
   * @param criterion not null
   * @param minK {@link Method#MIN_K}..{@code maxK}
   * @param maxK {@code minK}..{@link Method#MAX_K}
   * @param ks not empty
   */
  public KSearch {
    Objects.requireNonNull(criterion, "criterion");
    Method.checkK("minK", minK);
    Method.checkK("maxK", maxK);
    if (minK > maxK) {
      throw new IllegalArgumentException("the k range must have minK <= maxK, got " + minK + "-" + maxK);
    }
    ks = List.copyOf(ks);
    if (ks.isEmpty()) {
      throw new IllegalArgumentException("a k search tries at least one k");
    }
  }

  /** {@return the range asked, as the options and reports write it: {@code "2-256"}} */
  public String range() {
    return minK + "-" + maxK;
  }

  /** What decides between the k tried. */
  public enum Criterion {
    /** The Bayesian information criterion {@code -2 ln L + p ln N} of the mixture; the lowest wins. */
    BIC;

    /** {@return the name in reports and JSON: {@code bic}} */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** {@return the name for people: {@code BIC}} */
    public String label() {
      return name();
    }
  }

  /**
   * One k fitted and scored: a row of the k-versus-BIC table.
   *
   * @param k components asked for
   * @param components components in the fitted mixture (fewer than k when components collapsed or the image has
   *     fewer colours)
   * @param bic Bayesian information criterion on the histogram (lower is better)
   * @param logLikelihood mean log-likelihood per pixel
   * @param parameters free parameters
   * @param psnr PSNR in dB of the palette with the chosen mapping, over the histogram (infinite when lossless)
   * @param iterations EM iterations over the full histogram
   * @param converged whether EM converged
   */
  public record Trial(int k, int components, double bic, double logLikelihood, int parameters, double psnr,
      int iterations, boolean converged) {}

  /**
   * What a search found: the k kept and every k tried.
   *
   * @param search the search that ran
   * @param k the k chosen, one of {@code search.ks()}
   * @param trials every k tried, in the order of {@code search.ks()}
   */
  public record Choice(KSearch search, int k, List<Trial> trials) {
    /**
     * Checks that the chosen k is among the trials and copies the list.
     *
     * @param search not null
     * @param k a k of {@code trials}
     * @param trials one per k of the search
     */
    public Choice {
      Objects.requireNonNull(search, "search");
      trials = List.copyOf(trials);
      if (trials.stream().noneMatch(t -> t.k() == k)) {
        throw new IllegalArgumentException("the chosen k " + k + " is not among the k tried");
      }
    }

    /** {@return the trial of the chosen k} */
    public Trial chosen() {
      return trials.stream().filter(t -> t.k() == k).findFirst().orElseThrow();
    }

    /** {@return the chosen k's value of the criterion (its BIC)} */
    public double value() {
      return chosen().bic();
    }
  }

  /**
   * Hears a k search while it runs, for a progress line during a long fit (the 15 fits of
   * {@code --k auto} over 2-256 take a minute on a photo). It is called on the thread that runs
   * the compression, {@link #started} once and then {@link #tried} after each fit, in the order of
   * {@link KSearch#ks()}; whatever it does, the result is the same. An exception it throws ends
   * the compression.
   */
  public interface Listener {
    /** A listener that does nothing: the default. */
    Listener NONE = new Listener() {};

    /**
     * Before the first fit.
     *
     * @param search what is about to be tried
     */
    default void started(KSearch search) {}

    /**
     * After each fit.
     *
     * @param search the search
     * @param trial the k just fitted and its score
     */
    default void tried(KSearch search, Trial trial) {}
  }
}
