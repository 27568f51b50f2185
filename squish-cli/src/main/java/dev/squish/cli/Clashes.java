package dev.squish.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules that need every planned item at once: an input named twice is done once; a second
 * input with the same output, or an input whose output is another input, is refused, so that no
 * input is ever overwritten by another's output and no output is written twice.
 */
final class Clashes {
  private Clashes() {}

  /** {@code items} with duplicates dropped and clashes refused, in order. */
  static List<PlanItem> resolve(List<PlanItem> items) {
    Set<Path> inputs = new HashSet<>();
    for (PlanItem item : items) {
      if (item instanceof PlanItem.Planned p && p.task().input() != null) {
        inputs.add(key(p.task().input()));
      }
    }
    Set<Path> seenInputs = new HashSet<>();
    Map<Path, String> outputs = new HashMap<>();
    List<PlanItem> out = new ArrayList<>();
    for (PlanItem item : items) {
      if (!(item instanceof PlanItem.Planned p) || p.task().output() == null) {
        out.add(item);
        continue;
      }
      Task t = p.task();
      Path in = t.input() == null ? null : key(t.input());
      if (in != null && !seenInputs.add(in)) {
        continue;
      }
      Path o = key(t.output());
      if (!o.equals(in) && inputs.contains(o)) {
        out.add(new PlanItem.Refused(t.shownInput(), "its output " + t.shownOutput()
            + " is also an input, which squish never overwrites with another file's output; use --ext or"
            + " --output-dir"));
        continue;
      }
      String first = outputs.putIfAbsent(o, t.shownInput());
      if (first != null) {
        out.add(new PlanItem.Refused(t.shownInput(), "its output " + t.shownOutput() + " is also the output of "
            + first + "; use --ext or --output-dir to tell them apart"));
      } else {
        out.add(item);
      }
    }
    return out;
  }

  /** The file a path names, links resolved: the same file reached two ways is one input (or one output). */
  static Path key(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    try {
      return abs.toRealPath();
    } catch (IOException e) {
      Path parent = abs.getParent();
      try {
        return parent == null ? abs : parent.toRealPath().resolve(abs.getFileName()); // an output to be made
      } catch (IOException e2) {
        return abs;
      }
    }
  }
}
