package dev.squish.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.squish.io.decode.DecodeLimits;
import dev.squish.io.decode.ImageDecoder;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;

/**
 * The local before/after page: the JDK's HTTP server on 127.0.0.1 (never another interface),
 * serving the static page from the class path and a small JSON API ({@link Routes}). Requests pass
 * the {@link OriginGuard}; decoding and compressing take a worker of the {@link WorkQueue}, and a
 * request waits for one before it reads its upload, so memory is bounded by the workers' uploads
 * and images plus the cache budget, however many requests arrive. Few requests may wait (503 with
 * Retry-After beyond), clients that send or read too slowly are cut off ({@link IoDeadlines}),
 * and the JDK's server is told to keep at most {@link #MAX_CONNECTIONS} connections open. Nothing
 * is written to disk.
 */
public final class WebServer implements AutoCloseable {
  /**
   * Connections open at once, idle ones included; the JDK's server closes new ones beyond it at
   * once. It reads this once, when its first server starts, from {@code
   * jdk.httpserver.maxConnections} (and {@code sun.net.httpserver.maxIdleConnections}), which are
   * set here unless the user set them.
   */
  public static final int MAX_CONNECTIONS = 1000;
  /** Handler threads beyond the workers and the waiting requests: the page and cheap requests always find one. */
  static final int SPARE_THREADS = 32;

  static {
    setUnlessSet("jdk.httpserver.maxConnections", MAX_CONNECTIONS);
    // beyond its idle limit (200) the JDK's server closes a connection after its answer without
    // saying so (no Connection: close), and a client sending its next request on it gets a reset:
    // with 200 pages open that was the next request of every new one
    setUnlessSet("sun.net.httpserver.maxIdleConnections", MAX_CONNECTIONS);
  }

  private static void setUnlessSet(String property, int value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, Integer.toString(value));
    }
  }

  private final WebConfig config;
  private final HttpServer server;
  private final IoDeadlines handlers;
  private final Sessions sessions;
  private final WorkQueue work;
  private final Routes routes;
  private final PrintStream log;

  private WebServer(WebConfig config, PrintStream log) throws IOException {
    this.config = config;
    this.log = log;
    this.sessions = new Sessions(config.cacheBytes());
    this.work = new WorkQueue(config.workers(), config.queueSeconds(), config.maxWaiting());
    this.routes = new Routes(config, sessions, new ImageDecoder(new DecodeLimits(config.maxPixels())), work);
    InetSocketAddress address = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), config.port());
    this.server = HttpServer.create(address, 64);
    // handler threads mostly wait (for a worker, or on the network); the workers bound the real work,
    // and there are enough threads for every worker and waiting request with some to spare
    this.handlers = new IoDeadlines(config.workers() + config.maxWaiting() + SPARE_THREADS,
        config.readTimeoutSeconds());
    server.setExecutor(handlers);
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

  /** The settings the server runs with. */
  public WebConfig config() {
    return config;
  }

  /** Images held right now. */
  public int heldImages() {
    return sessions.size();
  }

  /** Estimated bytes of the images held right now (kept within the cache budget, see {@link WebConfig}). */
  public long heldBytes() {
    return sessions.estimatedBytes();
  }

  /** Workers decoding or compressing right now. */
  int busyWorkers() {
    return work.busyWorkers();
  }

  /** Requests waiting for a worker right now. */
  int waitingRequests() {
    return work.waiting();
  }

  /** Requests cut off so far for sending or reading too slowly. */
  int cutOffRequests() {
    return handlers.cutOff();
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.close();
    work.close();
  }

  /**
   * One request: the guard, the route, and every failure turned into its answer in this one place.
   * A request whose client went away (or was cut off) ends with the {@link IOException} thrown out
   * of here: the JDK's server then closes the connection and forgets it, while {@code ex.close()}
   * alone would close it but keep counting it as open, until {@link #MAX_CONNECTIONS} such
   * connections made the server refuse every new one.
   */
  private void handle(HttpExchange ex) throws IOException {
    IoDeadlines.headersRead();
    answer(ex);
    // closing reads what is left of a small body: a slow client is cut off here too
    IoDeadlines.during(0, () -> {
      ex.close();
      return null;
    });
  }

  private void answer(HttpExchange ex) throws IOException {
    try {
      OriginGuard.check(ex, port());
      routes.route(ex);
    } catch (HttpError e) {
      Uploads.discardRest(ex);
      Responses.error(ex, e.status(), e.getMessage(), e.retryAfterSeconds());
    } catch (OutOfMemoryError e) {
      log.println("squish serve: out of memory on " + ex.getRequestURI().getPath());
      Responses.error(ex, HttpError.BUSY, "the server ran out of memory; try a smaller image, or start it with"
          + " more (JAVA_OPTS=-Xmx8g)", 5);
    } catch (UncheckedIOException e) {
      // the browser went away while sending its upload (a superseded request it aborted)
      log.println("squish serve: " + ex.getRequestURI().getPath() + ": upload broken off: " + e.getCause());
      throw e.getCause();
    } catch (RuntimeException | LinkageError | AssertionError e) {
      log.println("squish serve: internal error on " + ex.getRequestURI().getPath() + ": " + e);
      e.printStackTrace(log);
      Responses.error(ex, 500, "internal error: " + e.getMessage(), 0);
    }
  }
}
