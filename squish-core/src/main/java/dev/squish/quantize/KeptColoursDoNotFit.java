package dev.squish.quantize;

/**
 * The kept colours (with the transparent entry an image may need, or an entry an encoder asked
 * to leave free) do not fit in the palette size: a fault of the request, not of the library, so
 * callers can tell it apart and say so in one line.
 */
public final class KeptColoursDoNotFit extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message the counts, for example "4 kept colours and the transparent entry need 5 palette entries but k
   *     is 4"
   */
  public KeptColoursDoNotFit(String message) {
    super(message);
  }
}
