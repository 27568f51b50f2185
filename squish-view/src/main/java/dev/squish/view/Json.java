package dev.squish.view;

import java.io.StringWriter;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The JSON of everything squish prints or serves ({@code --json}, {@code --report}, the page's
 * API), written with Jackson's streaming generator from plain values: maps (in their order),
 * iterables, {@code double[]}, {@code int[]}, {@code long[]}, numbers, booleans, strings and null.
 *
 * <p>One number format everywhere: a double that is a whole number below 10^15 is written as an
 * integer, any other finite double in its shortest exact form ({@code 38.1234}, {@code 1.0E-7});
 * NaN and infinities, which JSON cannot hold, as null. Values are rounded where they are made
 * ({@link #round}), not here.
 */
public final class Json {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private Json() {}

  /** {@code value} as one line of JSON. */
  public static String write(Object value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
      write(g, value);
    }
    return out.toString();
  }

  /** {@code v} rounded to {@code decimals} decimals; NaN and infinities as they are. */
  public static double round(double v, int decimals) {
    if (!Double.isFinite(v)) {
      return v;
    }
    double f = Math.pow(10, decimals);
    return Math.round(v * f) / f;
  }

  private static void write(JsonGenerator g, Object v) {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeName(String.valueOf(e.getKey()));
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof Iterable<?> it) {
      g.writeStartArray();
      for (Object o : it) {
        write(g, o);
      }
      g.writeEndArray();
    } else if (v instanceof double[] a) {
      g.writeStartArray();
      for (double d : a) {
        number(g, d);
      }
      g.writeEndArray();
    } else if (v instanceof int[] a) {
      g.writeArray(a, 0, a.length);
    } else if (v instanceof long[] a) {
      g.writeArray(a, 0, a.length);
    } else if (v instanceof Double || v instanceof Float) {
      number(g, ((Number) v).doubleValue());
    } else if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      g.writeNumber(((Number) v).intValue());
    } else if (v instanceof Number n) {
      g.writeNumber(n.longValue());
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else {
      g.writeString(v.toString());
    }
  }

  private static void number(JsonGenerator g, double d) {
    if (!Double.isFinite(d)) {
      g.writeNull();
    } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      g.writeNumber((long) d);
    } else {
      g.writeNumber(d);
    }
  }
}
