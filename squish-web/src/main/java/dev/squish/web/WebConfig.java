package dev.squish.web;

import dev.squish.io.decode.DecodeLimits;

/**
 * Settings of the local page's server; made with {@link #defaults} or a {@link Builder}.
 *
 * @param port TCP port on 127.0.0.1, 0..65535 (0 picks a free one)
 * @param maxUploadBytes largest accepted upload, bytes (HTTP 413 above)
 * @param maxPixels largest accepted image, width × height (HTTP 413 above), checked before decoding
 * @param workers requests that decode or compress at the same time; the others wait their turn (their uploads are not
 *     read until then, so memory stays bounded), at least 1
 * @param cacheBytes memory budget of the images held between requests (decoded pixels, histogram, working-space
 *     colours, recent results); the least recently used image is dropped beyond it
 * @param queueSeconds how long a request may wait for a worker before it is turned away with HTTP 503
 * @param readTimeoutSeconds how long a client may take to send its request's headers, and (plus one second per MiB)
 *     its body or to take the answer; a slower client is cut off, so it cannot hold one of the server's threads
 * @param maxWaiting requests that may wait for a worker at once; one more is answered HTTP 503 (with Retry-After) at
 *     once, so that a crowd neither holds every thread nor waits minutes for an answer
 */
public record WebConfig(int port, long maxUploadBytes, long maxPixels, int workers, long cacheBytes,
    int queueSeconds, int readTimeoutSeconds, int maxWaiting) {
  /** Default upload limit: 64 MiB, more than any photo a phone takes. */
  public static final long DEFAULT_MAX_UPLOAD_BYTES = 64L << 20;
  /** Default pixel limit: 40 megapixels (a decoded image needs about 40 bytes per pixel while it is compressed). */
  public static final long DEFAULT_MAX_PIXELS = 40_000_000L;
  /** Default cache budget: 1 GiB, about 25 one-megapixel images with their working data. */
  public static final long DEFAULT_CACHE_BYTES = 1L << 30;
  /** Default port. */
  public static final int DEFAULT_PORT = 8407;
  /** Default wait for a worker before a request is turned away. */
  public static final int DEFAULT_QUEUE_SECONDS = 300;
  /** Most workers allowed. */
  public static final int MAX_WORKERS = 256;
  /** Default time a client has to send its headers (and, plus a second per MiB, its body). */
  public static final int DEFAULT_READ_TIMEOUT_SECONDS = 20;
  /** Default requests waiting for a worker, per worker. */
  public static final int DEFAULT_WAITING_PER_WORKER = 8;
  /** Most requests allowed to wait for a worker. */
  public static final int MAX_WAITING = 4096;

  public WebConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be in 0..65535, got " + port);
    }
    if (maxUploadBytes < 1 || maxUploadBytes > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("maxUploadBytes must be in 1.." + (Integer.MAX_VALUE - 16) + ", got "
          + maxUploadBytes);
    }
    if (maxPixels < 1 || maxPixels > DecodeLimits.HARD_MAX_PIXELS) {
      throw new IllegalArgumentException("maxPixels must be in 1.." + DecodeLimits.HARD_MAX_PIXELS + ", got "
          + maxPixels);
    }
    if (workers < 1 || workers > MAX_WORKERS) {
      throw new IllegalArgumentException("workers must be in 1.." + MAX_WORKERS + ", got " + workers);
    }
    if (cacheBytes < 0) {
      throw new IllegalArgumentException("cacheBytes must be >= 0, got " + cacheBytes);
    }
    if (queueSeconds < 1) {
      throw new IllegalArgumentException("queueSeconds must be >= 1, got " + queueSeconds);
    }
    if (readTimeoutSeconds < 1) {
      throw new IllegalArgumentException("readTimeoutSeconds must be >= 1, got " + readTimeoutSeconds);
    }
    if (maxWaiting < 0 || maxWaiting > MAX_WAITING) {
      throw new IllegalArgumentException("maxWaiting must be in 0.." + MAX_WAITING + ", got " + maxWaiting);
    }
  }

  /** The defaults on {@code port}: one worker per core. */
  public static WebConfig defaults(int port) {
    return builder(port).build();
  }

  /** A builder starting from the defaults on {@code port}. */
  public static Builder builder(int port) {
    return new Builder(port);
  }

  /** Builds a {@link WebConfig}; every setter returns the builder. */
  public static final class Builder {
    private final int port;
    private long maxUploadBytes = DEFAULT_MAX_UPLOAD_BYTES;
    private long maxPixels = DEFAULT_MAX_PIXELS;
    private int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
    private long cacheBytes = DEFAULT_CACHE_BYTES;
    private int queueSeconds = DEFAULT_QUEUE_SECONDS;
    private int readTimeoutSeconds = DEFAULT_READ_TIMEOUT_SECONDS;
    private Integer maxWaiting;

    private Builder(int port) {
      this.port = port;
    }

    /** Largest upload, bytes. */
    public Builder maxUploadBytes(long value) {
      this.maxUploadBytes = value;
      return this;
    }

    /** Largest image, pixels. */
    public Builder maxPixels(long value) {
      this.maxPixels = value;
      return this;
    }

    /** Requests decoding or compressing at once. */
    public Builder workers(int value) {
      this.workers = value;
      return this;
    }

    /** Memory budget of the images kept, bytes. */
    public Builder cacheBytes(long value) {
      this.cacheBytes = value;
      return this;
    }

    /** Wait for a worker, seconds. */
    public Builder queueSeconds(int value) {
      this.queueSeconds = value;
      return this;
    }

    /** Time a client has to send its headers (its body: plus a second per MiB), seconds. */
    public Builder readTimeoutSeconds(int value) {
      this.readTimeoutSeconds = value;
      return this;
    }

    /** Requests that may wait for a worker (default {@value WebConfig#DEFAULT_WAITING_PER_WORKER} per worker). */
    public Builder maxWaiting(int value) {
      this.maxWaiting = value;
      return this;
    }

    /** The settings; checks every value. */
    public WebConfig build() {
      int waiting = maxWaiting != null ? maxWaiting : (int) Math.min(MAX_WAITING,
          (long) DEFAULT_WAITING_PER_WORKER * Math.max(1, workers));
      return new WebConfig(port, maxUploadBytes, maxPixels, workers, cacheBytes, queueSeconds, readTimeoutSeconds,
          waiting);
    }
  }
}
