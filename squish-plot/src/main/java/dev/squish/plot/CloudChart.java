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
 * Each panel is zoomed onto the cloud (a photo's colours fill a small part of the Oklab or Lab
 * gamut), the guides cut at its edges.
 */
public final class CloudChart {
  private static final Color GUIDE = new Color(0x88, 0x88, 0x88);
  private static final int ELLIPSE_SEGMENTS = 64;
  /** Pixel diameter of a palette entry's marker, its black ring included. */
  private static final float RING = 13f;
  /** Tiny offset so that a palette marker is a drawable segment whose round caps make a disc. */
  private static final double DOT = 1e-4;
  /** Room around the cloud, as a share of its extent: half a palette marker and a little more. */
  private static final double MARGIN = 0.06;
  /**
   * Smallest half side of a panel, display units (the gamut fits a unit sphere): a grey image seen
   * from above is one point, which is not magnified without end.
   */
  private static final double MIN_HALF = 0.05;
  private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  /** The plot's background, a little see-through: a name stays readable over the dots. */
  private static final Color LABEL_BACKDROP = new Color(ChartStyle.PLOT_BACKGROUND.getRGB() & 0xFFFFFF | 200 << 24,
      true);
  private static final List<PlacedLabels.Side> LABEL_SIDES = List.of(PlacedLabels.Side.ABOVE,
      PlacedLabels.Side.BELOW, PlacedLabels.Side.RIGHT, PlacedLabels.Side.LEFT, PlacedLabels.Side.ABOVE_RIGHT,
      PlacedLabels.Side.ABOVE_LEFT, PlacedLabels.Side.BELOW_RIGHT, PlacedLabels.Side.BELOW_LEFT);

  /**
   * The square of display space a panel shows (screen right, up), centred on {@code (x, y)}.
   *
   * @param x centre, right
   * @param y centre, up
   * @param half half the side
   */
  record Window(double x, double y, double half) {
    /**
     * {@code uv} if it is inside the window shrunk by {@code inset} (a share of the half side),
     * else where the line from the window's centre to it leaves that smaller square.
     */
    double[] pull(double[] uv, double inset) {
      double reach = half * (1 - inset);
      double dx = uv[0] - x;
      double dy = uv[1] - y;
      double t = Math.min(1, Math.min(dx == 0 ? 1 : reach / Math.abs(dx), dy == 0 ? 1 : reach / Math.abs(dy)));
      return new double[] {x + t * dx, y + t * dy};
    }
  }

  private CloudChart() {}

  /** One chart of {@code cloud} seen from {@code view} in {@code layout}'s space, {@code size} pixels square. */
  public static XYChart chart(ColorCloud cloud, CloudSpace layout, View view, int size) {
    return labelled(cloud, layout, view, size).chart();
  }

  /** {@link #chart} with its axis and corner names. */
  static PlacedLabels.Labelled labelled(ColorCloud cloud, CloudSpace layout, View view, int size) {
    XYChart chart = new XYChartBuilder().width(size).height(size)
        .title(layout.space().id() + ", " + view.label()).build();
    ChartStyle.apply(chart.getStyler());
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setAxisTicksVisible(false);
    chart.getStyler().setPlotGridLinesVisible(false);
    chart.getStyler().setMarkerSize(4);
    double[] p = layout.projection(view);
    Window w = window(cloud, layout, p);
    chart.getStyler().setXAxisMin(w.x() - w.half()).setXAxisMax(w.x() + w.half());
    chart.getStyler().setYAxisMin(w.y() - w.half()).setYAxisMax(w.y() + w.half());
    addGuides(chart, layout, p);
    addPoints(chart, cloud, layout, p);
    addComponents(chart, cloud, layout, p);
    addPalette(chart, cloud, layout, p);
    PlacedLabels labels = labels(cloud, layout, p, w);
    chart.addAnnotation(labels);
    return new PlacedLabels.Labelled(chart, labels);
  }

  /**
   * The part of the display plane a panel of {@code cloud} shows under {@code projection}: the
   * square around the sampled colours and the palette, with a margin (the guides and the
   * ellipses are cut at its edges).
   */
  static Window window(ColorCloud cloud, CloudSpace layout, double[] projection) {
    double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE};
    double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE};
    double[] point = new double[3];
    int n = cloud.sample().size();
    for (int i = 0; i < n + cloud.palette().size(); i++) {
      layout.toPoint(i < n ? cloud.sample().color(i) : cloud.palette().color(i - n), point, 0);
      double[] uv = layout.project(projection, point, 0);
      for (int c = 0; c < 2; c++) {
        lo[c] = Math.min(lo[c], uv[c]);
        hi[c] = Math.max(hi[c], uv[c]);
      }
    }
    if (lo[0] > hi[0]) {
      return new Window(0, 0, 1.1); // nothing to show: the whole gamut
    }
    double half = Math.max(MIN_HALF, Math.max(hi[0] - lo[0], hi[1] - lo[1]) / 2 * (1 + 2 * MARGIN));
    return new Window((lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2, half);
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
  }

  /**
   * The axis and corner names, placed after projection so that none covers another (black and
   * white fall on one point seen from above) nor a palette entry; one outside the panel is drawn
   * at its edge, towards where it is.
   */
  private static PlacedLabels labels(ColorCloud cloud, CloudSpace layout, double[] p, Window w) {
    List<PlacedLabels.Label> labels = new ArrayList<>();
    for (CloudSpace.Label l : layout.labels()) {
      double[] uv = w.pull(layout.project(p, l.at(), 0), MARGIN);
      labels.add(new PlacedLabels.Label(l.text(), uv[0], uv[1]));
    }
    List<PlacedLabels.Obstacle> entries = new ArrayList<>();
    double[] point = new double[3];
    for (int e = 0; e < cloud.palette().size(); e++) {
      layout.toPoint(cloud.palette().color(e), point, 0);
      double[] uv = layout.project(p, point, 0);
      entries.add(new PlacedLabels.Obstacle(new double[] {uv[0]}, new double[] {uv[1]}, RING / 2));
    }
    return new PlacedLabels(labels, entries, true, LABEL_SIDES, LABEL_FONT, ChartStyle.INK, LABEL_BACKDROP);
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
      line(chart, "ring" + e, x, y, Color.BLACK, RING);
      line(chart, "entry" + e, x, y, ChartStyle.opaque(cloud.palette().color(e)), RING - 4);
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
