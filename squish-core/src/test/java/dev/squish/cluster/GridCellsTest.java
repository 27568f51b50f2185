package dev.squish.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.squish.histogram.ColorHistogram;
import org.junit.jupiter.api.Test;

class GridCellsTest {

  @Test
  void gridCellsGroupColoursThatShareTheirTopBits() {
    ColorHistogram h = ColorHistogram.of(new int[] {0xFF000000, 0xFF070707, 0xFF080000, 0xFFFFFFFF, 0x80000000},
        new long[] {1, 1, 1, 1, 1});
    int[] cells = new int[h.size()];
    assertThat(GridCells.assign(h, 5, false, cells)).isEqualTo(3);
    int black = h.indexOf(0xFF000000);
    assertThat(cells[h.indexOf(0xFF070707)]).isEqualTo(cells[black]); // 7 >>> 3 == 0 in every channel
    assertThat(cells[h.indexOf(0xFF080000)]).isNotEqualTo(cells[black]);
    assertThat(cells[h.indexOf(0x80000000)]).as("alpha ignored").isEqualTo(cells[black]);
    assertThat(GridCells.assign(h, 5, true, cells)).as("alpha counted").isEqualTo(4);
    assertThat(cells[h.indexOf(0x80000000)]).isNotEqualTo(cells[black]);
    assertThatThrownBy(() -> GridCells.assign(h, 7, true, cells)).isInstanceOf(IllegalArgumentException.class);
  }
}
