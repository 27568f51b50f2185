package dev.squish.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonWriterTest {

  @Test
  void writesNestedValuesWithCommasAndEscapes() {
    String json = new JsonWriter().beginObject().field("name", "a \"b\"\\\n<c>").field("n", 3)
        .field("x", 0.125, 2).field("inf", Double.POSITIVE_INFINITY, 2).field("ok", true)
        .name("list").beginArray().value(1).value(2.5, 1).beginObject().endObject().endArray().endObject()
        .toString();
    assertThat(json).isEqualTo("{\"name\":\"a \\\"b\\\"\\\\\\n\\u003cc\\u003e\",\"n\":3,\"x\":0.13,\"inf\":null,"
        + "\"ok\":true,\"list\":[1,2.5,{}]}");
  }

  @Test
  void writesWholeNumbersWithoutDecimals() {
    assertThat(new JsonWriter().beginArray().value(42.0, 3).value(-0.5, 3).endArray().toString())
        .isEqualTo("[42,-0.500]");
  }
}
