package dev.squish.plot;

import dev.squish.image.IndexedImage;
import dev.squish.view.Swatch;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;

/**
 * The palette as swatches: one bar per entry, in the entry's colour, as tall as the entry's share
 * of the output's pixels, the most used first.
 */
public final class PaletteChart {
  /** Above this many entries the hex codes under the bars would overlap, so they are left out. */
  private static final int MAX_LABELLED = 40;

  private PaletteChart() {}

  /** The chart of {@code swatches}, {@code width} x {@code height} pixels. */
  public static CategoryChart chart(List<Swatch> swatches, String title, int width, int height) {
    CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title)
        .xAxisTitle(swatches.size() <= MAX_LABELLED ? "colour" : swatches.size() + " colours, most used first")
        .yAxisTitle("share of pixels (%)").build();
    ChartStyle.apply(chart.getStyler());
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setOverlapped(true);
    chart.getStyler().setAvailableSpaceFill(0.92);
    chart.getStyler().setPlotGridVerticalLinesVisible(false);
    chart.getStyler().setXAxisLabelRotation(90);
    chart.getStyler().setXAxisTicksVisible(swatches.size() <= MAX_LABELLED);
    chart.getStyler().setYAxisMin(0.0);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < swatches.size(); i++) {
      // the label must be unique per bar even when two entries differ only in alpha
      names.add(ChartStyle.hex(swatches.get(i).argb()) + (i < MAX_LABELLED ? "" : " " + i));
    }
    for (int i = 0; i < swatches.size(); i++) {
      // one series per entry so that each bar has its own colour; overlapped, the zeros vanish
      Double[] values = new Double[swatches.size()];
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
    int width = Math.max(640, Math.min(1400, 160 + 6 * s.size()));
    return ChartStyle.png(chart(s, title, width, 420));
  }
}
