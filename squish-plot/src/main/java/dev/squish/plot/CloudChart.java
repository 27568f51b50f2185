package dev.squish.plot;

import dev.squish.view.CloudSpace;
import dev.squish.view.ColorCloud;
import dev.squish.view.Component;
import dev.squish.view.View;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The colour cloud seen from fixed angles: each sampled colour a dot in the colour of its palette
 * entry, palette entries as larger dots ringed in black, the gamut's guide lines, and for a
 * mixture each component's 2σ ellipsoid outline. Orthographic projections of the working space
 * laid out by {@link CloudSpace}; one XY chart per angle, the axes hidden (they would show
 * screen coordinates, not colour ones) and the colour axes drawn as labelled guide lines instead.
 */
public final class CloudChart {
  private static final Color GUIDE = new Color(0x88, 0x88, 0x88);
  private static final int ELLIPSE_SEGMENTS = 64;
  /** Tiny offset so that a palette marker is a drawable segment whose round caps make a disc. */
  private static final double DOT = 1e-4;

  private CloudChart() {}

  /** One chart of {@code cloud} seen from {@code view} in {@code layout}'s space, {@code size} pixels square. */
  public static XYChart chart(ColorCloud cloud, CloudSpace layout, View view, int size) {
    XYChart chart = new XYChartBuilder().width(size).height(size)
        .title(layout.space().id() + ", " + view.label()).build();
    ChartStyle.apply(chart.getStyler());
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setAxisTicksVisible(false);
    chart.getStyler().setPlotGridLinesVisible(false);
    chart.getStyler().setXAxisMin(-1.1).setXAxisMax(1.1);
    chart.getStyler().setYAxisMin(-1.1).setYAxisMax(1.1);
    chart.getStyler().setMarkerSize(4);
    chart.getStyler().setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    chart.getStyler().setAnnotationTextFontColor(ChartStyle.INK);
    double[] p = layout.projection(view);
    addGuides(chart, layout, p);
    addPoints(chart, cloud, layout, p);
    addComponents(chart, cloud, layout, p);
    addPalette(chart, cloud, layout, p);
    return chart;
  }

  /** The cloud from the {@link View#FIXED} angles, side by side, as PNG bytes. */
  public static byte[] png(ColorCloud cloud, CloudSpace layout, int size) {
    List<XYChart> charts = new ArrayList<>();
    for (View v : View.FIXED) {
      charts.add(chart(cloud, layout, v, size));
    }
    return ChartStyle.png(charts);
  }

  private static void addGuides(XYChart chart, CloudSpace layout, double[] p) {
    int n = 0;
    for (CloudSpace.Segment s : layout.guides()) {
      double[] a = layout.project(p, s.from(), 0);
      double[] b = layout.project(p, s.to(), 0);
      line(chart, "guide" + n++, new double[] {a[0], b[0]}, new double[] {a[1], b[1]}, GUIDE, 1f);
    }
    for (CloudSpace.Label l : layout.labels()) {
      double[] a = layout.project(p, l.at(), 0);
      chart.addAnnotation(new AnnotationText(l.text(), a[0], a[1], false));
    }
  }

  private static void addPoints(XYChart chart, ColorCloud cloud, CloudSpace layout, double[] p) {
    int k = cloud.palette().size();
    double[][] xs = new double[k][];
    double[][] ys = new double[k][];
    int[] counts = new int[k];
    for (int i = 0; i < cloud.sample().size(); i++) {
      counts[cloud.labelOf(i)]++;
    }
    for (int e = 0; e < k; e++) {
      xs[e] = new double[counts[e]];
      ys[e] = new double[counts[e]];
    }
    int[] filled = new int[k];
    double[] point = new double[3];
    for (int i = 0; i < cloud.sample().size(); i++) {
      layout.toPoint(cloud.sample().color(i), point, 0);
      double[] uv = layout.project(p, point, 0);
      int e = cloud.labelOf(i);
      xs[e][filled[e]] = uv[0];
      ys[e][filled[e]++] = uv[1];
    }
    for (int e = 0; e < k; e++) {
      if (counts[e] == 0) {
        continue;
      }
      XYSeries s = chart.addSeries("points" + e, xs[e], ys[e]);
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      s.setMarker(SeriesMarkers.CIRCLE);
      s.setMarkerColor(ChartStyle.opaque(cloud.palette().color(e)));
    }
  }

  private static void addComponents(XYChart chart, ColorCloud cloud, CloudSpace layout, double[] p) {
    if (cloud.space() != layout.space()) {
      return; // a covariance lives in the space it was fitted in
    }
    int n = 0;
    for (Component c : cloud.components()) {
      double[] o = c.outline(layout, p, ELLIPSE_SEGMENTS);
      double[] x = new double[o.length / 2];
      double[] y = new double[o.length / 2];
      for (int i = 0; i < x.length; i++) {
        x[i] = o[2 * i];
        y[i] = o[2 * i + 1];
      }
      line(chart, "ellipse" + n++, x, y, new Color(0, 0, 0, 110), 1f);
    }
  }

  private static void addPalette(XYChart chart, ColorCloud cloud, CloudSpace layout, double[] p) {
    double[] point = new double[3];
    for (int e = 0; e < cloud.palette().size(); e++) {
      layout.toPoint(cloud.palette().color(e), point, 0);
      double[] uv = layout.project(p, point, 0);
      double[] x = {uv[0], uv[0] + DOT};
      double[] y = {uv[1], uv[1]};
      line(chart, "ring" + e, x, y, Color.BLACK, 13f);
      line(chart, "entry" + e, x, y, ChartStyle.opaque(cloud.palette().color(e)), 9f);
    }
  }

  private static void line(XYChart chart, String name, double[] x, double[] y, Color color, float width) {
    XYSeries s = chart.addSeries(name, x, y);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(color);
    s.setLineStyle(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
  }
}
