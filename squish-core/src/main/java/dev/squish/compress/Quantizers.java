package dev.squish.compress;

import dev.squish.cluster.Quantization;
import dev.squish.quantize.FitReport;
import dev.squish.quantize.Method;
import dev.squish.quantize.gmm.GmmBicQuantizer;
import dev.squish.quantize.gmm.GmmConfig;
import dev.squish.quantize.gmm.GmmQuantizer;
import dev.squish.quantize.kmeans.KMeansConfig;
import dev.squish.quantize.kmeans.KMeansSession;

/** The one place that turns a {@link Method} into the quantizer that runs it. */
final class Quantizers {
  private Quantizers() {}

  /**
   * Quantizes the session's histogram as {@code options} say.
   *
   * @param quick for k-means, one seeding and no random swaps (a preview's first impression)
   */
  static Quantization quantize(KMeansSession session, CompressOptions options, boolean quick) {
    Method method = options.method();
    long seed = options.seed();
    if (method instanceof Method.KMeans m) {
      KMeansConfig config = quick ? KMeansConfig.quick(m.k(), seed, options.space())
          : KMeansConfig.of(m.k(), seed, options.space());
      return session.quantize(config, null);
    }
    if (method instanceof Method.Em m) {
      return new GmmQuantizer(GmmConfig.of(m.k(), m.covariance(), m.assignment(), seed, options.space()))
          .quantize(session);
    }
    Method.EmAutoK m = (Method.EmAutoK) method;
    GmmConfig config = GmmConfig.of(m.maxK(), m.covariance(), m.assignment(), seed, options.space());
    return new GmmBicQuantizer(config, m).quantize(session);
  }

  /** The palette size a quantization answers for: the k asked, or the k a model selection chose. */
  static int k(CompressOptions options, Quantization q) {
    if (options.method() instanceof Method.EmAutoK && q.report() instanceof FitReport.Em em) {
      return em.requestedComponents();
    }
    return options.method().k();
  }
}
