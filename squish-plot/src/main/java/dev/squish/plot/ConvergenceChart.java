package dev.squish.plot;

import dev.squish.quantize.Convergence;
import java.awt.Color;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The fit's objective (k-means) or log-likelihood (EM) after each iteration. */
public final class ConvergenceChart {
  private ConvergenceChart() {}

  /** The chart of {@code convergence} for a fit by {@code method}, {@code width} x {@code height} pixels. */
  public static XYChart chart(Convergence convergence, String method, int width, int height) {
    double[] v = convergence.values();
    int iterations = v.length - 1 + convergence.first();
    String title = method + ": " + (v.length == 0 ? "no iterations (the palette is exact)"
        : iterations + " iterations, " + (convergence.higherIsBetter() ? "rising to " : "falling to ")
            + String.format(java.util.Locale.ROOT, "%.4g", v[v.length - 1]));
    XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle("iteration")
        .yAxisTitle(convergence.measure()).build();
    ChartStyle.apply(chart.getStyler());
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setPlotGridLinesColor(ChartStyle.GRID);
    chart.getStyler().setMarkerSize(5);
    double[] x = new double[Math.max(1, v.length)];
    double[] y = new double[x.length];
    for (int i = 0; i < v.length; i++) {
      x[i] = i + convergence.first();
      y[i] = v[i];
    }
    if (v.length == 0) {
      x[0] = 0;
      y[0] = 0;
    }
    XYSeries s = chart.addSeries(method, x, y);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    s.setMarker(SeriesMarkers.CIRCLE);
    s.setLineColor(new Color(0x1f, 0x6f, 0xb4));
    s.setMarkerColor(new Color(0x1f, 0x6f, 0xb4));
    return chart;
  }

  /** {@link #chart} as PNG bytes. */
  public static byte[] png(Convergence convergence, String method) {
    return ChartStyle.png(chart(convergence, method, 720, 420));
  }
}
