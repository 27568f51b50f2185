package dev.squish.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Bits per pixel against PSNR, one line per method, each point labelled with its k. */
public final class RateDistortionChart {
  private static final Map<String, Color> COLORS = Map.of(
      "kmeans", new Color(0x1f, 0x6f, 0xb4),
      "em", new Color(0xd6, 0x5f, 0x0e),
      "pngquant", new Color(0x55, 0x55, 0x55));

  private RateDistortionChart() {}

  /** The chart of {@code points}, titled after {@code image}. */
  public static XYChart chart(List<RateDistortion.Point> points, String image, int width, int height) {
    XYChart chart = new XYChartBuilder().width(width).height(height)
        .title("Rate-distortion: " + image).xAxisTitle("bits per pixel of the PNG").yAxisTitle("PSNR (dB)").build();
    ChartStyle.apply(chart.getStyler());
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
    chart.getStyler().setPlotGridLinesColor(ChartStyle.GRID);
    chart.getStyler().setMarkerSize(7);
    chart.getStyler().setAnnotationTextFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 10));
    chart.getStyler().setAnnotationTextFontColor(new Color(0x44, 0x44, 0x44));
    Map<String, List<RateDistortion.Point>> byMethod = new LinkedHashMap<>();
    for (RateDistortion.Point p : points) {
      if (Double.isFinite(p.psnr())) {
        byMethod.computeIfAbsent(p.method(), m -> new ArrayList<>()).add(p);
      }
    }
    boolean first = true;
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
      if (first) {
        // k beside the first line's points only: on every line the labels would collide
        for (RateDistortion.Point p : ps) {
          chart.addAnnotation(new AnnotationText(String.format(Locale.ROOT, "k=%d", p.k()), p.bpp(),
              p.psnr() + 0.9, false));
        }
        first = false;
      }
    }
    if (byMethod.isEmpty()) {
      chart.addSeries(points.isEmpty() ? "no points" : "no finite PSNR (every output was lossless)", new double[] {0},
          new double[] {0});
    }
    return chart;
  }

  /** {@link #chart} as PNG bytes. */
  public static byte[] png(List<RateDistortion.Point> points, String image) {
    return ChartStyle.png(chart(points, image, 820, 520));
  }
}
