package dev.squish.web;

import dev.squish.image.Palette;
import dev.squish.view.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One compression as the page receives it: its figures, written as JSON once, the encoded file and
 * its palette (for the palette downloads).
 *
 * @param id the result's id within its image, used in its download URL
 * @param json the figures, palette and cloud labels, as JSON
 * @param file the encoded PNG or GIF
 * @param fileName the name offered for the download
 * @param contentType {@code image/png} or {@code image/gif}
 * @param palette the palette written in the file, in its order
 * @param figures the same figures, for answers that add to them
 */
record PageResult(String id, String json, byte[] file, String fileName, String contentType, Palette palette,
    Map<String, Object> figures) {

  PageResult(String id, Map<String, Object> figures, byte[] file, String fileName, String contentType,
      Palette palette) {
    this(id, Json.write(figures), file, fileName, contentType, palette, figures);
  }

  /** The JSON with the file in it as well (base64), for scripts that want one answer. */
  String jsonWithFile() {
    Map<String, Object> m = new LinkedHashMap<>(figures);
    m.put("file", java.util.Base64.getEncoder().encodeToString(file));
    return Json.write(m);
  }

  /** The name offered for the palette saved as {@code extension} ({@code .gpl}, ...): the file's name with it. */
  String paletteFileName(String extension) {
    int dot = fileName.lastIndexOf('.');
    return (dot > 0 ? fileName.substring(0, dot) : fileName) + extension;
  }
}
