package dev.squish.quantize;

import java.util.Locale;

/** How each colour of the image is given a palette entry once the mixture is fitted. */
public enum Assignment {
  /** The nearest palette entry in the working space: least error, best PSNR. The default. */
  NEAREST,
  /**
   * The entry of the component with the largest posterior probability (what the model means
   * literally); a broad, heavy component then takes colours nearer another mean.
   */
  MAP;

  /** {@return the name used on the command line and in reports} */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * {@return the assignment named {@code id}}
   *
   * @param id as {@link #id()} gives it, any case
   */
  public static Assignment byId(String id) {
    return Names.byId(values(), id, "assignment");
  }
}
