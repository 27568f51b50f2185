package dev.squish.plot;

import dev.squish.image.IndexedImage;
import dev.squish.view.Swatch;
import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;

/**
 * The palette as swatches: one bar per entry, in the entry's colour, as tall as the entry's share
 * of the output's pixels, the most used first, each labelled with its colour code on its side.
 * The chart widens with the palette and the labels shrink to fit one per bar; only when even the
 * smallest size does not fit are they thinned to every second (third, ...) bar.
 */
public final class PaletteChart {
  private static final int HEIGHT = 420;
  private static final int MIN_WIDTH = 640;
  private static final int MAX_WIDTH = 1400;
  /** Width per bar asked for: a 12-point colour code on its side, with room. */
  private static final int BAR_PITCH = 18;
  /** Pixels of the chart's width that are not bars (y axis, its title, padding), about. */
  private static final int FRAME = 100;
  /** Share of the plot's width the categories take (XChart's plot content size). */
  private static final double CONTENT = 0.92;
  private static final int MAX_FONT = 12;
  private static final int MIN_FONT = 8;
  /** Pixels between two labels on their sides. */
  private static final int LABEL_GAP = 2;
  private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

  private PaletteChart() {}

  /** The chart of {@code swatches}, {@code width} x {@code height} pixels. */
  public static CategoryChart chart(List<Swatch> swatches, String title, int width, int height) {
    int n = swatches.size();
    CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title)
        .xAxisTitle(n + (n == 1 ? " colour" : " colours, most used first")).yAxisTitle("share of pixels (%)").build();
    ChartStyle.apply(chart.getStyler());
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setOverlapped(true);
    chart.getStyler().setAvailableSpaceFill(0.92);
    chart.getStyler().setPlotGridVerticalLinesVisible(false);
    chart.getStyler().setXAxisLabelRotation(90);
    chart.getStyler().setYAxisMin(0.0);
    // the largest font whose labels, on their sides, fit one per bar; XChart labels every bar while
    // the bars are at least the spacing hint apart, and every m-th bar (the fewest it can) otherwise
    double pitch = CONTENT * (width - FRAME) / Math.max(1, n);
    int size = MAX_FONT;
    while (size > MIN_FONT && labelSpacing(labelFont(size)) > pitch) {
      size--;
    }
    Font font = labelFont(size);
    chart.getStyler().setAxisTickLabelsFont(font);
    chart.getStyler().setXAxisTickMarkSpacingHint((int) Math.ceil(labelSpacing(font)));
    List<String> names = names(swatches);
    for (int i = 0; i < n; i++) {
      // one series per entry so that each bar has its own colour; overlapped, the zeros vanish
      Double[] values = new Double[n];
      Arrays.fill(values, 0.0);
      values[i] = 100 * swatches.get(i).share();
      CategorySeries s = chart.addSeries("e" + i, names, Arrays.asList(values));
      Color c = ChartStyle.opaque(swatches.get(i).argb());
      s.setFillColor(c);
      s.setLineColor(c);
    }
    return chart;
  }

  /** The swatch chart of {@code image} as PNG bytes. */
  public static byte[] png(IndexedImage image, String title) {
    List<Swatch> s = Swatch.of(image);
    return ChartStyle.png(chart(s, title, width(s.size()), HEIGHT));
  }

  /** Width of the chart of {@code n} swatches: room for one label per bar, within bounds. */
  static int width(int n) {
    return Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, FRAME + BAR_PITCH * n));
  }

  /**
   * The bars' labels: colour codes, with the alpha for a translucent entry; a category's name must
   * be unique, so a code that repeats (entries may differ only in alpha that the code leaves out)
   * gets a counter.
   */
  static List<String> names(List<Swatch> swatches) {
    List<String> names = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (Swatch s : swatches) {
      int alpha = s.argb() >>> 24;
      String code = ChartStyle.hex(s.argb()) + (alpha == 0xFF ? "" : String.format("%02x", alpha));
      String name = code;
      for (int copy = 2; !used.add(name); copy++) {
        name = code + " (" + copy + ")";
      }
      names.add(name);
    }
    return names;
  }

  private static Font labelFont(int size) {
    return new Font(Font.SANS_SERIF, Font.PLAIN, size);
  }

  /** Distance between the bars that two labels in {@code font}, on their sides, need. */
  private static double labelSpacing(Font font) {
    LineMetrics m = font.getLineMetrics("#0123456789abcdef", FRC);
    return m.getAscent() + m.getDescent() + LABEL_GAP;
  }
}
