package dev.squish.bench;

import dev.squish.compress.CompressOptions;
import dev.squish.compress.Compressed;
import dev.squish.compress.PreparedImage;
import dev.squish.image.RgbaImage;
import dev.squish.io.decode.DecodeLimits;
import dev.squish.io.decode.ImageDecoder;
import dev.squish.io.encode.ImageEncoder;
import dev.squish.io.encode.OutputFormat;
import dev.squish.io.encode.PngOptions;
import dev.squish.quantize.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Runs the pipeline in one JVM over a folder of images for several k and prints, per image,
 * the time of each stage, PSNR and bits per pixel, then the means. For finding where time goes
 * and for comparing changes quickly; the numbers to quote come from {@code shared/bench/peers.py}.
 *
 * <pre>java -cp squish-bench/target/benchmarks.jar dev.squish.bench.CorpusSweep FOLDER [k,k,...] [repeat]</pre>
 */
public final class CorpusSweep {
  private CorpusSweep() {}

  public static void main(String[] args) throws Exception {
    Path folder = Path.of(args[0]);
    int[] ks = Stream.of((args.length > 1 ? args[1] : "16,64,256").split(",")).mapToInt(Integer::parseInt).toArray();
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(folder)) {
      s.filter(p -> p.toString().matches("(?i).*\\.(png|jpe?g)$")).sorted().forEach(files::add);
    }
    ImageDecoder decoder = new ImageDecoder(DecodeLimits.defaults());
    for (int k : ks) {
      double sumPsnr = 0;
      double sumBpp = 0;
      for (Path f : files) {
        long t0 = System.nanoTime();
        RgbaImage image = decoder.decode(f).image();
        long t1 = System.nanoTime();
        PreparedImage prepared = PreparedImage.of(image);
        long t2 = System.nanoTime();
        Compressed c = prepared.compress(CompressOptions.of(Method.kMeans(k)));
        long t3 = System.nanoTime();
        byte[] png = ImageEncoder.encode(c.image(), OutputFormat.PNG, PngOptions.defaults());
        long t4 = System.nanoTime();
        double psnr = c.quality().lossless() ? 100 : c.quality().psnr();
        double bpp = png.length * 8.0 / image.pixelCount();
        sumPsnr += psnr;
        sumBpp += bpp;
        System.out.printf(Locale.ROOT,
            "k=%3d %-40s %5.1f MP colours %8d decode %6.3f hist %6.3f compress %6.3f (it %3d) encode %6.3f"
                + " PSNR %7.3f bpp %6.3f%n",
            k, f.getFileName(), image.pixelCount() / 1e6, prepared.histogram().size(), (t1 - t0) / 1e9,
            (t2 - t1) / 1e9, (t3 - t2) / 1e9, c.fit().iterations(), (t4 - t3) / 1e9, psnr, bpp);
      }
      System.out.printf(Locale.ROOT, "k=%3d MEAN PSNR %.3f bpp %.4f over %d images%n", k, sumPsnr / files.size(),
          sumBpp / files.size(), files.size());
    }
  }
}
