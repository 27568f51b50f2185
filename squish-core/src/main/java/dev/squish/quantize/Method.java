package dev.squish.quantize;

import dev.squish.image.Palette;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How the palette is found, with the settings that belong to that method only: weighted k-means
 * on the colour histogram, EM on a Gaussian mixture seeded from k-means, or EM at the k whose
 * mixture has the lowest BIC. The palette size k is {@link #MIN_K} to {@link #MAX_K} for every
 * method; the constructors check it.
 *
 * <pre>{@code
 * Method a = Method.kMeans(16);
 * Method b = new Method.Em(16, Method.Covariance.DIAG, Method.Assignment.NEAREST);
 * Method c = Method.emAutoK(2, 64);
 * }</pre>
 */
public sealed interface Method permits Method.KMeans, Method.Em, Method.EmAutoK {
  /** Smallest palette size. */
  int MIN_K = 1;
  /** Largest palette size: what an indexed PNG or GIF can hold. */
  int MAX_K = Palette.MAX_SIZE;

  /** The palette size asked for; with {@link EmAutoK} the largest k tried. */
  int k();

  /** The name used on the command line and in reports: {@code kmeans} or {@code em}. */
  String id();

  /** The same method and settings at palette size {@code k} ({@link EmAutoK} becomes an {@link Em}). */
  Method withK(int k);

  /** This method's settings by name, in report order: {@code method}, {@code k} and those of the method. */
  Map<String, Object> settings();

  /** k-means with {@code k} colours. */
  static KMeans kMeans(int k) {
    return new KMeans(k);
  }

  /** EM with {@code k} components, full covariances and nearest-colour mapping. */
  static Em em(int k) {
    return new Em(k, Covariance.FULL, Assignment.NEAREST);
  }

  /** EM at the k in {@code minK..maxK} with the lowest BIC, full covariances and nearest-colour mapping. */
  static EmAutoK emAutoK(int minK, int maxK) {
    return new EmAutoK(minK, maxK, Covariance.FULL, Assignment.NEAREST);
  }

  /** The method named {@code id} ({@code kmeans} or {@code em}, any case) at palette size {@code k}, defaults else. */
  static Method byId(String id, int k) {
    return switch (id.trim().toLowerCase(Locale.ROOT)) {
      case "kmeans" -> kMeans(k);
      case "em" -> em(k);
      default -> throw new IllegalArgumentException("unknown method '" + id + "'; the methods are kmeans and em");
    };
  }

  /** Checks that {@code k} is a palette size; returns it. */
  static int checkK(String name, int k) {
    if (k < MIN_K || k > MAX_K) {
      throw new IllegalArgumentException(name + " must be in " + MIN_K + ".." + MAX_K + ", got " + k);
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
      return m;
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

  private static Map<String, Object> emSettings(Method m, int k, Covariance covariance, Assignment assignment,
      String range) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("method", m.id());
    s.put("k", k);
    s.put("covariance", covariance.id());
    s.put("assign", assignment.id());
    s.put("k_auto", range != null);
    s.put("k_range", range);
    return s;
  }

  /** The shape each component's covariance may take (scikit-learn's {@code covariance_type} names). */
  enum Covariance {
    /** Any symmetric positive definite matrix: correlated channels, such as a shadow darkening R, G and B together. */
    FULL,
    /** Independent channels: a diagonal matrix. */
    DIAG,
    /** The same variance in every channel: a multiple of the identity. */
    SPHERICAL;

    /** The name used on the command line and in reports. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Free parameters of one covariance matrix in {@code dimensions} dimensions. */
    public int parametersPerComponent(int dimensions) {
      return switch (this) {
        case FULL -> dimensions * (dimensions + 1) / 2;
        case DIAG -> dimensions;
        case SPHERICAL -> 1;
      };
    }

    /** The type named {@code id}, any case. */
    public static Covariance byId(String id) {
      return Names.byId(values(), id, "covariance type");
    }
  }

  /** How each colour of the image is given a palette entry once the mixture is fitted. */
  enum Assignment {
    /** The nearest palette entry in the working space: least error, best PSNR. The default. */
    NEAREST,
    /**
     * The entry of the component with the largest posterior probability (what the model means
     * literally); a broad, heavy component then takes colours nearer another mean.
     */
    MAP;

    /** The name used on the command line and in reports. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The assignment named {@code id}, any case. */
    public static Assignment byId(String id) {
      return Names.byId(values(), id, "assignment");
    }
  }
}
