package dev.squish.io.decode;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every EXIF orientation on a 3×2 image, the expected results drawn by hand from the EXIF 2.3 figures. */
class ExifOrientationTest {
  private static final int[] IMAGE = {1, 2, 3, 4, 5, 6}; // rows 1 2 3 and 4 5 6

  @ParameterizedTest(name = "orientation {0}")
  @CsvSource(delimiter = '|', value = {
      "1|1 2 3 4 5 6", "2|3 2 1 6 5 4", "3|6 5 4 3 2 1", "4|4 5 6 1 2 3",
      "5|1 4 2 5 3 6", "6|4 1 5 2 6 3", "7|6 3 5 2 4 1", "8|3 6 2 5 1 4"})
  void turnsTheImageUpright(int orientation, String expected) {
    int[] upright = ExifOrientation.apply(IMAGE.clone(), 3, 2, orientation);
    int[] want = Arrays.stream(expected.split(" ")).mapToInt(Integer::parseInt).toArray();
    assertThat(upright).containsExactly(want);
  }
}
