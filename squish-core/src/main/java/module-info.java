/**
 * squish's library: everything between decoded pixels and an indexed image. It depends on
 * nothing but {@code java.base}, so it cannot reach for AWT or ImageIO by accident; decoding
 * and encoding live in {@code squish-io}.
 */
module dev.squish.core {
  exports dev.squish.image;
  exports dev.squish.histogram;
  exports dev.squish.quantize;
  exports dev.squish.quantize.kmeans;
  exports dev.squish.quantize.gmm;
  exports dev.squish.mapping;
  exports dev.squish.metrics;
  exports dev.squish.pipeline;
  exports dev.squish.parallel;
  exports dev.squish.color;
  exports dev.squish.dither;
}
