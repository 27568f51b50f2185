package dev.squish.compress;

import dev.squish.cluster.NearestCenters;
import dev.squish.cluster.Pins;
import dev.squish.cluster.Quantization;
import dev.squish.cluster.WeightedPoints;
import dev.squish.image.Palette;
import dev.squish.parallel.ParallelChunks;
import dev.squish.quantize.FitReport;
import dev.squish.quantize.KSearch;
import dev.squish.quantize.Method;
import dev.squish.quantize.Speed;
import dev.squish.quantize.gmm.GmmBicQuantizer;
import dev.squish.quantize.gmm.GmmConfig;
import dev.squish.quantize.gmm.GmmQuantizer;
import dev.squish.quantize.kmeans.KMeansConfig;
import dev.squish.quantize.kmeans.KMeansSession;

/** The one place that turns a {@link Method} into the quantizer that runs it. */
final class Quantizers {
  private Quantizers() {}

  /**
   * Quantizes the session's histogram with {@code method} at {@code speed}, in the session's colour space.
   *
   * @param quick for k-means, one seeding and no random swaps (a preview's first impression)
   * @param listener hears a k search ({@link Method.EmAutoK}) as it goes
   * @param pins kept colours and the distinct-colour step, for the fitting methods
   */
  static Quantization quantize(KMeansSession session, Method method, Speed speed, long seed, boolean quick,
      KSearch.Listener listener, Pins pins) {
    if (method instanceof Method.KMeans m) {
      KMeansConfig config = quick ? KMeansConfig.quick(m.k(), seed, session.space())
          : KMeansConfig.of(m.k(), seed, session.space(), speed);
      return session.quantize(config, null, pins);
    }
    if (method instanceof Method.Em m) {
      return new GmmQuantizer(GmmConfig.of(m.k(), m.covariance(), m.assignment(), seed, session.space(), speed),
          pins).quantize(session);
    }
    if (method instanceof Method.Given m) {
      return nearest(m.palette(), session, new FitReport.Given(m.k()));
    }
    Method.EmAutoK m = (Method.EmAutoK) method;
    GmmConfig config = GmmConfig.of(m.maxK(), m.covariance(), m.assignment(), seed, session.space(), speed);
    return new GmmBicQuantizer(config, m, listener, pins).quantize(session);
  }

  /** {@return the pins of {@code options}: its kept colours and whether to keep small distinct colours} */
  static Pins pins(CompressOptions options) {
    return new Pins(options.keep(), options.distinct());
  }

  /** The palette size a quantization answers for: the k asked, or the k the method's own search chose. */
  static int k(Method method, Quantization q) {
    return q.report().kChoice().map(KSearch.Choice::k).orElse(method.k());
  }

  /** Every colour of the session's histogram assigned to its nearest entry of {@code palette} in the working space. */
  static Quantization nearest(Palette palette, KMeansSession session, FitReport report) {
    NearestCenters search = NearestCenters.of(palette, session.coordinates());
    WeightedPoints points = session.points();
    int dim = points.dimensions();
    double[] c = points.coords();
    int[] assignment = new int[points.size()];
    ParallelChunks.forEach(assignment.length, 1 << 14, (chunk, from, to) -> {
      // neighbours in the histogram's order share their high bits, so the last answer is a good guess
      int guess = 0;
      for (int i = from; i < to; i++) {
        guess = search.nearestCanonical(c, i * dim, guess, null, 0); // ties as a fit's final assignment
        assignment[i] = guess;
      }
    });
    return new Quantization(palette, assignment, report);
  }
}
