package dev.squish.io.encode;

import dev.squish.bench.StageImages;
import dev.squish.compress.CompressOptions;
import dev.squish.compress.PreparedImage;
import dev.squish.image.IndexedImage;
import dev.squish.io.decode.DecodeLimits;
import dev.squish.io.decode.ImageDecoder;
import dev.squish.quantize.Method;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The stages of writing a palette PNG, one by one (this class sits in the encoder's package to
 * reach them): packing and filtering the rows, deflating them, and the whole search for the
 * filter and palette order with its final deflate.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PngStagesBench {
  @Param({StageImages.SMALL, StageImages.LARGE})
  String image;

  @Param({"256"})
  int k;

  IndexedImage indexed;
  byte[][] packed;
  byte[] unfiltered;

  @Setup(Level.Trial)
  public void load() throws Exception {
    PreparedImage prepared = PreparedImage.of(new ImageDecoder(DecodeLimits.defaults()).decode(Path.of(image))
        .image());
    indexed = prepared.compress(CompressOptions.of(Method.kMeans(k))).image();
    packed = PngRows.pack(indexed, IndexedPngEncoder.bitDepth(indexed.palette().size()), null, null);
    unfiltered = PngRows.filter(packed, PngFilter.NONE, null);
  }

  /** The rows through the Paeth filter (the costliest). */
  @Benchmark
  public byte[] filterPaeth() {
    return PngRows.filter(packed, PngFilter.PAETH, null);
  }

  /** The unfiltered rows deflated at level 9 on all cores. */
  @Benchmark
  public byte[] deflate() {
    return ParallelDeflate.compress(unfiltered, unfiltered.length, 9, Deflater.DEFAULT_STRATEGY);
  }

  /** The default search (filters and palette orders ranked on a sample) and the final deflate. */
  @Benchmark
  public PngCompression.Encoded searchAndDeflate() {
    return PngCompression.compress(indexed, PngOptions.defaults());
  }
}
