package dev.squish.web;

import dev.squish.io.encode.GifEncoder;
import dev.squish.io.encode.IndexedPngEncoder;
import dev.squish.io.encode.PngFilter;
import dev.squish.io.encode.PngOptions;
import dev.squish.mapping.IndexedImage;
import dev.squish.metrics.DeltaE2000;
import dev.squish.metrics.Ssim;
import dev.squish.pipeline.Compressed;
import dev.squish.pipeline.CompressionOptions;
import dev.squish.pipeline.Compressor;
import dev.squish.pipeline.Method;
import dev.squish.plot.ColorSample;
import dev.squish.plot.FitFigures;
import dev.squish.plot.Swatch;
import dev.squish.quantize.FitReport;
import dev.squish.quantize.Quantization;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Makes the page's results: the quick preview ({@link PreviewQuantizer}) or the exact result,
 * which is byte for byte what {@code squish --method M --k K --space S --dither D} writes for the
 * same file (same quantizer and settings, same encoder). Both run the rest of the real pipeline
 * and measure their own output: size, PSNR, SSIM (and for the exact result mean ΔE00, which takes
 * too long for a preview). The preview's PNG is deflated faster ({@link #PREVIEW_PNG}).
 */
final class PageCompressor {
  /**
   * The preview's PNG: deflate level 5 instead of 9, measured three times faster on a one-megapixel
   * photo, where level 9 took half of the preview's time, for a file a few percent larger. The page
   * marks the preview's sizes as approximate; the exact result has the command line's file.
   */
  static final PngOptions PREVIEW_PNG = PngOptions.of(5, PngFilter.NONE);

  private PageCompressor() {}

  static PageResult compress(UploadSession s, PageOptions page) {
    CompressionOptions options = page.compression();
    boolean exact = page.exact() || s.smallHistogram();
    long t0 = System.nanoTime();
    Quantization q = exact ? exactQuantization(s, options) : PreviewQuantizer.quantize(s, options);
    long t1 = System.nanoTime();
    Compressed c = Compressor.finish(s.image(), s.histogram(), q, options);
    long t2 = System.nanoTime();
    byte[] file = encode(c.image(), page.format(), exact ? PngOptions.defaults() : PREVIEW_PNG);
    long t3 = System.nanoTime();
    double ssim = Ssim.mean(s.image(), c.image());
    double deltaE = exact ? DeltaE2000.mean(s.image(), s.histogram(), c.image()) : Double.NaN;
    long t4 = System.nanoTime();
    String id = s.nextResultId();
    String fileName = stem(s.name()) + "-" + page.method().id() + "-k" + page.k() + "." + page.format();
    String json = json(s, page, exact, c, file, ssim, deltaE, id, fileName, new long[] {t0, t1, t2, t3, t4});
    return new PageResult(id, json, file, fileName, page.format().equals("gif") ? "image/gif" : "image/png");
  }

  /** The command line's quantization; k-means reuses the image's working-space colours and grids. */
  private static Quantization exactQuantization(UploadSession s, CompressionOptions options) {
    if (options.method() == Method.KMEANS) {
      return s.kmeans(options.space()).quantize(Compressor.kmeansConfig(options), null);
    }
    return Compressor.quantizer(options).quantize(s.histogram());
  }

  static byte[] encode(IndexedImage image, String format, PngOptions png) {
    if (format.equals("gif")) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try {
        GifEncoder.write(image, out);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the GIF", e);
      }
      return out.toByteArray();
    }
    return IndexedPngEncoder.encode(image, png);
  }

  private static String json(UploadSession s, PageOptions page, boolean exact, Compressed c, byte[] file,
      double ssim, double deltaE, String id, String fileName, long[] t) {
    int pixels = s.image().pixelCount();
    JsonWriter w = new JsonWriter().beginObject();
    w.field("id", id).field("image", s.id()).field("mode", exact ? "exact" : "preview");
    w.field("method", page.method().id()).field("k", page.k()).field("space", page.space().id());
    w.field("dither", page.dithering().kind().id()).field("level", page.dithering().level(), 3);
    w.field("format", page.format());
    w.field("width", s.image().width()).field("height", s.image().height());
    w.field("paletteSize", c.image().palette().size());
    w.field("inputBytes", s.uploadBytes()).field("outputBytes", file.length);
    w.field("ratio", (double) s.uploadBytes() / file.length, 4);
    w.field("bpp", 8.0 * file.length / pixels, 5);
    w.field("mse", c.quality().mse(), 5).field("psnr", c.quality().psnr(), 4).field("channels",
        c.quality().channels());
    w.field("lossless", c.quality().lossless());
    w.field("ssim", ssim, 6).field("deltaE", deltaE, 4);
    w.name("seconds").beginObject().field("quantize", (t[1] - t[0]) / 1e9, 3).field("map", (t[2] - t[1]) / 1e9, 3)
        .field("encode", (t[3] - t[2]) / 1e9, 3).field("measure", (t[4] - t[3]) / 1e9, 3)
        .field("total", (t[4] - t[0]) / 1e9, 3).endObject();
    w.name("swatches").beginArray();
    for (Swatch sw : Swatch.of(c.image())) {
      w.beginObject().field("rgb", sw.argb() & 0xFFFFFF).field("alpha", sw.argb() >>> 24)
          .field("share", sw.share(), 6).endObject();
    }
    w.endArray();
    fit(w, c.quantization().report());
    String base = "/api/images/" + s.id() + "/results/" + id + "." + page.format();
    w.field("url", base).field("downloadUrl", base + "?download=1").field("fileName", fileName);
    ColorSample sample = s.cloudSample();
    int[] labels = new int[sample.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = c.quantization().paletteIndexOf(sample.indexOf(i));
    }
    w.name("cloud");
    CloudJson.result(w, labels, c.quantization().palette(), page.space(),
        FitFigures.components(c.quantization().report()));
    return w.endObject().toString();
  }

  private static void fit(JsonWriter w, FitReport report) {
    FitFigures.Convergence conv = FitFigures.convergence(report);
    w.name("fit").beginObject().field("method", report.method()).field("iterations", report.iterations())
        .field("converged", report.converged()).field("measure", conv.measure())
        .field("higherIsBetter", conv.higherIsBetter()).field("first", conv.first());
    w.name("history").beginArray();
    for (double v : conv.values()) {
      w.value(v, 6);
    }
    w.endArray().endObject();
  }

  /** The file name without its extension and without characters that do not belong in a download name. */
  static String stem(String name) {
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    String n = name.substring(slash + 1);
    int dot = n.lastIndexOf('.');
    n = dot > 0 ? n.substring(0, dot) : n;
    n = n.replaceAll("[^A-Za-z0-9._-]", "_");
    return n.isEmpty() ? "image" : n.substring(0, Math.min(n.length(), 80));
  }
}
