package dev.squish.metrics;

import dev.squish.color.Srgb;
import dev.squish.histogram.ColorHistogram;
import dev.squish.image.IndexedImage;
import dev.squish.image.RgbaImage;
import dev.squish.parallel.ParallelChunks;

/**
 * The CIEDE2000 colour difference (CIE 142-2001), implemented after Sharma, Wu and Dalal, "The
 * CIEDE2000 color-difference formula: implementation notes, supplementary test data, and
 * mathematical observations", Color Research and Application 30(1), 2005, with kL = kC = kH = 1.
 */
public final class DeltaE2000 {
  private static final double POW25_7 = Math.pow(25, 7);
  /** Pixels per chunk: large, so that each distinct pair is evaluated in few chunks. */
  private static final int CHUNK = 1 << 20;

  private DeltaE2000() {}

  /** ΔE00 between two L*a*b* colours. */
  public static double difference(double l1, double a1, double b1, double l2, double a2, double b2) {
    double c1 = Math.hypot(a1, b1);
    double c2 = Math.hypot(a2, b2);
    double cBar7 = Math.pow((c1 + c2) / 2, 7);
    double g = 0.5 * (1 - Math.sqrt(cBar7 / (cBar7 + POW25_7)));
    double a1p = (1 + g) * a1;
    double a2p = (1 + g) * a2;
    double c1p = Math.hypot(a1p, b1);
    double c2p = Math.hypot(a2p, b2);
    double h1p = hueAngle(a1p, b1);
    double h2p = hueAngle(a2p, b2);

    double dLp = l2 - l1;
    double dCp = c2p - c1p;
    double dhp;
    if (c1p * c2p == 0) {
      dhp = 0;
    } else if (Math.abs(h2p - h1p) <= 180) {
      dhp = h2p - h1p;
    } else if (h2p - h1p > 180) {
      dhp = h2p - h1p - 360;
    } else {
      dhp = h2p - h1p + 360;
    }
    double dHp = 2 * Math.sqrt(c1p * c2p) * Math.sin(Math.toRadians(dhp / 2));

    double lBarP = (l1 + l2) / 2;
    double cBarP = (c1p + c2p) / 2;
    double hBarP;
    if (c1p * c2p == 0) {
      hBarP = h1p + h2p;
    } else if (Math.abs(h1p - h2p) <= 180) {
      hBarP = (h1p + h2p) / 2;
    } else if (h1p + h2p < 360) {
      hBarP = (h1p + h2p + 360) / 2;
    } else {
      hBarP = (h1p + h2p - 360) / 2;
    }
    double t = 1 - 0.17 * Math.cos(Math.toRadians(hBarP - 30)) + 0.24 * Math.cos(Math.toRadians(2 * hBarP))
        + 0.32 * Math.cos(Math.toRadians(3 * hBarP + 6)) - 0.20 * Math.cos(Math.toRadians(4 * hBarP - 63));
    double dTheta = 30 * Math.exp(-Math.pow((hBarP - 275) / 25, 2));
    double cBarP7 = Math.pow(cBarP, 7);
    double rc = 2 * Math.sqrt(cBarP7 / (cBarP7 + POW25_7));
    double lBarP50 = (lBarP - 50) * (lBarP - 50);
    double sl = 1 + 0.015 * lBarP50 / Math.sqrt(20 + lBarP50);
    double sc = 1 + 0.045 * cBarP;
    double sh = 1 + 0.015 * cBarP * t;
    double rt = -Math.sin(Math.toRadians(2 * dTheta)) * rc;
    double termL = dLp / sl;
    double termC = dCp / sc;
    double termH = dHp / sh;
    return Math.sqrt(termL * termL + termC * termC + termH * termH + rt * termC * termH);
  }

  private static double hueAngle(double ap, double b) {
    if (ap == 0 && b == 0) {
      return 0;
    }
    double h = Math.toDegrees(Math.atan2(b, ap));
    return h < 0 ? h + 360 : h;
  }

  /** ΔE00 between two 8-bit sRGB colours (alpha ignored). */
  public static double difference(int rgb1, int rgb2) {
    double[] lab = new double[6];
    Srgb.toLab(rgb1, lab, 0);
    Srgb.toLab(rgb2, lab, 3);
    return difference(lab[0], lab[1], lab[2], lab[3], lab[4], lab[5]);
  }

