package dev.squish.quantize.gmm;

import static dev.squish.quantize.gmm.GmmConfigs.gmm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.squish.cluster.Quantization;
import dev.squish.histogram.ColorHistogram;
import dev.squish.quantize.FitReport;
import dev.squish.quantize.KSearch;
import dev.squish.quantize.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

class GmmBicQuantizerTest {

  @Test
  void ladderCoversTheRangeGeometrically() {
    assertThat(new GmmBicQuantizer(gmm(2).build(), Method.emAutoK(2, 256)).ladder(100_000))
        .containsExactly(2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256);
    assertThat(new GmmBicQuantizer(gmm(2).build(), Method.emAutoK(5, 20)).ladder(100_000))
        .containsExactly(5, 6, 8, 12, 16, 20);
    assertThat(new GmmBicQuantizer(gmm(2).build(), Method.emAutoK(2, 256)).ladder(10))
        .containsExactly(2, 3, 4, 6, 8, 10);
  }

  @Test
  void picksTheNumberOfComponentsTheDataWereDrawnFrom() {
    ColorHistogram h = Synthetic.histogram(Synthetic.threeColours(), 60_000, 8);
    Quantization q = new GmmBicQuantizer(gmm(2).build(), Method.emAutoK(1, 8)).quantize(h);
    FitReport.Em r = (FitReport.Em) q.report();
    assertThat(r.components()).isEqualTo(3);
    List<KSearch.Trial> table = r.selection();
    assertThat(table).extracting(KSearch.Trial::k).containsExactly(1, 2, 3, 4, 6, 8);
    KSearch.Trial chosen = table.stream().filter(c -> c.k() == 3).findFirst().orElseThrow();
    assertThat(chosen.bic()).isEqualTo(r.bic());
    for (KSearch.Trial c : table) {
      assertThat(c.bic()).isGreaterThanOrEqualTo(chosen.bic());
      assertThat(c.parameters()).isEqualTo(10 * c.components() - 1);
    }
    // more colours, less error
    assertThat(table.get(5).psnr()).isGreaterThan(table.get(0).psnr());
  }

  @Test
  void rejectsAnEmptyRange() {
    assertThatThrownBy(() -> Method.emAutoK(9, 8)).hasMessage("the k range must have minK <= maxK, got 9-8");
    assertThatThrownBy(() -> Method.emAutoK(0, 8)).hasMessage("minK must be from 1 to 256, got 0");
  }
}
