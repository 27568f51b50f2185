package dev.squish.pipeline;

/** The quantization methods a user can choose. */
public enum Method {
  /** Weighted k-means on the colour histogram (the default). */
  KMEANS("kmeans"),
  /** EM on a Gaussian mixture fitted to the colour histogram, seeded from k-means. */
  EM("em");

  private final String id;

  Method(String id) {
    this.id = id;
  }

  /** The name used on the command line and in reports. */
  public String id() {
    return id;
  }

  /** The method named {@code id} (as printed by {@link #id()}), case-insensitive. */
  public static Method byId(String id) {
    for (Method m : values()) {
      if (m.id.equalsIgnoreCase(id)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown method '" + id + "'");
  }
}
