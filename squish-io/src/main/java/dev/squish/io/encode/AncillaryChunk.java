package dev.squish.io.encode;

import java.util.Objects;
import java.util.Set;

/**
 * A PNG chunk that the encoder writes besides the image: the source's colour description
 * ({@code iCCP}, {@code gAMA}, {@code cHRM}, {@code sRGB}, which go before the palette) or its
 * metadata ({@code pHYs}, {@code tEXt}, {@code zTXt}, {@code iTXt}, {@code eXIf}, {@code tIME}).
 *
 * @param type the four-letter chunk type
 * @param data the chunk's data, as PNG stores it
 */
public record AncillaryChunk(String type, byte[] data) {
  /** Chunks that describe colours; PNG wants them before {@code PLTE}. */
  static final Set<String> COLOUR = Set.of("iCCP", "gAMA", "cHRM", "sRGB");
  /** Every type an encoder accepts. */
  public static final Set<String> TYPES = Set.of("iCCP", "gAMA", "cHRM", "sRGB", "pHYs", "tEXt", "zTXt", "iTXt",
      "eXIf", "tIME");

  public AncillaryChunk {
    Objects.requireNonNull(type, "type");
    if (!TYPES.contains(type)) {
      throw new IllegalArgumentException("not an ancillary chunk squish writes: " + type);
    }
    data = data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  /** {@return the length of the chunk in the file: data and 12 bytes of framing} */
  public int fileBytes() {
    return data.length + 12;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AncillaryChunk c && c.type.equals(type) && java.util.Arrays.equals(c.data, data);
  }

  @Override
  public int hashCode() {
    return type.hashCode() * 31 + java.util.Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return type + " (" + data.length + " B)";
  }
}
