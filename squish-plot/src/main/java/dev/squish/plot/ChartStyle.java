package dev.squish.plot;

import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/** The look shared by squish's charts, and PNG export. */
final class ChartStyle {
  static final Color BACKGROUND = Color.WHITE;
  static final Color PLOT_BACKGROUND = new Color(0xF4, 0xF4, 0xF4);
  static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
  static final Color INK = new Color(0x22, 0x22, 0x22);

  private ChartStyle() {}

  static void apply(Styler styler) {
    styler.setChartBackgroundColor(BACKGROUND);
    styler.setPlotBackgroundColor(PLOT_BACKGROUND);
    styler.setPlotBorderVisible(false);
    styler.setChartFontColor(INK);
    styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    styler.setChartTitleBoxVisible(false);
    styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    styler.setLegendBorderColor(GRID);
    styler.setAntiAlias(true);
    styler.setTextAntiAlias(true);
    styler.setChartPadding(8);
  }

  /** The chart as PNG bytes. */
  static byte[] png(Chart<?, ?> chart) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(BitmapEncoder.getBufferedImage(chart), "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the chart", e);
    }
  }

  /** Several charts side by side in one PNG. */
  static byte[] png(List<? extends Chart<?, ?>> charts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      BitmapEncoder.saveBitmap(charts, 1, charts.size(), out, BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the charts", e);
    }
    return out.toByteArray();
  }

  /** An opaque AWT colour from {@code 0xAARRGGBB} (alpha dropped). */
  static Color opaque(int argb) {
    return new Color(argb & 0xFFFFFF);
  }

  static String hex(int argb) {
    return String.format("#%06x", argb & 0xFFFFFF);
  }
}
