package dev.squish.histogram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.squish.image.RgbaImage;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ColorHistogramTest {

  @Test
  void countsEachDistinctColourOnce() {
    int[] px = {0xFF000000, 0xFFFFFFFF, 0xFF000000, 0xFF102030, 0xFFFFFFFF, 0xFF000000};
    ColorHistogram h = ColorHistogram.of(RgbaImage.of(3, 2, px));
    assertThat(h.size()).isEqualTo(3);
    assertThat(h.totalCount()).isEqualTo(6);
    assertThat(h.count(h.indexOf(0xFF000000))).isEqualTo(3);
    assertThat(h.count(h.indexOf(0xFFFFFFFF))).isEqualTo(2); // -1 as an int: the table's special key
    assertThat(h.count(h.indexOf(0xFF102030))).isEqualTo(1);
    assertThat(h.indexOf(0xFF123456)).isEqualTo(-1);
  }

  @Test
  void fullyTransparentPixelsAreOneColour() {
    int[] px = {0x00FF0000, 0x0000FF00, 0x80FF0000, 0xFF00FF00};
    ColorHistogram h = ColorHistogram.of(RgbaImage.of(2, 2, px));
    assertThat(h.size()).isEqualTo(3);
    assertThat(h.count(h.indexOf(0))).isEqualTo(2);
    assertThat(h.indexOf(0x00123456)).isEqualTo(h.indexOf(0));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 1000, 3_000_000})
  void matchesNaiveCountingOnRandomImages(int pixels) {
    SplittableRandom r = new SplittableRandom(pixels);
    int[] px = new int[pixels];
    for (int i = 0; i < pixels; i++) {
      // few distinct values so that counts are large, plus the colour that collides with the empty marker
      px[i] = r.nextInt(10) == 0 ? -1 : 0xFF000000 | r.nextInt(5000) * 3;
    }
    Map<Integer, Integer> naive = new HashMap<>();
    for (int p : px) {
      naive.merge(p, 1, Integer::sum);
    }
    ColorHistogram h = ColorHistogram.of(RgbaImage.of(pixels, 1, px));
    assertThat(h.size()).isEqualTo(naive.size());
    for (int i = 0; i < h.size(); i++) {
      assertThat(h.count(i)).isEqualTo(naive.get(h.color(i)));
      assertThat(h.indexOf(h.color(i))).isEqualTo(i);
      if (i > 0) {
        assertThat(h.color(i)).isGreaterThan(h.color(i - 1));
      }
    }
  }

  @Test
  void explicitHistogramRejectsDuplicatesAndNonPositiveCounts() {
    assertThatThrownBy(() -> ColorHistogram.of(new int[] {1, 1}, new int[] {1, 1}))
        .hasMessageContaining("appears twice");
    assertThatThrownBy(() -> ColorHistogram.of(new int[] {1}, new int[] {0}))
        .hasMessageContaining("must be > 0");
  }

  @Test
  void gridCellsGroupColoursThatShareTheirTopBits() {
    ColorHistogram h = ColorHistogram.of(new int[] {0xFF000000, 0xFF070707, 0xFF080000, 0xFFFFFFFF, 0x80000000},
        new int[] {1, 1, 1, 1, 1});
    int[] cells = new int[h.size()];
    assertThat(h.gridCells(5, false, cells)).isEqualTo(3);
    int black = h.indexOf(0xFF000000);
    assertThat(cells[h.indexOf(0xFF070707)]).isEqualTo(cells[black]); // 7 >>> 3 == 0 in every channel
    assertThat(cells[h.indexOf(0xFF080000)]).isNotEqualTo(cells[black]);
    assertThat(cells[h.indexOf(0x80000000)]).as("alpha ignored").isEqualTo(cells[black]);
    assertThat(h.gridCells(5, true, cells)).as("alpha counted").isEqualTo(4);
    assertThat(cells[h.indexOf(0x80000000)]).isNotEqualTo(cells[black]);
    assertThatThrownBy(() -> h.gridCells(7, true, cells)).isInstanceOf(IllegalArgumentException.class);
  }
}
