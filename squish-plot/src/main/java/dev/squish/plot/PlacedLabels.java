package dev.squish.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Annotation;

/**
 * Texts at points of an XY chart, placed while the chart is painted, the only time the points'
 * screen positions are known. Each label takes the first of its candidate boxes (on its point, or
 * beside it in several directions at growing distances) that overlaps no label placed before it
 * and no obstacle (markers, lines), shifted inside the plot. Annotations are painted over the
 * series.
 */
final class PlacedLabels extends Annotation {
  /** Pixels kept free between a label and its point, an obstacle or another label. */
  private static final double GAP = 3;
  /** Rings of candidates tried around a point before settling for the least overlap. */
  private static final int RINGS = 6;

  /**
   * A text and the data point it belongs to.
   *
   * @param text the label
   * @param x data x of its point
   * @param y data y of its point
   */
  record Label(String text, double x, double y) {
    Label {
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * Something labels must not cover: a polyline in data coordinates (one point for a marker),
   * {@code radius} pixels thick on each side.
   */
  record Obstacle(double[] xs, double[] ys, double radius) {
    Obstacle {
      if (xs.length != ys.length || xs.length == 0) {
        throw new IllegalArgumentException("an obstacle needs as many x as y, at least one");
      }
      xs = xs.clone();
      ys = ys.clone();
    }
  }

  /** A chart and the labels painted on it, for looking at where they went. */
  record Labelled(XYChart chart, PlacedLabels labels) {}

  /** Directions from a point to a label beside it, in screen units (y down). */
  enum Side {
    ABOVE(0, -1), BELOW(0, 1), RIGHT(1, 0), LEFT(-1, 0),
    ABOVE_LEFT(-1, -1), ABOVE_RIGHT(1, -1), BELOW_LEFT(-1, 1), BELOW_RIGHT(1, 1);

    final int dx;
    final int dy;

    Side(int dx, int dy) {
      this.dx = dx;
      this.dy = dy;
    }
  }

  private final List<Label> labels;
  private final List<Obstacle> obstacles;
  /** Try each label centred on its point first (axis names), or only beside it (point labels). */
  private final boolean onPointFirst;
  private final List<Side> sides;
  private final Font font;
  private final Color color;
  /** Painted under each text so that it reads over dots; null for none. */
  private final Color backdrop;
  private List<Rectangle2D> placed = List.of();
  private List<Rectangle2D> avoided = List.of();
  private Rectangle2D area = new Rectangle2D.Double();

  /**
   * @param sides the directions tried, in order of preference
   * @param backdrop painted under each text so that it reads over what lies beneath; null for none
   */
  PlacedLabels(List<Label> labels, List<Obstacle> obstacles, boolean onPointFirst, List<Side> sides, Font font,
      Color color, Color backdrop) {
    super(false);
    this.labels = List.copyOf(labels);
    this.obstacles = List.copyOf(obstacles);
    this.onPointFirst = onPointFirst;
    this.sides = List.copyOf(sides);
    this.font = Objects.requireNonNull(font, "font");
    this.color = Objects.requireNonNull(color, "color");
    this.backdrop = backdrop;
  }

  /** The boxes of the labels as last painted, in the chart's pixels, in the order of the labels. */
  List<Rectangle2D> placed() {
    return placed;
  }

  /** The obstacles as last painted: a box per marker and a chain of small boxes along each line. */
  List<Rectangle2D> avoided() {
    return avoided;
  }

  /** The plot's area (where the series are drawn) as last painted, in the chart's pixels. */
  Rectangle2D plotArea() {
    return (Rectangle2D) area.clone();
  }

  @Override
  public void paint(Graphics2D g) {
    if (!isVisible) {
      return;
    }
    double left = getXAxisScreenValueForMin();
    double top = getYAxisScreenValueForMin();
    area = new Rectangle2D.Double(left, top, getXAxisScreenValueForMax() - left, getYAxisScreenValueForMax() - top);
    Object antialias = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
    // drawn as outlines, as XChart's own annotations are: the shape's antialiasing applies
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    FontRenderContext frc = g.getFontRenderContext();
    List<TextLayout> texts = new ArrayList<>();
    List<Rectangle2D> sizes = new ArrayList<>();
    List<Point2D> anchors = new ArrayList<>();
    for (Label l : labels) {
      TextLayout t = new TextLayout(l.text(), font, frc);
      texts.add(t);
      sizes.add(t.getBounds());
      anchors.add(new Point2D.Double(getXAxisScreenValue(l.x()), getYAxisScreenValue(l.y())));
    }
    avoided = obstacleBoxes();
    placed = layout(anchors, sizes, avoided, area, onPointFirst, sides);
    Rectangle2D all = null;
    for (int i = 0; i < texts.size(); i++) {
      Rectangle2D box = placed.get(i);
      Rectangle2D ink = sizes.get(i);
      if (backdrop != null) {
        g.setColor(backdrop);
        g.fill(new Rectangle2D.Double(box.getX() - 1, box.getY() - 1, box.getWidth() + 2, box.getHeight() + 2));
      }
      g.setColor(color);
      g.fill(texts.get(i).getOutline(AffineTransform.getTranslateInstance(box.getX() - ink.getX(),
          box.getY() - ink.getY())));
      all = all == null ? (Rectangle2D) box.clone() : all.createUnion(box);
    }
    bounds = all;
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, antialias);
  }

