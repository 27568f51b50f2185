package dev.squish.quantize.gmm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.squish.histogram.ColorHistogram;
import dev.squish.quantize.Quantization;
import java.util.List;
import org.junit.jupiter.api.Test;

class GmmBicQuantizerTest {

  @Test
  void ladderCoversTheRangeGeometrically() {
    assertThat(new GmmBicQuantizer(GmmConfig.of(2), 2, 256).ladder(100_000))
        .containsExactly(2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256);
    assertThat(new GmmBicQuantizer(GmmConfig.of(2), 5, 20).ladder(100_000)).containsExactly(5, 6, 8, 12, 16, 20);
    assertThat(new GmmBicQuantizer(GmmConfig.of(2), 2, 256).ladder(10)).containsExactly(2, 3, 4, 6, 8, 10);
  }

  @Test
  void picksTheNumberOfComponentsTheDataWereDrawnFrom() {
    ColorHistogram h = Synthetic.histogram(Synthetic.threeColours(), 60_000, 8);
    Quantization q = new GmmBicQuantizer(GmmConfig.of(2), 1, 8).quantize(h);
    GmmReport r = (GmmReport) q.report();
    assertThat(r.components()).isEqualTo(3);
    List<KCandidate> table = r.selection();
    assertThat(table).extracting(KCandidate::k).containsExactly(1, 2, 3, 4, 6, 8);
    KCandidate chosen = table.stream().filter(c -> c.k() == 3).findFirst().orElseThrow();
    assertThat(chosen.bic()).isEqualTo(r.bic());
    for (KCandidate c : table) {
      assertThat(c.bic()).isGreaterThanOrEqualTo(chosen.bic());
      assertThat(c.parameters()).isEqualTo(10 * c.components() - 1);
    }
    // more colours, less error
    assertThat(table.get(5).psnr()).isGreaterThan(table.get(0).psnr());
  }

  @Test
  void rejectsAnEmptyRange() {
    assertThatThrownBy(() -> new GmmBicQuantizer(GmmConfig.of(2), 9, 8))
        .hasMessage("the k range must satisfy 1 <= minK <= maxK <= 256, got 9-8");
  }
}
