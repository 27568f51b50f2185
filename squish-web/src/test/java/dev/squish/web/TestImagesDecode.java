package dev.squish.web;

import dev.squish.image.RgbaImage;
import dev.squish.io.decode.DecodeLimits;
import dev.squish.io.decode.ImageDecodeException;
import dev.squish.io.decode.ImageDecoder;

/** Decoding of the server's answers in the tests. */
final class TestImagesDecode {
  private TestImagesDecode() {}

  static RgbaImage decode(byte[] data) {
    try {
      return new ImageDecoder(DecodeLimits.defaults()).decode(data, data.length).image();
    } catch (ImageDecodeException e) {
      throw new AssertionError("the server's image does not decode: " + e.getMessage(), e);
    }
  }
}
