package dev.squish.plot;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Bits per pixel against PSNR, one line per method, the first line's points labelled with their
 * k beside them, clear of every marker and line.
 */
public final class RateDistortionChart {
  static final int WIDTH = 820;
  static final int HEIGHT = 520;
  private static final int MARKER = 7;
  private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
  /** Above and left of a point first: the curves rise and flatten, so that side is empty. */
  private static final List<PlacedLabels.Side> LABEL_SIDES = List.of(PlacedLabels.Side.ABOVE_LEFT,
      PlacedLabels.Side.ABOVE, PlacedLabels.Side.LEFT, PlacedLabels.Side.BELOW_RIGHT, PlacedLabels.Side.RIGHT,
      PlacedLabels.Side.BELOW, PlacedLabels.Side.ABOVE_RIGHT, PlacedLabels.Side.BELOW_LEFT);
  private static final Map<String, Color> COLORS = Map.of(
      "kmeans", new Color(0x1f, 0x6f, 0xb4),
      "em", new Color(0xd6, 0x5f, 0x0e),
      "pngquant", new Color(0x55, 0x55, 0x55));

  private RateDistortionChart() {}

  /** The chart of {@code points}, titled after {@code image}. */
  public static XYChart chart(List<RateDistortion.Point> points, String image, int width, int height) {
    return labelled(points, image, width, height).chart();
  }

  /** {@link #chart} with the labels of its points. */
  static PlacedLabels.Labelled labelled(List<RateDistortion.Point> points, String image, int width, int height) {
    XYChart chart = new XYChartBuilder().width(width).height(height)
        .title("Rate-distortion: " + image).xAxisTitle("bits per pixel of the PNG").yAxisTitle("PSNR (dB)").build();
    ChartStyle.apply(chart.getStyler());
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
    chart.getStyler().setPlotGridLinesColor(ChartStyle.GRID);
    chart.getStyler().setMarkerSize(MARKER);
    Map<String, List<RateDistortion.Point>> byMethod = new LinkedHashMap<>();
    for (RateDistortion.Point p : points) {
      if (Double.isFinite(p.psnr())) {
        byMethod.computeIfAbsent(p.method(), m -> new ArrayList<>()).add(p);
      }
    }
    List<PlacedLabels.Label> labels = new ArrayList<>();
    List<PlacedLabels.Obstacle> obstacles = new ArrayList<>();
    for (Map.Entry<String, List<RateDistortion.Point>> e : byMethod.entrySet()) {
      List<RateDistortion.Point> ps = e.getValue();
      double[] x = new double[ps.size()];
      double[] y = new double[ps.size()];
      for (int i = 0; i < ps.size(); i++) {
        x[i] = ps.get(i).bpp();
        y[i] = ps.get(i).psnr();
      }
      String name = e.getKey().equals("pngquant") ? "pngquant" : "squish " + e.getKey();
      XYSeries s = chart.addSeries(name, x, y);
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
      s.setMarker(e.getKey().equals("pngquant") ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE);
      Color c = COLORS.getOrDefault(e.getKey(), Color.DARK_GRAY);
      s.setLineColor(c);
      s.setMarkerColor(c);
      obstacles.add(new PlacedLabels.Obstacle(x, y, 1.5));
      for (int i = 0; i < x.length; i++) {
        obstacles.add(new PlacedLabels.Obstacle(new double[] {x[i]}, new double[] {y[i]}, MARKER / 2.0 + 1));
      }
      if (labels.isEmpty()) {
        // k beside the first line's points only: the lines' points at one k lie close together
        for (RateDistortion.Point p : ps) {
          labels.add(new PlacedLabels.Label(String.format(Locale.ROOT, "k=%d", p.k()), p.bpp(), p.psnr()));
        }
      }
    }
    PlacedLabels placed = new PlacedLabels(labels, obstacles, false, LABEL_SIDES, LABEL_FONT,
        new Color(0x44, 0x44, 0x44), null);
    chart.addAnnotation(placed);
    if (byMethod.isEmpty()) {
      chart.addSeries(points.isEmpty() ? "no points" : "no finite PSNR (every output was lossless)", new double[] {0},
          new double[] {0});
    }
    return new PlacedLabels.Labelled(chart, placed);
  }

  /** {@link #chart} as PNG bytes. */
  public static byte[] png(List<RateDistortion.Point> points, String image) {
    return ChartStyle.png(chart(points, image, WIDTH, HEIGHT));
  }
}
