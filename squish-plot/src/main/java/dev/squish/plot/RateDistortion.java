package dev.squish.plot;

import dev.squish.compress.CompressOptions;
import dev.squish.compress.Compressed;
import dev.squish.compress.PreparedImage;
import dev.squish.io.encode.ImageEncoder;
import dev.squish.io.encode.OutputFormat;
import dev.squish.io.encode.PngOptions;
import dev.squish.quantize.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Rate against distortion: the image compressed at several k by each method, each output's size
 * in bits per pixel against its PSNR. Every point is what the command line writes for those
 * options (same pipeline, same PNG encoder and settings); the prepared image shares its
 * working-space colours and coarse grids between all of them.
 */
public final class RateDistortion {
  private RateDistortion() {}

  /**
   * One compressed output.
   *
   * @param method who made it: a method id ({@code kmeans}, {@code em}) or {@code pngquant}
   * @param k palette size asked for
   * @param bytes size of the PNG file
   * @param bpp bits per pixel of the file
   * @param psnr PSNR of the output against the input, dB
   * @param seconds time taken to quantize, map and encode
   */
  public record Point(String method, int k, long bytes, double bpp, double psnr, double seconds) {}

  /**
   * Compresses {@code image} at every k in {@code ks} with each of {@code methods} (each with its
   * own settings, at every k), the rest (space, dithering, seed) as in {@code base}; {@code progress}
   * hears of each point as it is made.
   */
  public static List<Point> sweep(PreparedImage image, CompressOptions base, List<Method> methods, List<Integer> ks,
      PngOptions png, Consumer<Point> progress) {
    Objects.requireNonNull(progress, "progress");
    List<Point> points = new ArrayList<>();
    for (Method m : methods) {
      for (int k : ks) {
        long start = System.nanoTime();
        Compressed c = image.compress(base.toBuilder().method(m.withK(k)).ssim(false).deltaE(false).build());
        long bytes = ImageEncoder.encode(c.image(), OutputFormat.PNG, png).length;
        Point p = new Point(m.id(), k, bytes, 8.0 * bytes / image.image().pixelCount(), c.quality().psnr(),
            (System.nanoTime() - start) / 1e9);
        points.add(p);
        progress.accept(p);
      }
    }
    return points;
  }
}