  /** The obstacles as small screen boxes: each marker one, each line a box every few pixels along it. */
  private List<Rectangle2D> obstacleBoxes() {
    List<Rectangle2D> boxes = new ArrayList<>();
    for (Obstacle o : obstacles) {
      double px = getXAxisScreenValue(o.xs()[0]);
      double py = getYAxisScreenValue(o.ys()[0]);
      boxes.add(square(px, py, o.radius()));
      for (int i = 1; i < o.xs().length; i++) {
        double qx = getXAxisScreenValue(o.xs()[i]);
        double qy = getYAxisScreenValue(o.ys()[i]);
        int steps = (int) Math.ceil(Math.hypot(qx - px, qy - py) / Math.max(1, o.radius()));
        for (int s = 1; s <= steps; s++) {
          boxes.add(square(px + (qx - px) * s / steps, py + (qy - py) * s / steps, o.radius()));
        }
        px = qx;
        py = qy;
      }
    }
    return boxes;
  }

  private static Rectangle2D square(double x, double y, double radius) {
    return new Rectangle2D.Double(x - radius, y - radius, 2 * radius, 2 * radius);
  }

  /**
   * Boxes for labels of the given sizes (only width and height are used) at {@code anchors}, none
   * overlapping another or an obstacle when some candidate allows, all inside {@code area} (screen
   * pixels, y down). Candidates: on the point when {@code onPointFirst}, then beside it on each of
   * {@code sides} at growing distances; when every candidate collides, the one with the least
   * overlap.
   */
  static List<Rectangle2D> layout(List<Point2D> anchors, List<Rectangle2D> sizes, List<Rectangle2D> obstacles,
      Rectangle2D area, boolean onPointFirst, List<Side> sides) {
    List<Rectangle2D> placed = new ArrayList<>();
    for (int i = 0; i < anchors.size(); i++) {
      Point2D a = anchors.get(i);
      double w = sizes.get(i).getWidth();
      double h = sizes.get(i).getHeight();
      Rectangle2D best = null;
      double bestOverlap = Double.MAX_VALUE;
      for (Rectangle2D c : candidates(a, w, h, onPointFirst, sides)) {
        Rectangle2D box = inside(c, area);
        double overlap = overlap(box, placed) + overlap(box, obstacles);
        if (overlap < bestOverlap) {
          best = box;
          bestOverlap = overlap;
          if (overlap == 0) {
            break;
          }
        }
      }
      placed.add(best);
    }
    return placed;
  }

  private static List<Rectangle2D> candidates(Point2D a, double w, double h, boolean onPointFirst,
      List<Side> sides) {
    List<Rectangle2D> cs = new ArrayList<>();
    if (onPointFirst) {
      cs.add(new Rectangle2D.Double(a.getX() - w / 2, a.getY() - h / 2, w, h));
    }
    for (int ring = 0; ring < RINGS; ring++) {
      double d = GAP + ring * h;
      for (Side s : sides) {
        double cx = a.getX() + s.dx * (d + w / 2);
        double cy = a.getY() + s.dy * (d + h / 2);
        cs.add(new Rectangle2D.Double(cx - w / 2, cy - h / 2, w, h));
      }
    }
    return cs;
  }

  /** {@code box} moved the least that puts it inside {@code area} (its top left corner, if it is larger). */
  private static Rectangle2D inside(Rectangle2D box, Rectangle2D area) {
    double x = Math.max(area.getMinX(), Math.min(box.getX(), area.getMaxX() - box.getWidth()));
    double y = Math.max(area.getMinY(), Math.min(box.getY(), area.getMaxY() - box.getHeight()));
    return new Rectangle2D.Double(x, y, box.getWidth(), box.getHeight());
  }

  /** Area that {@code box}, grown by {@link #GAP} on every side, shares with {@code others}. */
  private static double overlap(Rectangle2D box, List<Rectangle2D> others) {
    Rectangle2D grown = new Rectangle2D.Double(box.getX() - GAP, box.getY() - GAP, box.getWidth() + 2 * GAP,
        box.getHeight() + 2 * GAP);
    double sum = 0;
    for (Rectangle2D o : others) {
      double w = Math.min(grown.getMaxX(), o.getMaxX()) - Math.max(grown.getMinX(), o.getMinX());
      double h = Math.min(grown.getMaxY(), o.getMaxY()) - Math.max(grown.getMinY(), o.getMinY());
      if (w > 0 && h > 0) {
        sum += w * h;
      }
    }
    return sum;
  }
}
