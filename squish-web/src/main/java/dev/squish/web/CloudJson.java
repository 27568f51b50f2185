package dev.squish.web;

import dev.squish.color.ColorSpace;
import dev.squish.plot.CloudSpace;
import dev.squish.plot.ColorSample;
import dev.squish.plot.Component;
import dev.squish.quantize.Palette;
import java.util.List;

/**
 * The colour cloud as the page's 3-D view needs it. The part that depends only on the image and
 * the space (sampled colours, their hits, their coordinates and the layout of each view) is sent
 * once per image and space; each result adds only its labels, palette and components.
 */
final class CloudJson {
  private CloudJson() {}

  /** Sampled colours and the layouts of the RGB view and (when different) of {@code space}'s view. */
  static String points(ColorSample sample, ColorSpace space) {
    JsonWriter w = new JsonWriter().beginObject();
    w.name("colors").beginArray();
    for (int i = 0; i < sample.size(); i++) {
      w.value(sample.color(i) & 0xFFFFFF);
    }
    w.endArray().name("hits").beginArray();
    for (int i = 0; i < sample.size(); i++) {
      w.value(sample.hitsOf(i));
    }
    w.endArray().name("layouts").beginArray();
    layout(w, CloudSpace.of(ColorSpace.SRGB), sample);
    if (space != ColorSpace.SRGB) {
      layout(w, CloudSpace.of(space), sample);
    }
    return w.endArray().endObject().toString();
  }

  private static void layout(JsonWriter w, CloudSpace layout, ColorSample sample) {
    w.beginObject().field("space", layout.space().id());
    w.name("names").beginArray();
    for (String n : layout.axisNames()) {
      w.value(n);
    }
    w.endArray();
    numbers(w.name("frame"), layout.frame(), 6);
    numbers(w.name("centre"), layout.centre(), 3);
    w.field("scale", layout.scale(), 8);
    w.name("guides").beginArray();
    for (CloudSpace.Segment s : layout.guides()) {
      w.beginArray();
      for (double v : s.from()) {
        w.value(v, 2);
      }
      for (double v : s.to()) {
        w.value(v, 2);
      }
      w.endArray();
    }
    w.endArray().name("labels").beginArray();
    for (CloudSpace.Label l : layout.labels()) {
      w.beginArray();
      for (double v : l.at()) {
        w.value(v, 2);
      }
      w.value(l.text()).endArray();
    }
    w.endArray().name("points").beginArray();
    double[] p = new double[3];
    for (int i = 0; i < sample.size(); i++) {
      layout.toPoint(sample.color(i), p, 0);
      w.value(p[0], 1).value(p[1], 1).value(p[2], 1);
    }
    w.endArray().endObject();
  }

  /** A result's part: each sampled colour's palette entry, the palette, its coordinates per view, the components. */
  static void result(JsonWriter w, int[] labels, Palette palette, ColorSpace space, List<Component> components) {
    w.beginObject();
    w.name("labels").beginArray();
    for (int l : labels) {
      w.value(l);
    }
    w.endArray().name("palette").beginArray();
    for (int i = 0; i < palette.size(); i++) {
      w.value(palette.color(i) & 0xFFFFFF);
    }
    w.endArray().name("paletteCoords").beginObject();
    for (ColorSpace s : space == ColorSpace.SRGB ? List.of(ColorSpace.SRGB) : List.of(ColorSpace.SRGB, space)) {
      CloudSpace layout = CloudSpace.of(s);
      w.name(s.id()).beginArray();
      double[] p = new double[3];
      for (int i = 0; i < palette.size(); i++) {
        layout.toPoint(palette.color(i), p, 0);
        w.value(p[0], 2).value(p[1], 2).value(p[2], 2);
      }
      w.endArray();
    }
    w.endObject().field("space", space.id()).name("components").beginArray();
    for (Component c : components) {
      w.beginObject().field("weight", c.weight(), 5);
      numbers(w.name("mean"), c.mean(), 3);
      numbers(w.name("covariance"), c.covariance(), 4);
      w.endObject();
    }
    w.endArray().endObject();
  }

  private static void numbers(JsonWriter w, double[] v, int decimals) {
    w.beginArray();
    for (double d : v) {
      w.value(d, decimals);
    }
    w.endArray();
  }
}