  /**
   * Mean ΔE00 per pixel between {@code original} and {@code quantized}, over RGB (alpha is
   * ignored), counting only pixels of the original that are not fully transparent, as the
   * benchmark harness does. Each distinct (original colour, palette entry) pair is computed
   * once, so a 12-megapixel photo costs a few hundred thousand evaluations, not twelve million.
   */
  public static double mean(RgbaImage original, ColorHistogram histogram, IndexedImage quantized) {
    int entries = quantized.palette().size();
    double[] paletteLab = new double[entries * 3];
    for (int j = 0; j < entries; j++) {
      Srgb.toLab(quantized.palette().color(j), paletteLab, 3 * j);
    }
    int n = original.pixelCount();
    // pixels grouped by (histogram colour, palette entry): counts in a primitive table per chunk
    int chunks = ParallelChunks.chunkCount(n, CHUNK);
    double[] sums = new double[chunks];
    long[] counted = new long[chunks];
    double[] colorLab = new double[histogram.size() * 3];
    ParallelChunks.forEach(histogram.size(), 1 << 14, (c, from, to) -> {
      for (int i = from; i < to; i++) {
        Srgb.toLab(histogram.color(i), colorLab, 3 * i);
      }
    });
    ParallelChunks.forEach(n, CHUNK, (c, from, to) -> {
      PairCounts pairs = new PairCounts(1 << 12);
      for (int i = from; i < to; i++) {
        int p = original.argb(i);
        if ((p >>> 24) == 0) {
          continue;
        }
        pairs.add((long) histogram.indexOf(p) * 256 + quantized.index(i));
      }
      double s = 0;
      long total = 0;
      for (int slot = 0; slot < pairs.capacity(); slot++) {
        long key = pairs.keyAt(slot);
        if (key < 0) {
          continue;
        }
        int h = (int) (key / 256);
        int e = (int) (key % 256);
        long count = pairs.countAt(slot);
        s += count * difference(colorLab[3 * h], colorLab[3 * h + 1], colorLab[3 * h + 2], paletteLab[3 * e],
            paletteLab[3 * e + 1], paletteLab[3 * e + 2]);
        total += count;
      }
      sums[c] = s;
      counted[c] = total;
    });
    double s = 0;
    long total = 0;
    for (int c = 0; c < chunks; c++) {
      s += sums[c];
      total += counted[c];
    }
    return total == 0 ? 0 : s / total;
  }

  /** Open-addressing counts of non-negative long keys. */
  private static final class PairCounts {
    private long[] keys;
    private int[] counts;
    private int size;

    PairCounts(int capacity) {
      keys = new long[capacity];
      counts = new int[capacity];
      java.util.Arrays.fill(keys, -1);
    }

    void add(long key) {
      int mask = keys.length - 1;
      int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
      while (keys[slot] != -1 && keys[slot] != key) {
        slot = (slot + 1) & mask;
      }
      if (keys[slot] == -1) {
        keys[slot] = key;
        if (++size * 2 > keys.length) {
          counts[slot] = 1;
          grow();
          return;
        }
      }
      counts[slot]++;
    }

    private void grow() {
      long[] oldKeys = keys;
      int[] oldCounts = counts;
      keys = new long[oldKeys.length * 2];
      counts = new int[oldKeys.length * 2];
      java.util.Arrays.fill(keys, -1);
      int mask = keys.length - 1;
      for (int i = 0; i < oldKeys.length; i++) {
        if (oldKeys[i] != -1) {
          int slot = (int) ((oldKeys[i] * 0x9E3779B97F4A7C15L) >>> 40) & mask;
          while (keys[slot] != -1) {
            slot = (slot + 1) & mask;
          }
          keys[slot] = oldKeys[i];
          counts[slot] = oldCounts[i];
        }
      }
    }

    int capacity() {
      return keys.length;
    }

    long keyAt(int slot) {
      return keys[slot];
    }

    int countAt(int slot) {
      return counts[slot];
    }
  }
}
