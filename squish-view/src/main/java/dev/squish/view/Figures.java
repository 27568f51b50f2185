package dev.squish.view;

import dev.squish.compress.Quality;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of one result, named and rounded the same way wherever they are shown: the command
 * line's {@code --json} and {@code --report}, and the page's API. Names are snake_case, as the
 * report's columns.
 */
public final class Figures {
  private Figures() {}

  /**
   * {@return {@code input_bytes}, {@code output_bytes}, {@code ratio} and {@code bits_per_pixel}}
   *
   * @param inputBytes size of the original file
   * @param outputBytes size of the file written
   * @param pixels pixels of the image
   */
  public static Map<String, Object> sizes(long inputBytes, long outputBytes, long pixels) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("input_bytes", inputBytes);
    m.put("output_bytes", outputBytes);
    m.put("ratio", Json.round(ratio(inputBytes, outputBytes), 4));
    m.put("bits_per_pixel", Json.round(bitsPerPixel(outputBytes, pixels), 5));
    return m;
  }

  /**
   * {@return {@code channels}, {@code mse}, {@code psnr_db} (null when lossless), {@code lossless},
   * and {@code ssim} and {@code delta_e2000} when they were measured}
   *
   * @param q the quality
   */
  public static Map<String, Object> quality(Quality q) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("channels", q.channels());
    m.put("mse", Json.round(q.mse(), 6));
    m.put("psnr_db", q.lossless() ? null : Json.round(q.psnr(), 4));
    m.put("lossless", q.lossless());
    if (!Double.isNaN(q.ssim())) {
      m.put("ssim", Json.round(q.ssim(), 6));
    }
    if (!Double.isNaN(q.deltaE2000())) {
      m.put("delta_e2000", Json.round(q.deltaE2000(), 5));
    }
    return m;
  }

  /**
   * {@return how many times smaller the output is (0 for an empty output)}
   *
   * @param inputBytes size of the original file
   * @param outputBytes size of the file written
   */
  public static double ratio(long inputBytes, long outputBytes) {
    return outputBytes == 0 ? 0 : (double) inputBytes / outputBytes;
  }

  /**
   * {@return bits of the output file per pixel}
   *
   * @param outputBytes size of the file written
   * @param pixels pixels of the image
   */
  public static double bitsPerPixel(long outputBytes, long pixels) {
    return outputBytes * 8.0 / pixels;
  }
}
