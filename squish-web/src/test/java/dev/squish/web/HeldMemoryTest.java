package dev.squish.web;

import static org.assertj.core.api.Assertions.assertThat;
import dev.squish.compress.PreparedImage;
import dev.squish.io.decode.DecodeLimits;
import dev.squish.io.decode.DecodedImage;
import dev.squish.io.decode.ImageDecoder;
import dev.squish.testkit.TestImages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cache budget ({@code --cache-mb}) bounds the heap only if an image's estimate is not below
 * what it really holds. Six copies of a test photo, each with eight previews and an exact fit made, are
 * measured on the heap after a full GC and compared with the sum of their estimates.
 */
class HeldMemoryTest {
  private static final int COPIES = 6;

  @Test
  void theEstimateOfAHeldImageIsNotBelowTheHeapItHolds() throws Exception {
    ImageDecoder decoder = new ImageDecoder(new DecodeLimits(WebConfig.DEFAULT_MAX_PIXELS));
    for (String name : List.of(TestImages.GRACE_HOPPER, TestImages.BABOON)) {
      byte[] data = TestImages.bytes(name);
      List<UploadSession> held = new ArrayList<>();
      fullGc();
      long before = usedHeap();
      for (int i = 0; i < COPIES; i++) {
        DecodedImage d = decoder.decode(data, data.length);
        UploadSession s = new UploadSession("id" + i, name, data.length, d.format(), PreparedImage.of(d.image()));
        for (int k : new int[] {4, 17, 33, 60}) {
          for (String space : List.of("srgb", "oklab")) {
            keep(s, Map.of("k", "" + k, "space", space, "mode", "preview"));
          }
        }
        keep(s, Map.of("k", "16", "mode", "exact"));
        held.add(s);
      }
      fullGc();
      long measured = usedHeap() - before;
      long estimated = held.stream().mapToLong(UploadSession::estimatedBytes).sum();
      assertThat(estimated).as("%s: estimated %d bytes, the heap holds %d", name, estimated, measured)
          .isGreaterThanOrEqualTo(measured);
      held.clear();
    }
  }

  private static void keep(UploadSession s, Map<String, String> query) {
    PageOptions page = PageOptions.parse(query);
    s.keep(page.key(), PageCompressor.compress(s, page));
  }

  private static long usedHeap() {
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  private static void fullGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
  }
}
