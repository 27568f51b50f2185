package dev.squish.cli;

import dev.squish.io.encode.OutputFormat;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The inputs named on the command line, expanded into the ordered list of images to compress,
 * with every output named up front: folders are scanned ({@link FolderScan}), outputs named
 * ({@link OutputNaming}), and clashes refused ({@link Clashes}). Problems found here (a folder
 * without images, two inputs that would write the same output, an output that is also an input)
 * become refused items in their place, so that they are reported in order with the rest and the
 * batch goes on.
 */
final class BatchPlan {
  /** How many of the ignored files' extensions the summary lists. */
  private static final int MAX_LISTED_EXTENSIONS = 6;

  /**
   * How inputs are found and outputs named.
   *
   * @param output the single output named by {@code --output} ("-" for standard output), or null
   * @param outputDir the folder mirroring the input tree ({@code --output-dir}), or null for beside the input
   * @param ext the suffix replacing the input's extension ({@code --ext}), or null for the default
   * @param format the output format
   * @param recursive look in subfolders of folder inputs
   */
  record Rules(String output, Path outputDir, String ext, OutputFormat format, boolean recursive) {}

  private final List<PlanItem> items;
  private final int ignoredFiles;
  private final Set<String> ignoredExtensions;
  private final boolean hasFolders;

  private BatchPlan(List<PlanItem> items, int ignoredFiles, Set<String> ignoredExtensions, boolean hasFolders) {
    this.items = List.copyOf(items);
    this.ignoredFiles = ignoredFiles;
    this.ignoredExtensions = Collections.unmodifiableSet(ignoredExtensions);
    this.hasFolders = hasFolders;
  }

  /** Expands {@code inputs} (files, folders, or "-" for standard input) in the order given. */
  static BatchPlan of(List<String> inputs, Rules rules) {
    List<PlanItem> items = new ArrayList<>();
    Set<String> extensions = new LinkedHashSet<>();
    int ignored = 0;
    int folders = 0;
    for (String shown : inputs) {
      if (shown.equals("-")) {
        items.add(new PlanItem.Planned(new Task(null, OutputNaming.outputFor(rules, null, null), rules.format(),
            "-")));
        continue;
      }
      Path path;
      try {
        path = Path.of(shown);
      } catch (InvalidPathException e) {
        items.add(new PlanItem.Refused(shown, "not a valid file name: " + e.getReason()));
        continue;
      }
      if (!Files.isDirectory(path)) {
        // a missing or unreadable file is reported by the decoder, in its place in the batch
        items.add(new PlanItem.Planned(new Task(path, OutputNaming.outputFor(rules, path, path.getFileName()),
            rules.format(), shown)));
        continue;
      }
      folders++;
      FolderScan scan = new FolderScan(path, rules);
      try {
        scan.run();
      } catch (AccessDeniedException e) {
        items.add(new PlanItem.Refused(shown, "cannot read this folder: permission denied"));
        continue;
      } catch (IOException e) {
        items.add(new PlanItem.Refused(shown, "cannot read this folder: " + FileCompressor.describe(e)));
        continue;
      }
      ignored += scan.ignored;
      for (String ext : scan.ignoredExtensions) {
        if (extensions.size() < MAX_LISTED_EXTENSIONS) {
          extensions.add(ext);
        }
      }
      addFound(items, scan, path, shown, rules);
    }
    return new BatchPlan(Clashes.resolve(items), ignored, extensions, folders > 0);
  }

  private static void addFound(List<PlanItem> items, FolderScan scan, Path dir, String shown, Rules rules) {
    if (scan.found.isEmpty()) {
      items.add(new PlanItem.Refused(shown, scan.whyEmpty()));
      return;
    }
    Path shownDir = Path.of(shown);
    for (Map.Entry<Path, String> e : scan.found.entrySet()) {
      Path relative = e.getKey();
      String shownFile = shownDir.resolve(relative).toString();
      if (e.getValue() != null) {
        items.add(new PlanItem.Refused(shownFile, e.getValue()));
      } else {
        Path file = dir.resolve(relative);
        items.add(new PlanItem.Planned(new Task(file, OutputNaming.outputFor(rules, file, relative), rules.format(),
            shownFile)));
      }
    }
  }

  /** The items in input order. */
  List<PlanItem> items() {
    return items;
  }

  /** Files in scanned folders that were left out because their names are not those of images. */
  int ignoredFiles() {
    return ignoredFiles;
  }

  /** The extensions of the ignored files, lower case, at most a handful. */
  Set<String> ignoredExtensions() {
    return ignoredExtensions;
  }

  /** True when at least one input was a folder. */
  boolean hasFolders() {
    return hasFolders;
  }

  /** The existing folders outputs will be written to (where leftover temporary files are looked for). */
  Set<Path> outputFolders() {
    Set<Path> dirs = new LinkedHashSet<>();
    for (PlanItem item : items) {
      if (item instanceof PlanItem.Planned p && p.task().output() != null) {
        Path parent = p.task().output().toAbsolutePath().getParent();
        if (parent != null && Files.isDirectory(parent)) {
          dirs.add(parent);
        }
      }
    }
    return dirs;
  }

  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
