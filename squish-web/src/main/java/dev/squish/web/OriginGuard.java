package dev.squish.web;

import com.sun.net.httpserver.HttpExchange;

/**
 * Which requests the server answers: only those addressed to it on the loopback interface, and
 * only from the page itself or from a tool that sends no {@code Origin}. A page of another site
 * can neither rebind a host name to 127.0.0.1 (DNS rebinding) nor make the server work for it.
 */
final class OriginGuard {
  private OriginGuard() {}

  /** Throws 421 for a request addressed to another host, 403 for one sent by a page of another site. */
  static void check(HttpExchange ex, int port) {
    String suffix = ":" + port;
    String host = ex.getRequestHeaders().getFirst("Host");
    if (host == null || !(host.equals("127.0.0.1" + suffix) || host.equals("localhost" + suffix)
        || host.equals("[::1]" + suffix))) {
      throw new HttpError(HttpError.MISDIRECTED, "this server answers only to http://127.0.0.1" + suffix + "/");
    }
    // a page of another site may still send a simple POST here (it cannot read the answer, but it
    // could make the server work): only the page itself, or a tool that sends no Origin, is served
    String origin = ex.getRequestHeaders().getFirst("Origin");
    String site = ex.getRequestHeaders().getFirst("Sec-Fetch-Site");
    boolean foreignOrigin = origin != null && !(origin.equals("http://127.0.0.1" + suffix)
        || origin.equals("http://localhost" + suffix) || origin.equals("http://[::1]" + suffix));
    if (foreignOrigin || "cross-site".equals(site)) {
      throw new HttpError(HttpError.FORBIDDEN, "requests from other sites are refused");
    }
  }
}
