package dev.squish.cluster;

import dev.squish.color.Srgb;
import dev.squish.histogram.ColorHistogram;
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
 * <p>The opaque colours of the histogram go into cells of {@value #CELL} ΔE*76 in CIE Lab. A
 * group is a cell holding more pixels than each of its 26 neighbours (a peak), together with them.
 * It is a candidate when it holds {@value #MIN_SHARE} to {@value #MAX_SHARE} of the pixels, is
 * compact (weighted RMS radius at most {@value #MAX_RADIUS} ΔE*76) and isolated: the ring of cells
 * around it (4 to 12 ΔE*76 beyond it) holds at most {@value #ISOLATION} of its pixels. A region of
 * a photo has its gradients around it (measured on the corpus: 0.27 to 1 of a peak's pixels in the
 * ring); a pasted logo only its antialiased rim and JPEG ringing. Whether it is lost is decided
 * against a fitted palette ({@link #lost}). Deterministic: groups are ordered by mass, then colour.
 */
public final class DistinctColors {
  /** Cell edge in Lab units (ΔE*76). */
  static final double CELL = 4;
  /** Least share of the pixels of a cell at the centre of a group. */
  static final double PEAK_SHARE = 5e-5;
  /** Most pixels, as a share of the group's, in the ring of cells around a group (4 to 12 ΔE*76 beyond it). */
  static final double ISOLATION = 0.15;
  /** Least share of the pixels of a group: below this a few pixels are not worth an entry. */
  static final double MIN_SHARE = 2e-4;
  /** Largest share of the pixels of a group: above this the fit gives it an entry by itself. */
  static final double MAX_SHARE = 1e-2;
  /** Largest weighted RMS radius of a group in Lab: a compact spot, not a gradient. */
  static final double MAX_RADIUS = 6;
  /** ΔE*76 from a group's mean to its nearest palette entry above which the group counts as lost. */
  static final double LOST_DISTANCE = 6;
  /** Most groups given an entry of their own in one fit. */
  public static final int MAX_GROUPS = 6;
  /** Least palette size at which groups get entries: with fewer, every entry is needed for the big areas. */
  public static final int MIN_K = 8;

  /**
   * A candidate group.
   *
   * @param argb its pixel-weighted mean colour, rounded to 8 bits
   * @param lab its mean in Lab
   * @param pixels its pixel count
   * @param shell the pixels in the ring of cells around it, as a share of its own
   */
  public record Group(int argb, double[] lab, long pixels, double shell) {}

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
    // peaks: cells holding more than any of their 26 neighbours (ties to the smaller key)
    Long[] keys = cells.entrySet().stream().filter(e -> e.getValue()[0] >= PEAK_SHARE * total)
        .map(Map.Entry::getKey).sorted().toArray(Long[]::new);
    List<Group> groups = new ArrayList<>();
    for (Long key : keys) {
      int x = (int) ((key >>> 42) & 0x1FFFFF) - (1 << 20);
      int y = (int) ((key >>> 21) & 0x1FFFFF) - (1 << 20);
      int z = (int) (key & 0x1FFFFF) - (1 << 20);
      double peak = cells.get(key)[0];
      double[] core = new double[8];
      double shell = 0;
      boolean isPeak = true;
      for (int dx = -2; dx <= 2 && isPeak; dx++) {
        for (int dy = -2; dy <= 2 && isPeak; dy++) {
          for (int dz = -2; dz <= 2; dz++) {
            long n = key(x + dx, y + dy, z + dz);
            double[] s = cells.get(n);
            if (s == null) {
              continue;
            }
            boolean near = Math.abs(dx) <= 1 && Math.abs(dy) <= 1 && Math.abs(dz) <= 1;
            if (near) {
              if (s[0] > peak || (s[0] == peak && n < key)) {
                isPeak = false;
                break;
              }
              for (int j = 0; j < 8; j++) {
                core[j] += s[j];
              }
            } else {
              shell += s[0];
            }
          }
        }
      }
      double mass = core[0];
      // isolated: the cells around the core (4 to 12 ΔE*76 beyond it) hold fewer pixels than it
      if (!isPeak || mass < MIN_SHARE * total || mass > MAX_SHARE * total || shell > ISOLATION * mass) {
        continue;
      }
      double[] mean = {core[1] / mass, core[2] / mass, core[3] / mass};
      double radius2 = core[4] / mass - (mean[0] * mean[0] + mean[1] * mean[1] + mean[2] * mean[2]);
      if (radius2 > MAX_RADIUS * MAX_RADIUS) {
        continue;
      }
      int argb = 0xFF000000 | channel(core[5] / mass) << 16 | channel(core[6] / mass) << 8
          | channel(core[7] / mass);
      groups.add(new Group(argb, mean, Math.round(mass), shell / mass));
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
