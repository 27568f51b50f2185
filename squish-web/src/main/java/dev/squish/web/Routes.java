package dev.squish.web;

import com.sun.net.httpserver.HttpExchange;
import dev.squish.compress.Dithering;
import dev.squish.compress.PreparedImage;
import dev.squish.image.Palette;
import dev.squish.io.decode.DecodedImage;
import dev.squish.io.decode.ImageDecodeException;
import dev.squish.io.decode.ImageDecoder;
import dev.squish.io.decode.ImageFormat;
import dev.squish.io.palette.PaletteFileException;
import dev.squish.io.palette.PaletteFiles;
import dev.squish.quantize.ColorSpace;
import dev.squish.quantize.Method;
import dev.squish.view.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The page and its JSON API:
 *
 * <pre>
 * GET  /                                   the page (and /static/... its CSS and scripts)
 * GET  /api/config                         limits, methods, spaces
 * POST /api/images?name=FILE               upload (body = the file): decoded once, kept for later requests
 * POST /api/compress?name=FILE&amp;k=...[&amp;inline=1]  upload and compress in one request (for scripts; inline:
 *                                          the file in the answer, base64)
 * GET  /api/images/ID/original.png         the decoded original, as squish sees it
 * GET  /api/images/ID/cloud?space=S        sampled colours and view layouts for the 3-D cloud
 * POST /api/images/ID/compress?method=&amp;k=&amp;space=&amp;dither=&amp;level=&amp;format=&amp;mode=preview|exact
 *                                          (palette=#rrggbb,... instead of method and k: remap to it;
 *                                          keep=#rrggbb,...: colours the fitted palette holds exactly)
 * GET  /api/images/ID/results/RID.png      a result's file (?download=1 to save it)
 * GET  /api/images/ID/results/RID.gpl      its palette, saved (also .act, .hex, .json)
 * POST /api/palettes?name=FILE             a palette file (body): its colours, to give as palette=...
 * DELETE /api/images/ID                    forget an image
 * </pre>
 */
final class Routes {
  private static final String API = "/api/images/";
  /** Largest palette file taken (also within the upload limit): 256 colours fit in far less, even as an image. */
  static final long MAX_PALETTE_BYTES = 1L << 20;

  private final WebConfig config;
  private final Sessions sessions;
  private final ImageDecoder decoder;
  private final WorkQueue work;

  Routes(WebConfig config, Sessions sessions, ImageDecoder decoder, WorkQueue work) {
    this.config = config;
    this.sessions = sessions;
    this.decoder = decoder;
    this.work = work;
  }

  void route(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String method = ex.getRequestMethod();
    if (path.equals("/") || path.startsWith("/static/")) {
      requireMethod(method, "GET");
      StaticFiles.serve(ex, path.equals("/") ? "index.html" : path.substring("/static/".length()));
    } else if (path.equals("/api/config")) {
      requireMethod(method, "GET");
      Responses.json(ex, 200, configJson());
    } else if (path.equals("/api/images")) {
      requireMethod(method, "POST");
      Uploads.checkDeclared(ex, config.maxUploadBytes());
      UploadSession s = work.withWorker(() -> receive(ex));
      Responses.json(ex, 201, imageJson(s));
    } else if (path.equals("/api/compress")) {
      requireMethod(method, "POST");
      Map<String, String> q = query(ex.getRequestURI());
      PageOptions page = PageOptions.parse(q);
      Uploads.checkDeclared(ex, config.maxUploadBytes());
      PageResult r = work.withWorker(() -> {
        UploadSession s = receive(ex);
        return keep(s, page, PageCompressor.compress(s, page));
      });
      // with inline=1 the file comes in the answer itself: a script needs no second request, and
      // cannot lose the file to the cache dropping the image in between
      Responses.json(ex, 200, q.containsKey("inline") ? r.jsonWithFile() : r.json());
    } else if (path.equals("/api/palettes")) {
      requireMethod(method, "POST");
      String name = query(ex.getRequestURI()).getOrDefault("name", "palette");
      long limit = Math.min(config.maxUploadBytes(), MAX_PALETTE_BYTES);
      String whose = limit < MAX_PALETTE_BYTES ? Uploads.SERVER_LIMIT : "the limit for a palette file";
      Uploads.checkDeclared(ex, limit, whose);
      Palette palette = work.withWorker(() -> readPalette(Uploads.read(ex, limit, whose), name));
      Responses.json(ex, 200, paletteJson(name, palette));
    } else if (path.startsWith(API)) {
      imageRoute(ex, method, path.substring(API.length()).split("/", -1));
    } else {
      throw new HttpError(HttpError.NOT_FOUND, "no such page: " + path);
    }
  }

  private void imageRoute(HttpExchange ex, String method, String[] parts) throws IOException {
    UploadSession s = sessions.get(parts[0]);
    String what = parts.length > 1 ? parts[1] : "";
    Map<String, String> q = query(ex.getRequestURI());
    switch (what) {
      case "" -> {
        requireMethod(method, "DELETE");
        sessions.remove(s.id());
        Responses.json(ex, 200, Json.write(Map.of("deleted", true)));
      }
      case "original.png" -> {
        requireMethod(method, "GET");
        byte[] png = work.withWorker(s::originalPng);
        Responses.bytes(ex, 200, "image/png", png, null);
      }
      case "cloud" -> {
        requireMethod(method, "GET");
        ColorSpace space = parseSpace(q.getOrDefault("space", "srgb"));
        Responses.json(ex, 200, s.cloudJson(space, sp -> CloudJson.points(s.cloudSample(), sp)));
      }
      case "compress" -> {
        requireMethod(method, "POST");
        Uploads.discardRest(ex);
        PageOptions page = PageOptions.parse(q);
        Responses.json(ex, 200, compress(s, page).json());
      }
      case "results" -> {
        requireMethod(method, "GET");
        String file = parts.length > 2 ? parts[2] : "";
        int dot = file.lastIndexOf('.');
        PageResult r = s.resultById(dot > 0 ? file.substring(0, dot) : file);
        if (r == null) {
          throw new HttpError(HttpError.NOT_FOUND, "no such result (only the recent ones are kept): " + file);
        }
        String ext = dot > 0 ? file.substring(dot).toLowerCase(Locale.ROOT) : "";
        if (PageCompressor.PALETTE_EXTENSIONS.contains(ext)) {
          servePalette(ex, r, ext);
          return;
        }
        String disposition = q.containsKey("download") ? attachment(r.fileName()) : null;
        Responses.bytes(ex, 200, r.contentType(), r.file(), disposition);
      }
      default -> throw new HttpError(HttpError.NOT_FOUND, "no such page: " + ex.getRequestURI().getPath());
    }
  }

  /**
   * A result for {@code page}: from the cache, or made by a worker. An exact fit waits for the
   * image's previous exact fit, and is dropped (409) if a newer request for the image came in
   * meanwhile: the page has moved on, and the cores are better spent on what it shows now.
   */
  private PageResult compress(UploadSession s, PageOptions page) {
    long generation = s.newGeneration();
    PageResult cached = s.result(page.asExact().key());
    if (cached == null) {
      cached = s.result(page.key());
    }
    if (cached != null) {
      return cached;
    }
    if (!page.exact()) {
      return work.withWorker(() -> keep(s, page, PageCompressor.compress(s, page)));
    }
    WorkQueue.awaitExactTurn(s, generation);
    try {
      PageResult again = s.result(page.key());
      if (again != null) {
        return again;
      }
      if (s.generation() != generation) {
        throw WorkQueue.superseded();
      }
      return work.withWorker(() -> keep(s, page, work.inExactPool(() -> PageCompressor.compress(s, page))));
    } finally {
      s.exactLock().unlock();
    }
  }

  private PageResult keep(UploadSession s, PageOptions page, PageResult r) {
    s.keep(page.key(), r);
    sessions.trim(s);
    return r;
  }

  /** A result's palette as a file to save: always an attachment, named after the result's file. */
  private static void servePalette(HttpExchange ex, PageResult r, String ext) throws IOException {
    String name = r.paletteFileName(ext);
    byte[] bytes;
    try {
      bytes = PaletteFiles.bytes(r.palette(), name);
    } catch (PaletteFileException e) {
      throw new HttpError(HttpError.BAD_REQUEST, e.getMessage()); // alpha in .gpl or .act
    }
    String type = switch (ext) {
      case ".json" -> "application/json; charset=utf-8";
      case ".act" -> "application/octet-stream";
      default -> "text/plain; charset=utf-8";
    };
    Responses.bytes(ex, 200, type, bytes, attachment(name));
  }

  private static String attachment(String fileName) {
    return "attachment; filename=\"" + fileName + "\"";
  }

  /**
   * The palette in an uploaded palette file. An image is first checked against the server's pixel
   * limit (a small file can hold a huge image); every other problem is the file's own one-line
   * reason, with 400.
   */
  private Palette readPalette(byte[] data, String name) {
    if (data.length > 0 && ImageFormat.sniff(data, data.length) != null) {
      try {
        decoder.decode(data, data.length);
      } catch (ImageDecodeException e) {
        if (e.reason() == ImageDecodeException.Reason.TOO_LARGE) {
          throw HttpError.of(e, name);
        }
      }
    }
    try {
      return PaletteFiles.read(data, name);
    } catch (PaletteFileException e) {
      throw new HttpError(HttpError.BAD_REQUEST, e.getMessage());
    }
  }

  private static String paletteJson(String name, Palette palette) {
    List<String> colours = new ArrayList<>();
    for (int argb : palette.colors()) {
      colours.add(PageOptions.hex(argb));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("size", palette.size());
    m.put("colors", colours);
    m.put("palette", PageOptions.hex(palette));
    return Json.write(m);
  }

  /** Reads and decodes an upload, and keeps it as a new session. */
  private UploadSession receive(HttpExchange ex) throws IOException {
    String name = query(ex.getRequestURI()).getOrDefault("name", "image");
    byte[] data = Uploads.read(ex, config.maxUploadBytes());
    DecodedImage decoded;
    try {
      decoded = decoder.decode(data, data.length);
    } catch (ImageDecodeException e) {
      throw HttpError.of(e, name);
    }
    UploadSession s = new UploadSession(sessions.newId(), name, data.length, decoded.format(),
        PreparedImage.of(decoded.image()));
    sessions.add(s);
    return s;
  }

  private static String imageJson(UploadSession s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("name", s.name());
    m.put("format", s.format().name().toLowerCase(Locale.ROOT));
    m.put("bytes", s.uploadBytes());
    m.put("width", s.prepared().image().width());
    m.put("height", s.prepared().image().height());
    m.put("colors", s.prepared().histogram().size());
    m.put("alpha", s.prepared().image().usesAlpha());
    m.put("original", API + s.id() + "/original.png");
    return Json.write(m);
  }

  private String configJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("max_upload_bytes", config.maxUploadBytes());
    m.put("max_pixels", config.maxPixels());
    m.put("max_palette_bytes", Math.min(config.maxUploadBytes(), MAX_PALETTE_BYTES));
    m.put("workers", config.workers());
    m.put("min_k", Method.MIN_K);
    m.put("max_k", Method.MAX_K);
    m.put("methods", List.of(Method.kMeans(1).id(), Method.em(1).id()));
    m.put("spaces", List.of(ColorSpace.values()).stream().map(ColorSpace::id).toList());
    m.put("dithering", List.of(Dithering.Kind.values()).stream().map(Dithering.Kind::id).toList());
    return Json.write(m);
  }

  private static void requireMethod(String actual, String expected) {
    if (!actual.equalsIgnoreCase(expected)) {
      throw new HttpError(HttpError.METHOD_NOT_ALLOWED, "use " + expected + " here, not " + actual);
    }
  }

  private static ColorSpace parseSpace(String id) {
    try {
      return ColorSpace.byId(id);
    } catch (IllegalArgumentException e) {
      throw new HttpError(HttpError.BAD_REQUEST, "space: " + e.getMessage());
    }
  }

  static Map<String, String> query(URI uri) {
    Map<String, String> q = new HashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return q;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        q.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw new HttpError(HttpError.BAD_REQUEST, "bad query parameter '" + pair + "': " + e.getMessage());
      }
    }
    return q;
  }
}
