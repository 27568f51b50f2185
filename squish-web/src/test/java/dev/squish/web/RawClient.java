package dev.squish.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A hand-driven HTTP client on a raw socket, for the clients the JDK's client cannot be: one that
 * trickles its headers or its body, or goes away in the middle of an upload.
 */
final class RawClient implements AutoCloseable {
  private final Socket socket;
  private final OutputStream out;
  private final String host;

  RawClient(int port) throws IOException {
    this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
    this.out = socket.getOutputStream();
    this.host = "127.0.0.1:" + port;
  }

  /** The headers of a POST of {@code length} bytes to {@code path}, ending with the blank line. */
  String postHeaders(String path, long length) {
    return "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Length: " + length + "\r\n\r\n";
  }

  /** The start of a GET whose headers never end. */
  String unfinishedGet(String path) {
    return "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n";
  }

  void send(String ascii) throws IOException {
    send(ascii.getBytes(StandardCharsets.US_ASCII));
  }

  void send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /**
   * Sends {@code bytes} in pieces of {@code piece} bytes, {@code pauseMillis} apart, until all are
   * sent or the server closes the connection; true if the server closed it first.
   */
  boolean trickle(byte[] bytes, int piece, long pauseMillis) throws InterruptedException {
    try {
      for (int i = 0; i < bytes.length; i += piece) {
        out.write(bytes, i, Math.min(piece, bytes.length - i));
        out.flush();
        Thread.sleep(pauseMillis);
      }
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  /**
   * Waits at most {@code millis} for the server to answer or close: the status of its answer, -1 if it
   * closed the connection without one, 0 if it did neither in time.
   */
  int awaitStatusOrClose(int millis) throws IOException {
    socket.setSoTimeout(millis);
    try {
      InputStream in = socket.getInputStream();
      byte[] head = in.readNBytes(12);
      if (head.length < 12) {
        return -1;
      }
      return Integer.parseInt(new String(head, StandardCharsets.US_ASCII).substring(9, 12));
    } catch (SocketTimeoutException e) {
      return 0;
    } catch (IOException e) {
      return -1; // reset
    }
  }

  /**
   * True if within {@code millis} the server closed the connection or answered (which ends it for
   * a client that never finishes its request); false if it is still waiting for more.
   */
  boolean endedWithin(int millis) throws IOException {
    socket.setSoTimeout(millis);
    try {
      socket.getInputStream().read();
      return true; // -1 (closed) or the first byte of an answer
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
