package dev.squish.web;

import dev.squish.histogram.ColorHistogram;
import dev.squish.image.Palette;
import dev.squish.quantize.ColorSpace;
import dev.squish.view.CloudSpace;
import dev.squish.view.Component;
import dev.squish.view.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The colour cloud as the page's 3-D view needs it. The part that depends only on the image and
 * the space (sampled colours, their hits, their coordinates and the layout of each view) is sent
 * once per image and space; each result adds only its labels, palette and components.
 */
final class CloudJson {
  private CloudJson() {}

  /** Sampled colours and the layouts of the RGB view and (when different) of {@code space}'s view. */
  static String points(ColorHistogram sample, ColorSpace space) {
    int[] colors = new int[sample.size()];
    for (int i = 0; i < colors.length; i++) {
      colors[i] = sample.color(i) & 0xFFFFFF;
    }
    List<Object> layouts = new ArrayList<>();
    layouts.add(layout(CloudSpace.of(ColorSpace.SRGB), sample));
    if (space != ColorSpace.SRGB) {
      layouts.add(layout(CloudSpace.of(space), sample));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("colors", colors);
    m.put("hits", sample.counts());
    m.put("layouts", layouts);
    return Json.write(m);
  }

  private static Map<String, Object> layout(CloudSpace layout, ColorHistogram sample) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("space", layout.space().id());
    m.put("names", layout.axisNames());
    m.put("frame", rounded(layout.frame(), 6));
    m.put("centre", rounded(layout.centre(), 3));
    m.put("scale", Json.round(layout.scale(), 8));
    List<Object> guides = new ArrayList<>();
    for (CloudSpace.Segment s : layout.guides()) {
      double[] line = new double[6];
      System.arraycopy(s.from(), 0, line, 0, 3);
      System.arraycopy(s.to(), 0, line, 3, 3);
      guides.add(rounded(line, 2));
    }
    m.put("guides", guides);
    List<Object> labels = new ArrayList<>();
    for (CloudSpace.Label l : layout.labels()) {
      double[] at = rounded(l.at(), 2);
      labels.add(List.of(at[0], at[1], at[2], l.text()));
    }
    m.put("labels", labels);
    m.put("points", coordinates(layout, sample.colors(), 1));
    return m;
  }

  /** A result's part: each sampled colour's palette entry, the palette, its coordinates per view, the components. */
  static Map<String, Object> result(int[] labels, Palette palette, ColorSpace space, List<Component> components) {
    int[] rgb = new int[palette.size()];
    for (int i = 0; i < rgb.length; i++) {
      rgb[i] = palette.color(i) & 0xFFFFFF;
    }
    Map<String, Object> coords = new LinkedHashMap<>();
    for (ColorSpace s : space == ColorSpace.SRGB ? List.of(ColorSpace.SRGB) : List.of(ColorSpace.SRGB, space)) {
      coords.put(s.id(), coordinates(CloudSpace.of(s), palette.colors(), 2));
    }
    List<Object> comps = new ArrayList<>();
    for (Component c : components) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("weight", Json.round(c.weight(), 5));
      e.put("mean", rounded(c.mean(), 3));
      e.put("covariance", rounded(c.covariance(), 4));
      comps.add(e);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("labels", labels);
    m.put("palette", rgb);
    m.put("palette_coords", coords);
    m.put("space", space.id());
    m.put("components", comps);
    return m;
  }

  /** The layout's points of {@code colors}, three coordinates each, one after the other. */
  private static double[] coordinates(CloudSpace layout, int[] colors, int decimals) {
    double[] out = new double[3 * colors.length];
    for (int i = 0; i < colors.length; i++) {
      layout.toPoint(colors[i], out, 3 * i);
    }
    return rounded(out, decimals);
  }

  private static double[] rounded(double[] v, int decimals) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = Json.round(v[i], decimals);
    }
    return out;
  }
}
