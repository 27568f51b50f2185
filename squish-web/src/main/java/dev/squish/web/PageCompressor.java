package dev.squish.web;

import dev.squish.compress.Compressed;
import dev.squish.image.Palette;
import dev.squish.io.encode.ImageEncoder;
import dev.squish.io.encode.PngOptions;
import dev.squish.io.palette.PaletteFileException;
import dev.squish.io.palette.PaletteFiles;
import dev.squish.quantize.Convergence;
import dev.squish.quantize.FitReport;
import dev.squish.view.ColorCloud;
import dev.squish.view.Component;
import dev.squish.view.Figures;
import dev.squish.view.Json;
import dev.squish.view.Swatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the page's results: the quick preview or the exact result, which is byte for byte what
 * {@code squish --method M --k K --space S --dither D} writes for the same file (the same call
 * into squish-core, the same encoder). Both measure their own output: size, PSNR, SSIM, and for
 * the exact result mean ΔE00, which takes too long for a preview. The preview's PNG is deflated
 * faster ({@link PngOptions#fast()}); the page marks its sizes as approximate.
 */
final class PageCompressor {
  /** The palette downloads offered, in the page's order (a swatch {@code .png} would clash with the result's name). */
  static final List<String> PALETTE_EXTENSIONS = List.of(".gpl", ".act", ".hex", ".json");

  private PageCompressor() {}

  static PageResult compress(UploadSession s, PageOptions page) {
    long t0 = System.nanoTime();
    Compressed c = fit(s, page);
    boolean exact = !c.preview();
    long t1 = System.nanoTime();
    byte[] file = ImageEncoder.encode(c.image(), page.format(), exact ? PngOptions.defaults() : PngOptions.fast());
    long t2 = System.nanoTime();
    String id = s.nextResultId();
    String fileName = stem(s.name()) + "-" + page.method().id() + "-k" + page.method().k() + page.format().extension();
    Map<String, Object> m = figures(s, page, exact, c, file);
    Map<String, Object> seconds = new LinkedHashMap<>();
    seconds.put("compress", Json.round((t1 - t0) / 1e9, 3));
    seconds.put("encode", Json.round((t2 - t1) / 1e9, 3));
    seconds.put("total", Json.round((t2 - t0) / 1e9, 3));
    m.put("seconds", seconds);
    m.put("swatches", swatches(c));
    m.put("palette", palette(c.palette(), "/api/images/" + s.id() + "/results/" + id));
    m.put("fit", fit(c.fit()));
    String base = "/api/images/" + s.id() + "/results/" + id + page.format().extension();
    m.put("url", base);
    m.put("download_url", base + "?download=1");
    m.put("file_name", fileName);
    m.put("cloud", CloudJson.result(ColorCloud.labels(s.cloudSample(), c), c.palette(), page.space(),
        Component.of(c.fit())));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("id", id);
    answer.putAll(m);
    return new PageResult(id, answer, file, fileName, page.format().mediaType(), c.palette());
  }

  private static Compressed fit(UploadSession s, PageOptions page) {
    try {
      return page.exact() ? s.prepared().compress(page.compression()) : s.prepared().preview(page.compression());
    } catch (IllegalArgumentException e) {
      if (page.keep().isEmpty()) {
        throw e;
      }
      // the kept colours with the image's transparent entry can be more than k: only the fit knows
      throw new HttpError(HttpError.BAD_REQUEST, "keep: " + e.getMessage());
    }
  }

  private static Map<String, Object> figures(UploadSession s, PageOptions page, boolean exact, Compressed c,
      byte[] file) {
    int pixels = s.prepared().image().pixelCount();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("image", s.id());
    m.put("mode", exact ? "exact" : "preview");
    m.put("method", page.method().id());
    m.put("k", page.method().k());
    m.put("space", page.space().id());
    m.put("dither", page.dithering().kind().id());
    m.put("level", Json.round(page.dithering().level(), 3));
    m.put("format", page.format().id());
    m.put("width", c.image().width());
    m.put("height", c.image().height());
    m.put("palette_size", c.palette().size());
    if (!page.keep().isEmpty()) {
      m.put("keep", List.of(PageOptions.hex(page.keptPalette()).split(",")));
    }
    m.putAll(Figures.sizes(s.uploadBytes(), file.length, pixels));
    m.putAll(Figures.quality(c.quality()));
    return m;
  }

  private static List<Object> swatches(Compressed c) {
    List<Object> out = new ArrayList<>();
    for (Swatch sw : Swatch.of(c.image())) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("rgb", sw.argb() & 0xFFFFFF);
      e.put("alpha", sw.argb() >>> 24);
      e.put("share", Json.round(sw.share(), 6));
      out.add(e);
    }
    return out;
  }

  /**
   * The palette written, in its order, as hex colours, and a download URL for each palette format
   * that can hold it ({@code .gpl} and {@code .act} have no alpha, so a palette with translucent
   * entries offers {@code .hex} and {@code .json} only).
   */
  private static Map<String, Object> palette(Palette palette, String base) {
    List<Object> colours = new ArrayList<>();
    for (int argb : palette.colors()) {
      colours.add(PageOptions.hex(argb));
    }
    Map<String, Object> downloads = new LinkedHashMap<>();
    for (String ext : PALETTE_EXTENSIONS) {
      if (paletteBytes(palette, "palette" + ext) != null) {
        downloads.put(ext.substring(1), base + ext);
      }
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("colors", colours);
    m.put("downloads", downloads);
    return m;
  }

  /** {@return {@code palette} as the file {@code name} (its extension gives the format), or null when it cannot} */
  static byte[] paletteBytes(Palette palette, String name) {
    try {
      return PaletteFiles.bytes(palette, name);
    } catch (PaletteFileException e) {
      return null;
    }
  }

  private static Map<String, Object> fit(FitReport report) {
    Convergence conv = report.convergence();
    double[] history = conv.values();
    for (int i = 0; i < history.length; i++) {
      history[i] = Json.round(history[i], 6);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("method", report.method());
    m.put("iterations", report.iterations());
    m.put("converged", report.converged());
    m.put("measure", conv.measure());
    m.put("higher_is_better", conv.higherIsBetter());
    m.put("first", conv.first());
    m.put("history", history);
    return m;
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
