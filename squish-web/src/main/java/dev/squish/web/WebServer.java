package dev.squish.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.squish.color.ColorSpace;
import dev.squish.dither.Dithering;
import dev.squish.histogram.ColorHistogram;
import dev.squish.image.RgbaImage;
import dev.squish.io.decode.DecodeLimits;
import dev.squish.io.decode.ImageDecodeException;
import dev.squish.io.decode.ImageDecoder;
import dev.squish.pipeline.Method;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local before/after page: the JDK's HTTP server on 127.0.0.1 (never another interface),
 * serving the static page from the class path and a small JSON API.
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
 * GET  /api/images/ID/results/RID.png      a result's file (?download=1 to save it)
 * DELETE /api/images/ID                    forget an image
 * </pre>
 *
 * <p>Decoding and compressing take a worker ({@link WebConfig#workers()} at a time); a request
 * waits for one before it reads its upload, so memory is bounded by the workers' uploads and
 * images plus the cache budget, however many requests arrive. Nothing is written to disk.
 */
public final class WebServer implements AutoCloseable {
  private static final String API = "/api/images/";

  private final WebConfig config;
  private final HttpServer server;
  private final ExecutorService handlers;
  private final Semaphore workers;
  private final Sessions sessions;
  private final ImageDecoder decoder;
  private final PrintStream log;
  private final ForkJoinPool exactPool;

  private WebServer(WebConfig config, PrintStream log) throws IOException {
    this.config = config;
    this.log = log;
    this.workers = new Semaphore(config.workers(), true);
    this.sessions = new Sessions(config.cacheBytes());
    this.decoder = new ImageDecoder(new DecodeLimits(config.maxPixels()));
    InetSocketAddress address = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), config.port());
    this.server = HttpServer.create(address, 64);
    // handler threads mostly wait (for a worker, or on the network); the workers bound the real work
    AtomicInteger n = new AtomicInteger();
    this.handlers = Executors.newFixedThreadPool(Math.max(16, 4 * config.workers()), r -> {
      Thread t = new Thread(r, "squish-web-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(handlers);
    AtomicInteger m = new AtomicInteger();
    this.exactPool = new ForkJoinPool(Runtime.getRuntime().availableProcessors(), pool -> {
      ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
      t.setName("squish-web-exact-" + m.incrementAndGet());
      t.setDaemon(true);
      return t;
    }, null, false);
    server.createContext("/", this::handle);
  }

  /** Starts a server with {@code config}; problems of requests are logged to {@code log}. */
  public static WebServer start(WebConfig config, PrintStream log) throws IOException {
    WebServer s = new WebServer(Objects.requireNonNull(config, "config"), Objects.requireNonNull(log, "log"));
    s.server.start();
    return s;
  }

  /** The port listened on (the one picked when the config asked for 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The page's address, {@code http://127.0.0.1:PORT/}. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + port() + "/");
  }

  public WebConfig config() {
    return config;
  }

  /** Images held right now. */
  public int heldImages() {
    return sessions.size();
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
    exactPool.shutdownNow();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      try {
        checkHost(ex);
        route(ex);
      } catch (HttpError e) {
        drain(ex);
        Responses.error(ex, e.status(), e.getMessage());
      } catch (OutOfMemoryError e) {
        log.println("squish serve: out of memory on " + ex.getRequestURI().getPath());
        Responses.error(ex, HttpError.BUSY, "the server ran out of memory; try a smaller image, or start it with"
            + " more (JAVA_OPTS=-Xmx8g)");
      } catch (java.io.UncheckedIOException e) {
        // the browser went away while sending its upload (a superseded request it aborted)
        log.println("squish serve: " + ex.getRequestURI().getPath() + ": upload broken off: " + e.getCause());
      } catch (RuntimeException | LinkageError | AssertionError e) {
        log.println("squish serve: internal error on " + ex.getRequestURI().getPath() + ": " + e);
        e.printStackTrace(log);
        Responses.error(ex, 500, "internal error: " + e.getMessage());
      }
    } catch (IOException e) {
      // the browser went away (a superseded request it aborted): nothing to answer
    }
  }

  /** Only requests addressed to this server: a page from elsewhere cannot rebind a name to 127.0.0.1. */
  private void checkHost(HttpExchange ex) {
    String host = ex.getRequestHeaders().getFirst("Host");
    String port = ":" + port();
    if (host == null || !(host.equals("127.0.0.1" + port) || host.equals("localhost" + port)
        || host.equals("[::1]" + port))) {
      throw new HttpError(HttpError.MISDIRECTED, "this server answers only to http://127.0.0.1" + port + "/");
    }
    // a page of another site may still send a simple POST here (it cannot read the answer, but it
    // could make the server work): only the page itself, or a tool that sends no Origin, is served
    String origin = ex.getRequestHeaders().getFirst("Origin");
    String site = ex.getRequestHeaders().getFirst("Sec-Fetch-Site");
    boolean foreignOrigin = origin != null && !(origin.equals("http://127.0.0.1" + port)
        || origin.equals("http://localhost" + port) || origin.equals("http://[::1]" + port));
    if (foreignOrigin || "cross-site".equals(site)) {
      throw new HttpError(HttpError.FORBIDDEN, "requests from other sites are refused");
    }
  }

  private void route(HttpExchange ex) throws IOException {
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
      UploadSession s = withWorker(() -> receive(ex));
      Responses.json(ex, 201, imageJson(s));
    } else if (path.equals("/api/compress")) {
      requireMethod(method, "POST");
      Map<String, String> q = query(ex.getRequestURI());
      PageOptions page = PageOptions.parse(q);
      Uploads.checkDeclared(ex, config.maxUploadBytes());
      PageResult r = withWorker(() -> {
        UploadSession s = receive(ex);
        return keep(s, page, PageCompressor.compress(s, page));
      });
      // with inline=1 the file comes in the answer itself: a script needs no second request, and
      // cannot lose the file to the cache dropping the image in between
      String json = !q.containsKey("inline") ? r.json() : r.json().substring(0, r.json().length() - 1)
          + ",\"file\":\"" + java.util.Base64.getEncoder().encodeToString(r.file()) + "\"}";
      Responses.json(ex, 200, json);
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
        Responses.json(ex, 200, "{\"deleted\":true}");
      }
      case "original.png" -> {
        requireMethod(method, "GET");
        byte[] png = withWorker(s::originalPng);
        Responses.bytes(ex, 200, "image/png", png, null);
      }
      case "cloud" -> {
        requireMethod(method, "GET");
        ColorSpace space = parseSpace(q.getOrDefault("space", "srgb"));
        Responses.json(ex, 200, s.cloudJson(space, sp -> CloudJson.points(s.cloudSample(), sp)));
      }
      case "compress" -> {
        requireMethod(method, "POST");
        drain(ex);
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
        String disposition = q.containsKey("download") ? "attachment; filename=\"" + r.fileName() + "\"" : null;
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
      return withWorker(() -> keep(s, page, PageCompressor.compress(s, page)));
    }
    awaitExactTurn(s, generation);
    try {
      PageResult again = s.result(page.key());
      if (again != null) {
        return again;
      }
      if (s.generation() != generation) {
        throw new HttpError(HttpError.CONFLICT, "superseded by a newer request for this image");
      }
      return withWorker(() -> keep(s, page, inExactPool(() -> PageCompressor.compress(s, page))));
    } finally {
      s.exactLock().unlock();
    }
  }

  /**
   * Takes the image's exact-fit lock, giving up (409) as soon as a newer request for the image
   * arrives: a request the page has abandoned must not hold one of the server's threads for as
   * long as the running fit takes.
   */
  private static void awaitExactTurn(UploadSession s, long generation) {
    try {
      while (!s.exactLock().tryLock(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        if (s.generation() != generation) {
          throw new HttpError(HttpError.CONFLICT, "superseded by a newer request for this image");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HttpError(HttpError.BUSY, "the server is shutting down");
    }
  }

  /**
   * Runs an exact fit on its own fork-join pool. squish's parallel loops run on the pool of the
   * thread that starts them; on the common pool a preview's chunks would queue behind those of a
   * running exact fit (measured: 1.6 s instead of 0.4 s for a preview on a megapixel image),
   * while on separate pools the operating system shares the cores between the two.
   */
  private PageResult inExactPool(java.util.concurrent.Callable<PageResult> fit) {
    try {
      return exactPool.submit(fit).get();
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HttpError(HttpError.BUSY, "the server is shutting down");
    }
  }

  private PageResult keep(UploadSession s, PageOptions page, PageResult r) {
    s.keep(page.key(), r);
    sessions.trim(s);
    return r;
  }

  /** Reads, checks and decodes an upload, and keeps it as a new session. */
  private UploadSession receive(HttpExchange ex) throws IOException {
    String name = query(ex.getRequestURI()).getOrDefault("name", "image");
    byte[] data = Uploads.read(ex, config.maxUploadBytes());
    ImageHeader header = ImageHeader.of(data, data.length);
    if (header.format() == null) {
      throw new HttpError(HttpError.UNSUPPORTED, name + ": " + decodeMessage(data));
    }
    if (header.pixels() > config.maxPixels()) {
      throw new HttpError(HttpError.TOO_LARGE, String.format(Locale.ROOT,
          "%s: the image is %d x %d = %.1f megapixels; this server takes at most %.1f megapixels"
              + " (squish serve --max-pixels)", name, header.width(), header.height(), header.pixels() / 1e6,
          config.maxPixels() / 1e6));
    }
    RgbaImage image;
    try {
      image = decoder.decode(data, data.length);
    } catch (ImageDecodeException e) {
      throw new HttpError(HttpError.UNPROCESSABLE, name + ": " + e.getMessage());
    }
    UploadSession s = new UploadSession(sessions.newId(), name, data.length, header.format(), image,
        ColorHistogram.of(image));
    sessions.add(s);
    return s;
  }

  private static String imageJson(UploadSession s) {
    return new JsonWriter().beginObject().field("id", s.id()).field("name", s.name())
        .field("format", s.format().name().toLowerCase(Locale.ROOT)).field("bytes", s.uploadBytes())
        .field("width", s.image().width()).field("height", s.image().height()).field("colors", s.histogram().size())
        .field("alpha", s.image().usesAlpha()).field("original", API + s.id() + "/original.png").endObject()
        .toString();
  }

  private String decodeMessage(byte[] data) {
    try {
      decoder.decode(data, data.length);
      return "not an image squish can read";
    } catch (ImageDecodeException e) {
      return e.getMessage();
    }
  }

  private String configJson() {
    JsonWriter w = new JsonWriter().beginObject().field("maxUploadBytes", config.maxUploadBytes())
        .field("maxPixels", config.maxPixels()).field("workers", config.workers());
    w.name("methods").beginArray();
    for (Method m : Method.values()) {
      w.value(m.id());
    }
    w.endArray().name("spaces").beginArray();
    for (ColorSpace s : ColorSpace.values()) {
      w.value(s.id());
    }
    w.endArray().name("dithering").beginArray();
    for (Dithering.Kind k : Dithering.Kind.values()) {
      w.value(k.id());
    }
    return w.endArray().endObject().toString();
  }

  private interface Work<T> {
    T run() throws IOException;
  }

  /** Runs {@code work} holding a worker; 503 when none is free within the queue time. */
  private <T> T withWorker(Work<T> work) {
    boolean acquired;
    try {
      acquired = workers.tryAcquire(config.queueSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HttpError(HttpError.BUSY, "the server is shutting down");
    }
    if (!acquired) {
      throw new HttpError(HttpError.BUSY, "the server is busy; try again in a moment");
    }
    try {
      return work.run();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } finally {
      workers.release();
    }
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

  /** Reads some of what is left of the request body, so the browser gets the answer rather than a reset connection. */
  private static void drain(HttpExchange ex) {
    Uploads.discardRest(ex);
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
