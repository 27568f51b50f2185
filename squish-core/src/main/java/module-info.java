/**
 * squish's library: everything between decoded pixels and a palette image. Start with
 * {@link dev.squish.compress.PreparedImage}: prepare an {@link dev.squish.image.RgbaImage} once,
 * then compress, preview or search it with {@link dev.squish.compress.CompressOptions}. It depends
 * on nothing but {@code java.base}, so it cannot reach for AWT or ImageIO by accident; decoding and
 * encoding live in {@code squish-io}. The packages not exported hold the kernels.
 */
module dev.squish.core {
  exports dev.squish.image;
  exports dev.squish.histogram;
  exports dev.squish.quantize;
  exports dev.squish.compress;
}
