package dev.squish.remap;

import dev.squish.image.IndexedImage;
import java.util.Arrays;

/**
 * Reorders a palette for writing: entries that are not fully opaque first (so that a PNG's
 * {@code tRNS} chunk, which must cover every index up to the last translucent one, is as short
 * as possible), then the opaque ones from most to least used. Measured on the corpus: for the
 * unfiltered rows squish writes, the order changes the deflated size by under 0.1%, so frequency
 * order is chosen for readable palettes (the first swatches are the main colours). Ties keep the
 * old order, so the result is deterministic.
 */
public final class PaletteOrder {
  private PaletteOrder() {}

  /**
   * The writing order of {@code image}'s palette: position {@code i} holds the index of the entry
   * that goes {@code i}-th (the argument of {@link IndexedImage#reorder}).
   */
  public static int[] forEncoding(IndexedImage image) {
    int n = image.palette().size();
    long[] used = image.histogram();
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> {
      int alphaA = image.palette().color(a) >>> 24;
      int alphaB = image.palette().color(b) >>> 24;
      boolean opaqueA = alphaA == 0xFF;
      boolean opaqueB = alphaB == 0xFF;
      if (opaqueA != opaqueB) {
        return opaqueA ? 1 : -1;
      }
      if (!opaqueA && alphaA != alphaB) {
        return Integer.compare(alphaA, alphaB);
      }
      int byUse = Long.compare(used[b], used[a]);
      return byUse != 0 ? byUse : Integer.compare(a, b);
    });
    int[] permutation = new int[n];
    for (int i = 0; i < n; i++) {
      permutation[i] = order[i];
    }
    return permutation;
  }

  /** True when {@code order} leaves every entry where it is. */
  public static boolean isIdentity(int[] order) {
    for (int i = 0; i < order.length; i++) {
      if (order[i] != i) {
        return false;
      }
    }
    return true;
  }
}
