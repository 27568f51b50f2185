package dev.squish.cluster;

import dev.squish.color.Srgb;
import dev.squish.histogram.ColorHistogram;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Small groups of colours far from everything else in an image: a logo, a legend square, a red
 * country on a map. A fit that minimizes the squared error over all pixels spends its entries on
 * the big areas and averages such a group into a neighbour that may lie 20 to 50 ΔE00 away; the
 * eye sees it at once, PSNR hardly notices. This finds the groups on the histogram (not per
 * pixel), so a fit can check whether it lost one and, if so, give it an entry of its own.
 *
 * <p>The opaque colours of the histogram go into cells of {@value #CELL} ΔE*76 in CIE Lab. Cells
 * holding fewer than {@value #NOISE_SHARE} of the pixels are left out (antialiased rims and JPEG
 * ringing bridge a patch to its surroundings with a few pixels per cell), and the others are
 * joined into groups with their 26 neighbours. A group is a candidate when it holds
 * {@value #MIN_SHARE} to {@value #MAX_SHARE} of the pixels and is compact: its weighted RMS radius
 * is at most {@value #MAX_RADIUS} ΔE*76. Whether it is lost is decided against a fitted palette
 * ({@link #lost}). Deterministic: groups are ordered by mass, then colour.
 */
public final class DistinctColors {
  /** Cell edge in Lab units (ΔE*76). */
  static final double CELL = 4;
  /** Share of the pixels below which a cell is noise, not part of a group. */
  static final double NOISE_SHARE = 2e-5;
  /** Least share of the pixels of a group: below this a few pixels are not worth an entry. */
  static final double MIN_SHARE = 2e-4;
  /** Largest share of the pixels of a group: above this the fit gives it an entry by itself. */
  static final double MAX_SHARE = 1e-2;
  /** Largest weighted RMS radius of a group in Lab: a compact spot, not a gradient. */
  static final double MAX_RADIUS = 6;
  /** ΔE*76 from a group's mean to its nearest palette entry above which the group counts as lost. */
  static final double LOST_DISTANCE = 6;
  /** Most groups given an entry of their own in one fit. */
  public static final int MAX_GROUPS = 4;
  /** Least palette size at which groups get entries: with fewer, every entry is needed for the big areas. */
  public static final int MIN_K = 8;

  /**
   * A candidate group.
   *
   * @param argb its pixel-weighted mean colour, rounded to 8 bits
   * @param lab its mean in Lab
   * @param pixels its pixel count
   */
  public record Group(int argb, double[] lab, long pixels) {}

  private final List<Group> candidates;

  private DistinctColors(List<Group> candidates) {
    this.candidates = candidates;
  }

  /** {@return the candidate groups of {@code histogram}, largest first} */
  public static DistinctColors of(ColorHistogram histogram) {
    long total = histogram.totalCount();
    Map<Long, double[]> cells = new HashMap<>();
    double[] lab = new double[3];
    for (int i = 0; i < histogram.size(); i++) {
      int c = histogram.color(i);
      if ((c >>> 24) != 0xFF) {
        continue;
      }
      Srgb.toLab(c, lab, 0);
      long key = key(cell(lab[0]), cell(lab[1]), cell(lab[2]));
      // mass, Σ w·L, Σ w·a, Σ w·b, Σ w·|lab|², Σ w·R, Σ w·G, Σ w·B
      double[] s = cells.computeIfAbsent(key, x -> new double[8]);
      double w = histogram.count(i);
      s[0] += w;
      s[1] += w * lab[0];
      s[2] += w * lab[1];
      s[3] += w * lab[2];
      s[4] += w * (lab[0] * lab[0] + lab[1] * lab[1] + lab[2] * lab[2]);
      s[5] += w * ((c >>> 16) & 0xFF);
      s[6] += w * ((c >>> 8) & 0xFF);
      s[7] += w * (c & 0xFF);
    }
    double noise = NOISE_SHARE * total;
    Long[] keys = cells.entrySet().stream().filter(e -> e.getValue()[0] >= noise).map(Map.Entry::getKey)
        .sorted().toArray(Long[]::new);
    Map<Long, Boolean> seen = new HashMap<>();
    for (Long k : keys) {
      seen.put(k, false);
    }
    List<Group> groups = new ArrayList<>();
    ArrayDeque<Long> queue = new ArrayDeque<>();
    for (Long start : keys) {
      if (seen.get(start)) {
        continue;
      }
      double[] sum = new double[8];
      seen.put(start, true);
      queue.add(start);
      while (!queue.isEmpty()) {
        long k = queue.poll();
        double[] s = cells.get(k);
        for (int j = 0; j < 8; j++) {
          sum[j] += s[j];
        }
        int x = (int) ((k >>> 42) & 0x1FFFFF) - (1 << 20);
        int y = (int) ((k >>> 21) & 0x1FFFFF) - (1 << 20);
        int z = (int) (k & 0x1FFFFF) - (1 << 20);
        for (int dx = -1; dx <= 1; dx++) {
          for (int dy = -1; dy <= 1; dy++) {
            for (int dz = -1; dz <= 1; dz++) {
              long n = key(x + dx, y + dy, z + dz);
              Boolean was = seen.get(n);
              if (was != null && !was) {
                seen.put(n, true);
                queue.add(n);
              }
            }
          }
        }
      }
      double mass = sum[0];
      if (mass < MIN_SHARE * total || mass > MAX_SHARE * total) {
        continue;
      }
      double[] mean = {sum[1] / mass, sum[2] / mass, sum[3] / mass};
      double radius2 = sum[4] / mass - (mean[0] * mean[0] + mean[1] * mean[1] + mean[2] * mean[2]);
      if (radius2 > MAX_RADIUS * MAX_RADIUS) {
        continue;
      }
      int argb = 0xFF000000 | channel(sum[5] / mass) << 16 | channel(sum[6] / mass) << 8 | channel(sum[7] / mass);
      groups.add(new Group(argb, mean, Math.round(mass)));
    }
    groups.sort(Comparator.comparingLong(Group::pixels).reversed().thenComparingInt(Group::argb));
    return new DistinctColors(List.copyOf(groups));
  }

  /** {@return the candidate groups, largest first} */
  public List<Group> candidates() {
    return candidates;
  }

  /**
   * {@return the candidates no entry of {@code palette} comes near (more than
   * {@value #LOST_DISTANCE} ΔE*76 from the group's mean), largest first, at most
   * {@value #MAX_GROUPS}}
   *
   * @param palette ARGB colours, for example a fit's centres rounded to 8 bits
   */
  public List<Group> lost(int[] palette) {
    double[][] entries = new double[palette.length][3];
    for (int j = 0; j < palette.length; j++) {
      Srgb.toLab(palette[j], entries[j], 0);
    }
    List<Group> lost = new ArrayList<>();
    for (Group g : candidates) {
      double best = Double.POSITIVE_INFINITY;
      for (int j = 0; j < palette.length; j++) {
        if ((palette[j] >>> 24) == 0xFF) {
          best = Math.min(best, distance2(g.lab(), entries[j]));
        }
      }
      if (best > LOST_DISTANCE * LOST_DISTANCE && lost.size() < MAX_GROUPS) {
        lost.add(g);
      }
    }
    return lost;
  }

  private static double distance2(double[] a, double[] b) {
    double d0 = a[0] - b[0];
    double d1 = a[1] - b[1];
    double d2 = a[2] - b[2];
    return d0 * d0 + d1 * d1 + d2 * d2;
  }

  private static int cell(double v) {
    return (int) Math.floor(v / CELL);
  }

  private static long key(int x, int y, int z) {
    return ((long) (x + (1 << 20)) << 42) | ((long) (y + (1 << 20)) << 21) | (z + (1 << 20));
  }

  private static int channel(double v) {
    return Math.max(0, Math.min(255, (int) Math.round(v)));
  }

  @Override
  public String toString() {
    return "DistinctColors" + Arrays.toString(candidates.stream().map(g -> String.format("#%06x×%d",
        g.argb() & 0xFFFFFF, g.pixels())).toArray());
  }
}
