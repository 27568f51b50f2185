package dev.squish.quantize;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a quantizer did to find its palette. Each method's record carries its own figures and
 * says how to show them, so that a report, a page or a plot never needs to know which method ran:
 * {@link #figures()} for a row of a report, {@link #model()} for the fitted model in JSON,
 * {@link #trace()} and {@link #describe()} for the details of {@code --verbose}, and
 * {@link #convergence()} for a convergence plot. The maps and lists are unmodifiable and made anew
 * on each call; maps keep their order and hold numbers, strings, booleans, lists, maps and
 * {@code double[]}.
 */
public sealed interface FitReport permits FitReport.KMeans, FitReport.Em, FitReport.Given {
  /** Every name {@link #figures()} can hold, in report order: the fixed columns of a CSV report. */
  List<String> FIGURES = List.of("method", "iterations", "converged", "log_likelihood_per_pixel", "bic",
      "parameters", "covariance", "assign", "reg_covar");

  /** {@return short name of the method: {@code kmeans}, {@code em} or {@code given}} */
  String method();

  /** {@return iterations run by the main loop (0 when the palette was exact)} */
  int iterations();

  /** {@return true when the stopping tolerance was reached before the iteration cap (or no iteration was needed)} */
  boolean converged();

  /** {@return true when the image had no more colours than k and the palette is exactly its colours} */
  boolean exact();

  /**
   * {@return how many small distinct colours (a logo, a legend square) the fit would have lost and
   * gave an entry of their own; 0 for a given palette}
   */
  default int distinctColors() {
    return 0;
  }

  /** {@return the flat figures of this fit, named as in {@link #FIGURES} (a subset of them, in that order)} */
  default Map<String, Object> figures() {
    return ReportFigures.common(this);
  }

  /** {@return the fitted model, for programs (the mixture of EM); empty for the methods without one} */
  default Map<String, Object> model() {
    return Map.of();
  }

  /** {@return the course of the fit: objective per iteration and related figures} */
  Map<String, Object> trace();

  /** {@return the fit in words, one or more lines of text for people} */
  List<String> describe();

  /** {@return what the fit improved iteration by iteration} */
  Convergence convergence();

  /** {@return the Gaussian mixture, for methods that fit one} */
  default Optional<GaussianMixture> fittedMixture() {
    return Optional.empty();
  }

  /**
   * {@return how the method chose k itself ({@link Method.EmAutoK}: by BIC over its range), or
   * empty when k was given}
   */
  default Optional<KSearch.Choice> kChoice() {
    return Optional.empty();
  }

  /**
   * How a k-means palette was found.
   *
   * @param iterations Lloyd iterations on the full histogram
   * @param converged whether the tolerance was met before the cap
   * @param objective weighted sum of squared errors per pixel in the working space, after rounding the palette to 8
   *     bits (for sRGB: the mean squared error summed over the channels)
   * @param objectiveHistory sum of squared errors per pixel after each Lloyd iteration on the full histogram
   * @param reseeded empty clusters moved to the worst-fitted colour
   * @param coarsePoints points of the coarse histogram used for seeding (0 when seeding used every colour)
   * @param exact true when the image had no more colours than asked for and the palette is lossless
   * @param distinctColors small distinct colours (a logo, a legend square) the fit would have lost and gave an entry
   *     of their own
   */
  record KMeans(int iterations, boolean converged, double objective, double[] objectiveHistory, int reseeded,
      int coarsePoints, boolean exact, int distinctColors) implements FitReport {
    /**
     * Copies the history.
     *
     * @param iterations Lloyd iterations
     * @param converged whether the tolerance was met
     * @param objective squared error per pixel after rounding
     * @param objectiveHistory squared error per pixel after each iteration
     * @param reseeded empty clusters moved
     * @param coarsePoints points seeded on
     * @param exact whether the palette is lossless
     * @param distinctColors distinct colours given an entry
     */
    public KMeans {
      objectiveHistory = objectiveHistory.clone();
    }

    /**
     * A fit that gave no distinct colour an entry.
     *
     * @param iterations Lloyd iterations
     * @param converged whether the tolerance was met
     * @param objective squared error per pixel after rounding
     * @param objectiveHistory squared error per pixel after each iteration
     * @param reseeded empty clusters moved
     * @param coarsePoints points seeded on
     * @param exact whether the palette is lossless
     */
    public KMeans(int iterations, boolean converged, double objective, double[] objectiveHistory, int reseeded,
        int coarsePoints, boolean exact) {
      this(iterations, converged, objective, objectiveHistory, reseeded, coarsePoints, exact, 0);
    }

    /** {@return a copy of the objective after each iteration} */
    @Override
    public double[] objectiveHistory() {
      return objectiveHistory.clone();
    }

    @Override
    public String method() {
      return "kmeans";
    }

    @Override
    public Map<String, Object> trace() {
      return ReportFigures.trace(this);
    }

    @Override
    public List<String> describe() {
      return ReportFigures.describe(this);
    }

    @Override
    public Convergence convergence() {
      return new Convergence("squared error per pixel", objectiveHistory, false, 1);
    }
  }

  /**
   * No fit: the palette was given ({@link Method.Given}).
   *
   * @param k the palette's size
   */
  record Given(int k) implements FitReport {
    @Override
    public String method() {
      return "given";
    }

    @Override
    public int iterations() {
      return 0;
    }

    @Override
    public boolean converged() {
      return true;
    }

    @Override
    public boolean exact() {
      return false;
    }

    @Override
    public Map<String, Object> trace() {
      return Map.of();
    }

    @Override
    public List<String> describe() {
      return List.of("given palette of " + k + " colours, nothing fitted");
    }

    @Override
    public Convergence convergence() {
      return new Convergence("squared error per pixel", new double[0], false, 1);
    }
  }

  /**
   * How a Gaussian-mixture palette was found, and the mixture itself.
   *
   * @param k the palette size asked for (with {@link Method.EmAutoK}: the k chosen)
   * @param covariance covariance type
   * @param assignment how colours were mapped to palette entries
   * @param regCovar the value added to each covariance diagonal, squared working-space units
   * @param space the colour space the mixture was fitted in
   * @param dimensions coordinates of the working space: 3, or 4 for images with transparency (premultiplied, with
   *     alpha as the fourth coordinate, as k-means clusters them)
   * @param coarsePoints pooled points EM ran on before the full histogram (0 when it ran on the full histogram only)
   * @param coarseIterations EM iterations on the pooled points
   * @param iterations EM iterations on the full histogram
   * @param converged whether the change of the mean log-likelihood fell below the tolerance before the cap
   * @param logLikelihood final mean log-likelihood per pixel over every pixel, density in working-space units
   * @param logLikelihoodHistory mean log-likelihood per pixel of the starting mixture and after every iteration
   * @param bic Bayesian information criterion {@code -2 ln L + p ln N}, {@code N} the number of pixels
   * @param mixture the fitted mixture, whose means rounded to 8 bits are the palette
   * @param collapses components that collapsed and were re-seeded or dropped
   * @param objective weighted sum of squared errors per pixel in the working space after rounding the palette
   * @param exact true when the image had no more colours than k and the palette is lossless
   * @param choice with {@link Method.EmAutoK}: the range searched and every k tried, with its BIC and PSNR; null
   *     when k was given
   * @param distinctColors small distinct colours the k-means start would have lost and gave a pinned component
   */
  record Em(int k, Covariance covariance, Assignment assignment, double regCovar,
      ColorSpace space, int dimensions, int coarsePoints, int coarseIterations, int iterations, boolean converged,
      double logLikelihood, double[] logLikelihoodHistory, double bic, GaussianMixture mixture,
      List<Collapse> collapses, double objective, boolean exact, KSearch.Choice choice, int distinctColors)
      implements FitReport {

    /**
     * Copies the history and the lists.
     *
     * @param k the palette size
     * @param covariance covariance type
     * @param assignment mapping of colours
     * @param regCovar added to each diagonal
     * @param space the working space
     * @param dimensions 3 or 4
     * @param coarsePoints pooled points
     * @param coarseIterations iterations on them
     * @param iterations iterations on every colour
     * @param converged whether the tolerance was met
     * @param logLikelihood final mean log-likelihood per pixel
     * @param logLikelihoodHistory the log-likelihood per iteration
     * @param bic the criterion
     * @param mixture the model
     * @param collapses collapsed components
     * @param objective squared error per pixel after rounding
     * @param exact whether the palette is lossless
     * @param choice the k search, or null
     * @param distinctColors distinct colours given a component
     */
    public Em {
      logLikelihoodHistory = logLikelihoodHistory.clone();
      collapses = List.copyOf(collapses);
      if (choice != null && choice.k() != k) {
        throw new IllegalArgumentException("the report is of k = " + k + ", the search chose " + choice.k());
      }
    }

    /**
     * A fit that gave no distinct colour a component.
     *
     * @param k the palette size
     * @param covariance covariance type
     * @param assignment mapping of colours
     * @param regCovar added to each diagonal
     * @param space the working space
     * @param dimensions 3 or 4
     * @param coarsePoints pooled points
     * @param coarseIterations iterations on them
     * @param iterations iterations on every colour
     * @param converged whether the tolerance was met
     * @param logLikelihood final mean log-likelihood per pixel
     * @param logLikelihoodHistory the log-likelihood per iteration
     * @param bic the criterion
     * @param mixture the model
     * @param collapses collapsed components
     * @param objective squared error per pixel after rounding
     * @param exact whether the palette is lossless
     * @param choice the k search, or null
     */
    public Em(int k, Covariance covariance, Assignment assignment, double regCovar, ColorSpace space,
        int dimensions, int coarsePoints, int coarseIterations, int iterations, boolean converged,
        double logLikelihood, double[] logLikelihoodHistory, double bic, GaussianMixture mixture,
        List<Collapse> collapses, double objective, boolean exact, KSearch.Choice choice) {
      this(k, covariance, assignment, regCovar, space, dimensions, coarsePoints, coarseIterations, iterations,
          converged, logLikelihood, logLikelihoodHistory, bic, mixture, collapses, objective, exact, choice, 0);
    }

    /**
     * A component that collapsed during EM, and what was done about it.
     *
     * @param phase {@code "coarse"} (EM on the pooled histogram) or {@code "full"} (on every colour)
     * @param iteration the EM iteration of that phase whose M-step found the collapse (1-based)
     * @param component index of the component
     * @param pixels the responsibility mass it had left, in pixels (NaN when its covariance was singular instead)
     * @param reseeded true when it was re-seeded, false when it was dropped from the mixture
     * @param color the colour it was re-seeded on, {@code 0xAARRGGBB} (0 when dropped)
     */
    public record Collapse(String phase, int iteration, int component, double pixels, boolean reseeded, int color) {}

    /** {@return a copy of the log-likelihood history} */
    @Override
    public double[] logLikelihoodHistory() {
      return logLikelihoodHistory.clone();
    }

    @Override
    public String method() {
      return "em";
    }

    /** {@return components in the fitted mixture} */
    public int components() {
      return mixture.components();
    }

    /** {@return free parameters of the mixture, as BIC counts them} */
    public int parameters() {
      return mixture.parameterCount();
    }

    /** {@return with {@link Method.EmAutoK}: every k tried with its BIC and PSNR (the k-vs-BIC table), else empty} */
    public List<KSearch.Trial> selection() {
      return choice == null ? List.of() : choice.trials();
    }

    @Override
    public Optional<KSearch.Choice> kChoice() {
      return Optional.ofNullable(choice);
    }

    /** {@return components re-seeded after collapsing} */
    public long reseeded() {
      return collapses.stream().filter(Collapse::reseeded).count();
    }

    @Override
    public Map<String, Object> figures() {
      return ReportFigures.figures(this);
    }

    @Override
    public Map<String, Object> model() {
      return ReportFigures.model(this);
    }

    @Override
    public Map<String, Object> trace() {
      return ReportFigures.trace(this);
    }

    @Override
    public List<String> describe() {
      return ReportFigures.describe(this);
    }

    @Override
    public Convergence convergence() {
      // the history starts with the k-means start and adds one value per iteration
      return new Convergence("mean log-likelihood per pixel", logLikelihoodHistory, true, 0);
    }

    @Override
    public Optional<GaussianMixture> fittedMixture() {
      return Optional.of(mixture);
    }
  }
}
