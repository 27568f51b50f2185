package dev.squish.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void writesNestedValuesInOrderWithEscapes() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", "a \"b\"\\\n<c>\u0001");
    m.put("n", 3);
    m.put("big", 12_345_678_901L);
    m.put("x", 0.125);
    m.put("inf", Double.POSITIVE_INFINITY);
    m.put("nan", Double.NaN);
    m.put("ok", true);
    m.put("none", null);
    m.put("list", List.of(1, 2.5, Map.of()));
    m.put("doubles", new double[] {1, 0.5, Double.NaN});
    m.put("ints", new int[] {1, -2});
    m.put("longs", new long[] {3});
    assertThat(Json.write(m)).isEqualTo("{\"name\":\"a \\\"b\\\"\\\\\\n<c>\\u0001\",\"n\":3,"
        + "\"big\":12345678901,\"x\":0.125,\"inf\":null,\"nan\":null,\"ok\":true,\"none\":null,\"list\":[1,2.5,{}],"
        + "\"doubles\":[1,0.5,null],\"ints\":[1,-2],\"longs\":[3]}");
  }

  /** One number format everywhere: whole numbers without decimals, others in their shortest exact form. */
  @Test
  void numbersAreWrittenTheSameWhateverTheirType() {
    assertThat(Json.write(List.of(42.0, 42, 42L, 38.1234, -0.5, 1e-7,
        3.0f))).isEqualTo("[42,42,42,38.1234,-0.5,1.0E-7,3]");
  }

  @Test
  void roundingKeepsTheDecimalsAsked() {
    assertThat(Json.round(38.123456, 4)).isEqualTo(38.1235);
    assertThat(Json.write(Json.round(38.1, 4))).isEqualTo("38.1");
    assertThat(Json.round(Double.POSITIVE_INFINITY, 2)).isInfinite();
  }
}
