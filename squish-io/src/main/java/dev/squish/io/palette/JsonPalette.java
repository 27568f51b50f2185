package dev.squish.io.palette;

import dev.squish.image.Palette;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * A palette in JSON: a list of hex colour strings, {@code ["#d81b60", "#1e88e5"]}, alone or as
 * the {@code "colors"} (or {@code "palette"}) member of an object, whose other members are
 * ignored. It is written as {@code {"colors": [...]}}, one colour a line. As a list typed by hand,
 * it may not give a colour twice.
 */
final class JsonPalette {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();
  private static final String SHAPE = "give [\"#rrggbb\", ...] or {\"colors\": [...]}";

  private JsonPalette() {}

  static Palette read(byte[] data) throws PaletteFileException {
    try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), data)) {
      JsonToken root = p.nextToken();
      Palette palette;
      if (root == JsonToken.START_ARRAY) {
        palette = list(p);
      } else if (root == JsonToken.START_OBJECT) {
        palette = member(p);
      } else if (root == null) {
        throw new PaletteFileException("no colours");
      } else {
        throw new PaletteFileException(line(p) + "not a palette: " + SHAPE);
      }
      if (p.nextToken() != null) {
        throw new PaletteFileException(line(p) + "more JSON after the palette");
      }
      return palette;
    } catch (JacksonException e) {
      String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
      String at = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
          : "line " + e.getLocation().getLineNr() + ": ";
      throw new PaletteFileException(at + "not valid JSON: " + message);
    }
  }

  /** The colours of the object's {@code "colors"} or {@code "palette"} member (the parser is at its start). */
  private static Palette member(JsonParser p) throws PaletteFileException {
    Palette palette = null;
    String found = null;
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (!name.equals("colors") && !name.equals("palette")) {
        p.skipChildren();
        continue;
      }
      if (found != null) {
        throw new PaletteFileException(line(p) + "gives both \"" + found + "\" and \"" + name + "\": give one");
      }
      if (value != JsonToken.START_ARRAY) {
        throw new PaletteFileException(line(p) + "\"" + name + "\" is not a list: " + SHAPE);
      }
      found = name;
      palette = list(p);
    }
    if (palette == null) {
      throw new PaletteFileException("no \"colors\" list: " + SHAPE);
    }
    return palette;
  }

  /** The colours of a list (the parser is at its start, and ends at its end). */
  private static Palette list(JsonParser p) throws PaletteFileException {
    ColourList colours = ColourList.strict("line");
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      int line = p.currentTokenLocation().getLineNr();
      long c = t == JsonToken.VALUE_STRING ? Hex.parse(p.getString(), false) : -1;
      if (c < 0) {
        String text = t.isScalarValue() ? p.getString() : t == JsonToken.START_ARRAY ? "[...]" : "{...}";
        String what = t == JsonToken.VALUE_STRING ? Hex.notAColour(text)
            : Hex.quote(text) + " is not a colour string (\"" + Hex.FORMS.replace(" or ", "\" or \"") + "\")";
        throw new PaletteFileException("line " + line + ": " + what);
      }
      colours.add((int) c, line);
    }
    return colours.palette();
  }

  private static String line(JsonParser p) {
    return "line " + p.currentTokenLocation().getLineNr() + ": ";
  }

  static byte[] write(Palette palette) {
    StringBuilder sb = new StringBuilder("{\"colors\": [");
    for (int i = 0; i < palette.size(); i++) {
      // hex digits need no escaping, so the text is written as is
      sb.append(i == 0 ? "\n  \"" : ",\n  \"").append(Hex.format(palette.color(i))).append('"');
    }
    return sb.append("\n]}\n").toString().getBytes(StandardCharsets.US_ASCII);
  }
}
