package dev.squish.plot;

import dev.squish.color.ColorSpace;
import dev.squish.dither.Dithering;
import dev.squish.histogram.ColorHistogram;
import dev.squish.image.RgbaImage;
import dev.squish.io.encode.IndexedPngEncoder;
import dev.squish.io.encode.PngOptions;
import dev.squish.pipeline.Compressed;
import dev.squish.pipeline.CompressionOptions;
import dev.squish.pipeline.Compressor;
import dev.squish.pipeline.Method;
import dev.squish.quantize.Quantization;
import dev.squish.quantize.kmeans.KMeansSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Rate against distortion: the image compressed at several k by each method, each output's size
 * in bits per pixel against its PSNR. Every point is what the command line writes for those
 * options (same pipeline, same PNG encoder and settings). For k-means the histogram's colours in
 * the working space and its coarse grids are computed once for all k ({@link KMeansSession}).
 */
public final class RateDistortion {
  /** The k of the default sweep: powers of two from 2 to 256. */
  public static final List<Integer> DEFAULT_KS = List.of(2, 4, 8, 16, 32, 64, 128, 256);

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
   * Compresses {@code image} at every k in {@code ks} with each of {@code methods}, the other
   * settings (space, dithering, seed) taken from {@code base}; {@code progress} hears of each
   * point as it is made.
   */
  public static List<Point> sweep(RgbaImage image, CompressionOptions base, List<Method> methods, List<Integer> ks,
      PngOptions png, Consumer<Point> progress) {
    Objects.requireNonNull(progress, "progress");
    ColorHistogram histogram = ColorHistogram.of(image);
    List<Point> points = new ArrayList<>();
    for (Method m : methods) {
      KMeansSession session = m == Method.KMEANS ? new KMeansSession(histogram, base.space()) : null;
      for (int k : ks) {
        long start = System.nanoTime();
        CompressionOptions o = options(m, k, base.seed(), base.space(), base.dithering());
        Quantization q = session != null ? session.quantize(Compressor.kmeansConfig(o), null)
            : Compressor.quantizer(o).quantize(histogram);
        Compressed c = Compressor.finish(image, histogram, q, o);
        long bytes = IndexedPngEncoder.encode(c.image(), png).length;
        Point p = new Point(m.id(), k, bytes, 8.0 * bytes / image.pixelCount(), c.quality().psnr(),
            (System.nanoTime() - start) / 1e9);
        points.add(p);
        progress.accept(p);
      }
    }
    return points;
  }

  /** The options of one point: {@code method} at {@code k}, the rest as given. */
  static CompressionOptions options(Method method, int k, long seed, ColorSpace space, Dithering dithering) {
    return new CompressionOptions(method, k, seed, space, dithering);
  }
}
