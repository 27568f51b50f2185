package dev.squish.cluster;

import dev.squish.color.ColorCoordinates;
import dev.squish.image.Palette;
import dev.squish.parallel.ParallelChunks;
import java.util.Arrays;

/**
 * Turns cluster centres into a palette the encoder can write: each centre rounded to the
 * nearest 8-bit colour, duplicates merged, every point assigned again to its nearest rounded
 * colour (rounding can move a boundary; or, with {@link #ofLabels}, kept with its own centre's
 * entry), and entries no point uses dropped. Shared by all
 * centre-based quantizers so they agree on what "the palette of these centres" means.
 *
 * @param palette the rounded, de-duplicated, used colours
 * @param assignment for each point, its palette index
 * @param sumSquaredError weighted sum of squared distances from the points to their palette colours, in the working
 *     space
 */
public record RoundedPalette(Palette palette, int[] assignment, double sumSquaredError) {

  /**
   * Rounds {@code k} centres ({@code centers[j * dim + c]}) and assigns {@code points} to them.
   *
   * @param labels for each point, the centre it belonged to before rounding (a starting guess)
   */
  public static RoundedPalette of(double[] centers, int k, WeightedPoints points, int[] labels,
      ColorCoordinates space) {
    return build(centers, k, points, labels, space, true, new int[0]);
  }

  /**
   * Like {@link #of(double[], int, WeightedPoints, int[], ColorCoordinates)}, with the first
   * {@code exact.length} centres written as the colours of {@code exact} instead of rounded (a
   * kept colour must come out as given, whatever the round trip through the working space does to
   * it) and never dropped, even when no point uses them.
   */
  public static RoundedPalette of(double[] centers, int k, WeightedPoints points, int[] labels,
      ColorCoordinates space, int[] exact) {
    return build(centers, k, points, labels, space, true, exact);
  }

  /**
   * Rounds {@code k} centres like {@link #of} but keeps every point with the entry of its given
   * centre, even when another rounded entry is nearer: for methods whose assignment is not by
   * distance (a mixture's most probable component). Entries that no point uses are dropped.
   *
   * @param labels for each point, the centre it is assigned to
   */
  public static RoundedPalette ofLabels(double[] centers, int k, WeightedPoints points, int[] labels,
      ColorCoordinates space) {
    return build(centers, k, points, labels, space, false, new int[0]);
  }

  /**
   * Like {@link #ofLabels(double[], int, WeightedPoints, int[], ColorCoordinates)}, the first
   * centres exact (see {@link #of}).
   */
  public static RoundedPalette ofLabels(double[] centers, int k, WeightedPoints points, int[] labels,
      ColorCoordinates space, int[] exact) {
    return build(centers, k, points, labels, space, false, exact);
  }

  private static RoundedPalette build(double[] centers, int k, WeightedPoints points, int[] labels,
      ColorCoordinates space, boolean nearest, int[] exact) {
    int dim = points.dimensions();
    int[] argb = new int[k];
    int[] entryOfCenter = new int[k];
    int unique = 0;
    for (int j = 0; j < k; j++) {
      int c = j < exact.length ? exact[j] : space.toArgb(centers, j * dim);
      int found = -1;
      for (int u = 0; u < unique; u++) {
        if (argb[u] == c) {
          found = u;
          break;
        }
      }
      if (found < 0) {
        argb[unique] = c;
        found = unique++;
      }
      entryOfCenter[j] = found;
    }
    double[] rounded = new double[unique * dim];
    for (int u = 0; u < unique; u++) {
      space.toPoint(argb[u], rounded, u * dim);
    }
    NearestCenters search = new NearestCenters(rounded, unique, dim);
    int n = points.size();
    int[] assignment = new int[n];
    double[] coords = points.coords();
    double[] weights = points.weights();
    int chunk = 1 << 14;
    double[] chunkError = new double[ParallelChunks.chunkCount(n, chunk)];
    ParallelChunks.forEach(n, chunk, (c, from, to) -> {
      double[] d2 = new double[1];
      double err = 0;
      for (int i = from; i < to; i++) {
        if (nearest) {
          // canonical ties: the same palette given back (Method.given) assigns every colour alike
          assignment[i] = search.nearestCanonical(coords, i * dim, entryOfCenter[labels[i]], d2, 0);
        } else {
          assignment[i] = entryOfCenter[labels[i]];
          d2[0] = search.distance2To(coords, i * dim, assignment[i]);
        }
        err += weights[i] * d2[0];
      }
      chunkError[c] = err;
    });
    double sse = 0;
    for (double e : chunkError) {
      sse += e;
    }
    // drop entries nothing maps to; keep the survivors in their order
    boolean[] used = new boolean[unique];
    for (int j = 0; j < exact.length; j++) {
      used[entryOfCenter[j]] = true;
    }
    for (int a : assignment) {
      used[a] = true;
    }
    int[] newIndex = new int[unique];
    int kept = 0;
    for (int u = 0; u < unique; u++) {
      newIndex[u] = used[u] ? kept : -1;
      if (used[u]) {
        argb[kept++] = argb[u];
      }
    }
    if (kept < unique) {
      for (int i = 0; i < n; i++) {
        assignment[i] = newIndex[assignment[i]];
      }
    }
    return new RoundedPalette(Palette.of(Arrays.copyOf(argb, kept)), assignment, sse);
  }
}
