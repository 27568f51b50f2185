package dev.squish.pipeline;

import dev.squish.histogram.ColorHistogram;
import dev.squish.mapping.IndexedImage;
import dev.squish.metrics.QualityReport;
import dev.squish.quantize.Quantization;

/**
 * One image after the pipeline: the indexed image ready to encode and what it took to get there.
 *
 * @param image the palette image
 * @param quantization palette, assignment of the histogram colours and fit report
 * @param histogram the distinct colours of the original
 * @param quality error of {@code image} against the original
 */
public record Compressed(IndexedImage image, Quantization quantization, ColorHistogram histogram,
    QualityReport quality) {}
