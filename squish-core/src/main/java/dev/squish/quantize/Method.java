package dev.squish.quantize;

import dev.squish.image.Palette;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How the palette is found, with the settings that belong to that method only: weighted k-means
 * on the colour histogram, EM on a Gaussian mixture seeded from k-means, EM at the k whose
 * mixture has the lowest BIC, or no fit at all when the palette is given. The palette size k is
 * {@link #MIN_K} to {@link #MAX_K} for every method; the constructors check it.
 *
 * <pre>{@code
 * Method a = Method.kMeans(16);
 * Method b = new Method.Em(16, Covariance.DIAG, Assignment.NEAREST);
 * Method c = Method.emAutoK(2, 64);
 * Method d = Method.given(Palette.of(0xFF000000, 0xFFFFFFFF));
 * }</pre>
 */
public sealed interface Method permits Method.KMeans, Method.Em, Method.EmAutoK, Method.Given {
  /** Smallest palette size. */
  int MIN_K = 1;
  /** Largest palette size: what an indexed PNG or GIF can hold. */
  int MAX_K = Palette.MAX_SIZE;

  /** {@return the palette size asked for; with {@link EmAutoK} the largest k tried, with {@link Given} its size} */
  int k();

  /** {@return the name used on the command line and in reports: {@code kmeans}, {@code em} or {@code given}} */
  String id();

  /**
   * {@return the same method and settings at palette size {@code k}} ({@link EmAutoK} becomes an
   * {@link Em}).
   *
   * @param k the palette size
   * @throws IllegalArgumentException for a k out of range, or another k than a {@link Given} palette's size
   */
  Method withK(int k);

  /**
   * {@return this method's settings by name, in report order: {@code method}, {@code k} and those of
   * the method; unmodifiable}
   */
  Map<String, Object> settings();

  /**
   * {@return k-means with {@code k} colours}
   *
   * @param k palette size
   */
  static KMeans kMeans(int k) {
    return new KMeans(k);
  }

  /**
   * {@return EM with {@code k} components, full covariances and nearest-colour mapping}
   *
   * @param k palette size
   */
  static Em em(int k) {
    return new Em(k, Covariance.FULL, Assignment.NEAREST);
  }

  /**
   * {@return EM at the k with the lowest BIC, full covariances and nearest-colour mapping}
   *
   * @param minK smallest k tried
   * @param maxK largest k tried
   */
  static EmAutoK emAutoK(int minK, int maxK) {
    return new EmAutoK(minK, maxK, Covariance.FULL, Assignment.NEAREST);
  }

  /**
   * {@return no fit: the image remapped to {@code palette}}
   *
   * @param palette the entries to use
   */
  static Given given(Palette palette) {
    return new Given(palette);
  }

  /**
   * {@return the method named {@code id} at palette size {@code k}, with its default settings}
   *
   * @param id {@code kmeans} or {@code em}, any case
   * @param k palette size
   */
  static Method byId(String id, int k) {
    return switch (id.trim().toLowerCase(Locale.ROOT)) {
      case "kmeans" -> kMeans(k);
      case "em" -> em(k);
      default -> throw new IllegalArgumentException("unknown method '" + id + "'; the methods are kmeans and em");
    };
  }

  /**
   * Checks that {@code k} is a palette size.
   *
   * @param name what k is called in the message
   * @param k the value
   * @return {@code k}
   * @throws IllegalArgumentException naming {@code name}, the range and the value when it is out of range
   */
  static int checkK(String name, int k) {
    if (k < MIN_K || k > MAX_K) {
      throw new IllegalArgumentException(name + " must be from " + MIN_K + " to " + MAX_K + ", got " + k);
    }
    return k;
  }

  /**
   * Weighted k-means on the histogram: k-means++ seeding and random swaps on a coarse grid of the
   * colours, Lloyd iterations on every colour, the centres rounded to 8 bits. Minimizing squared
   * error in sRGB is maximizing PSNR.
   *
   * @param k palette size
   */
  record KMeans(int k) implements Method {
    /**
     * Checks the palette size.
     *
     * @param k {@link #MIN_K}..{@link #MAX_K}
     */
    public KMeans {
      checkK("k", k);
    }

    @Override
    public String id() {
      return "kmeans";
    }

    @Override
    public KMeans withK(int newK) {
      return new KMeans(newK);
    }

    @Override
    public Map<String, Object> settings() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("method", id());
      m.put("k", k);
      return Collections.unmodifiableMap(m);
    }
  }

  /**
   * EM on a mixture of k Gaussians fitted to the weighted histogram, seeded from k-means (same
   * seed); the palette is the component means rounded to 8 bits.
   *
   * @param k number of components, which is the palette size
   * @param covariance shape of each component's covariance
   * @param assignment how each colour picks its palette entry
   */
  record Em(int k, Covariance covariance, Assignment assignment) implements Method {
    /**
     * Checks the palette size and that the shape and mapping are given.
     *
     * @param k {@link #MIN_K}..{@link #MAX_K}
     * @param covariance not null
     * @param assignment not null
     */
    public Em {
      checkK("k", k);
      Objects.requireNonNull(covariance, "covariance");
      Objects.requireNonNull(assignment, "assignment");
    }

    @Override
    public String id() {
      return "em";
    }

    @Override
    public Em withK(int newK) {
      return new Em(newK, covariance, assignment);
    }

    @Override
    public Map<String, Object> settings() {
      return emSettings(this, k, covariance, assignment, null);
    }
  }

  /**
   * EM fitted at every k of a ladder over {@code minK..maxK} (the ends, and every power of two and
   * 1.5 times a power of two in between), keeping the mixture with the lowest BIC.
   *
   * @param minK smallest k tried
   * @param maxK largest k tried, at least {@code minK}
   * @param covariance shape of each component's covariance
   * @param assignment how each colour picks its palette entry
   */
  record EmAutoK(int minK, int maxK, Covariance covariance, Assignment assignment) implements Method {
    /**
     * Checks the range and that the shape and mapping are given.
     *
     * @param minK {@link #MIN_K}..{@code maxK}
     * @param maxK {@code minK}..{@link #MAX_K}
     * @param covariance not null
     * @param assignment not null
     */
    public EmAutoK {
      checkK("minK", minK);
      checkK("maxK", maxK);
      if (minK > maxK) {
        throw new IllegalArgumentException("the k range must have minK <= maxK, got " + minK + "-" + maxK);
      }
      Objects.requireNonNull(covariance, "covariance");
      Objects.requireNonNull(assignment, "assignment");
    }

    @Override
    public int k() {
      return maxK;
    }

    @Override
    public String id() {
      return "em";
    }

    @Override
    public Em withK(int newK) {
      return new Em(newK, covariance, assignment);
    }

    @Override
    public Map<String, Object> settings() {
      return emSettings(this, maxK, covariance, assignment, minK + "-" + maxK);
    }
  }

  /**
   * No fit: the palette is given (one you already have, or one fitted once to the histogram of
   * many images with {@link dev.squish.compress.PaletteFit}). Every colour of the image takes its
   * nearest entry in the working space, or error diffusion picks among the entries; the entries
   * are written exactly as given, in writing order.
   *
   * @param palette the entries, 1 to {@link #MAX_K}
   */
  record Given(Palette palette) implements Method {
    /**
     * Checks that there is a palette.
     *
     * @param palette not null
     */
    public Given {
      Objects.requireNonNull(palette, "palette");
    }

    @Override
    public int k() {
      return palette.size();
    }

    @Override
    public String id() {
      return "given";
    }

    /** {@return this method; a given palette has its own size, so any other k is refused} */
    @Override
    public Given withK(int newK) {
      if (newK != k()) {
        throw new IllegalArgumentException("a given palette has " + k() + " colours; k cannot be " + newK);
      }
      return this;
    }

    @Override
    public Map<String, Object> settings() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("method", id());
      m.put("k", k());
      return Collections.unmodifiableMap(m);
    }
  }

  private static Map<String, Object> emSettings(Method m, int k, Covariance covariance, Assignment assignment,
      String range) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("method", m.id());
    s.put("k", k);
    s.put("covariance", covariance.id());
    s.put("assign", assignment.id());
    s.put("k_auto", range != null);
    s.put("k_range", range);
    return Collections.unmodifiableMap(s);
  }
}
