package dev.squish.web;

import java.io.IOException;

/**
 * The page's server alone in a process, for {@link PageLoadTest}'s long run (which measures its RSS):
 * {@code PageLoadServer CACHE_MB READ_TIMEOUT_S}; prints {@code port N}, serves until its standard input closes.
 */
final class PageLoadServer {
  private PageLoadServer() {}

  public static void main(String[] args) throws IOException {
    WebConfig config = WebConfig.builder(0).cacheBytes(Long.parseLong(args[0]) << 20)
        .readTimeoutSeconds(Integer.parseInt(args[1])).build();
    try (WebServer server = WebServer.start(config, System.err)) {
      System.out.println("port " + server.port() + " workers " + config.workers() + " waiting " + config.maxWaiting());
      System.out.flush();
      while (System.in.read() >= 0) {
        // serve until the parent goes away
      }
    }
  }
}
