package dev.squish.quantize.gmm;

/** How each colour of the image is given a palette entry once the mixture is fitted. */
public enum Assignment {
  /**
   * The palette entry nearest to the colour (squared Euclidean distance in the working space):
   * what minimizes the error, so what maximizes PSNR. The default.
   */
  NEAREST("nearest"),
  /**
   * The entry of the component with the largest posterior probability for the colour (maximum a
   * posteriori, what the model means literally). A broad, heavy component then takes colours that
   * are nearer to another mean, so the error is larger than with {@link #NEAREST}.
   */
  MAP("map");

  private final String id;

  Assignment(String id) {
    this.id = id;
  }

  /** The name used on the command line and in reports. */
  public String id() {
    return id;
  }

  /** The assignment named {@code id} (as printed by {@link #id()}), case-insensitive. */
  public static Assignment byId(String id) {
    for (Assignment a : values()) {
      if (a.id.equalsIgnoreCase(id)) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown assignment '" + id + "'");
  }
}
