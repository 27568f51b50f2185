package dev.squish.web;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The uploaded images held by the server, least recently used first out: when their estimated
 * memory exceeds the budget, the oldest are dropped (the page uploads its image again when told
 * it is gone). Ids are random 128-bit numbers, so one page cannot guess another's image.
 * Thread-safe.
 */
final class Sessions {
  private final long budgetBytes;
  private final Map<String, UploadSession> byId = new LinkedHashMap<>(16, 0.75f, true);
  private final SecureRandom random = new SecureRandom();

  Sessions(long budgetBytes) {
    this.budgetBytes = budgetBytes;
  }

  String newId() {
    byte[] b = new byte[16];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** Adds {@code s} and drops old sessions beyond the budget (never {@code s} itself). */
  void add(UploadSession s) {
    synchronized (byId) {
      byId.put(s.id(), s);
    }
    trim(s);
  }

  /** The session {@code id}, or an HTTP 404 saying the image must be uploaded again. */
  UploadSession get(String id) {
    UploadSession s;
    synchronized (byId) {
      s = byId.get(id);
    }
    if (s == null) {
      throw new HttpError(HttpError.NOT_FOUND,
          "this image is no longer held by the server (it was dropped to save memory, or the server restarted);"
              + " upload it again");
    }
    s.touch();
    return s;
  }

  void remove(String id) {
    synchronized (byId) {
      byId.remove(id);
    }
  }

  int size() {
    synchronized (byId) {
      return byId.size();
    }
  }

  /** Estimated bytes of every session held. */
  long estimatedBytes() {
    List<UploadSession> all;
    synchronized (byId) {
      all = new ArrayList<>(byId.values());
    }
    long total = 0;
    for (UploadSession s : all) {
      total += s.estimatedBytes();
    }
    return total;
  }

  /** Drops the least recently used sessions until the estimate fits the budget; {@code keep} stays. */
  void trim(UploadSession keep) {
    List<UploadSession> all;
    synchronized (byId) {
      all = new ArrayList<>(byId.values());
    }
    long total = 0;
    for (UploadSession s : all) {
      total += s.estimatedBytes();
    }
    for (UploadSession s : all) {
      if (total <= budgetBytes) {
        break;
      }
      if (s != keep) {
        total -= s.estimatedBytes();
        remove(s.id());
      }
    }
  }
}
