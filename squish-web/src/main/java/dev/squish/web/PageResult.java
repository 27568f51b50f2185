package dev.squish.web;

/**
 * One compression as the page receives it: the JSON with its figures and the encoded file.
 *
 * @param id the result's id within its image, used in its download URL
 * @param json the figures, palette and cloud labels, as JSON
 * @param file the encoded PNG or GIF
 * @param fileName the name offered for the download
 * @param contentType {@code image/png} or {@code image/gif}
 */
record PageResult(String id, String json, byte[] file, String fileName, String contentType) {}
