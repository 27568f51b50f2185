package dev.squish.cli;

import dev.squish.io.files.AtomicOutput;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The inputs named on the command line, expanded into the ordered list of images to compress,
 * with every output named up front.
 *
 * <p>A folder stands for the images directly in it (with {@code --recursive}, in its whole tree),
 * found by file name extension, sorted by path so that the order does not depend on the file
 * system. Left out: hidden files and folders, the output folder, and squish's own earlier
 * outputs (names ending in {@code -squish.png}, {@code -squish.gif} or this run's suffix).
 * Problems found here (a folder without images, two inputs that would write the same output, an
 * output that is also an input) become refused items in their place, so that they are reported
 * in order with the rest and the batch goes on.
 */
final class BatchPlan {
  /** File name extensions of the images a folder scan picks up. */
  static final List<String> IMAGE_EXTENSIONS = List.of("png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "webp");

  /** Default suffix of outputs written beside their input, before the format's extension. */
  static final String BESIDE_SUFFIX = "-squish";

  /**
   * One input: a task to run, or a refusal found while planning.
   *
   * @param task the image to compress, or null when refused
   * @param refusal why it cannot be done, or null
   */
  record Item(Task task, FileResult.Failed refusal) {
    static Item refused(String input, String reason) {
      return new Item(null, new FileResult.Failed(input, reason, null));
    }

    String shownInput() {
      return task != null ? task.shownInput() : refusal.input();
    }
  }

  /**
   * How inputs are found and outputs named.
   *
   * @param output the single output named by {@code --output} ("-" for standard output), or null
   * @param outputDir the folder mirroring the input tree ({@code --output-dir}), or null for beside the input
   * @param ext the suffix replacing the input's extension ({@code --ext}), or null for the default
   * @param format the output format
   * @param recursive look in subfolders of folder inputs
   */
  record Rules(String output, Path outputDir, String ext, OutputFormat format, boolean recursive) {
    /** The suffix in effect: {@code --ext}, else {@code .png} in an output folder, {@code -squish.png} beside. */
    String suffix() {
      if (ext != null) {
        return ext;
      }
      return outputDir != null ? format.extension() : BESIDE_SUFFIX + format.extension();
    }
  }

  private final List<Item> items;
  private final int ignoredFiles;
  private final Set<String> ignoredExtensions;
  private final boolean hasFolders;

  private BatchPlan(List<Item> items, int ignoredFiles, Set<String> ignoredExtensions, boolean hasFolders) {
    this.items = List.copyOf(items);
    this.ignoredFiles = ignoredFiles;
    this.ignoredExtensions = Collections.unmodifiableSet(ignoredExtensions);
    this.hasFolders = hasFolders;
  }

  /** Expands {@code inputs} (files, folders, or "-" for standard input) in the order given. */
  static BatchPlan of(List<String> inputs, Rules rules) {
    Builder b = new Builder(rules);
    for (String in : inputs) {
      b.add(in);
    }
    return new BatchPlan(b.checked(), b.ignored, b.ignoredExtensions, b.folders > 0);
  }

  /** The items in input order. */
  List<Item> items() {
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
    for (Item item : items) {
      if (item.task() != null && item.task().output() != null) {
        Path parent = item.task().output().toAbsolutePath().getParent();
        if (parent != null && Files.isDirectory(parent)) {
          dirs.add(parent);
        }
      }
    }
    return dirs;
  }

  /** The file name without its last extension. */
  static String stem(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  static boolean hasImageExtension(String fileName) {
    return IMAGE_EXTENSIONS.contains(extension(fileName));
  }

  private static String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
  }

  /** Collects items in order; {@link #checked} then applies the rules that need all of them. */
  private static final class Builder {
    private static final int MAX_LISTED_EXTENSIONS = 6;

    private final Rules rules;
    private final List<Item> items = new ArrayList<>();
    private final Set<String> ignoredExtensions = new LinkedHashSet<>();
    private int ignored;
    private int folders;

    Builder(Rules rules) {
      this.rules = rules;
    }

    void add(String shown) {
      if (shown.equals("-")) {
        items.add(new Item(new Task(null, outputFor(null, null), rules.format(), "-"), null));
        return;
      }
      Path path;
      try {
        path = Path.of(shown);
      } catch (InvalidPathException e) {
        items.add(Item.refused(shown, "not a valid file name: " + e.getReason()));
        return;
      }
      if (Files.isDirectory(path)) {
        folders++;
        addFolder(path, shown);
      } else {
        // a missing or unreadable file is reported by the decoder, in its place in the batch
        items.add(new Item(new Task(path, outputFor(path, path.getFileName()), rules.format(), shown), null));
      }
    }

    /** The output of {@code input}, whose path relative to the folder it was found in is {@code relative}. */
    private Path outputFor(Path input, Path relative) {
      if (rules.output() != null) {
        return rules.output().equals("-") ? null : Path.of(rules.output());
      }
      if (input == null) {
        return null; // standard input without --output goes to standard output
      }
      String name = stem(relative) + rules.suffix();
      if (rules.outputDir() != null) {
        Path parent = relative.getParent();
        return parent == null ? rules.outputDir().resolve(name) : rules.outputDir().resolve(parent).resolve(name);
      }
      return input.resolveSibling(name);
    }

    private void addFolder(Path dir, String shown) {
      FolderScan scan = new FolderScan(dir);
      try {
        Files.walkFileTree(dir, Set.of(), rules.recursive() ? Integer.MAX_VALUE : 1, scan);
      } catch (AccessDeniedException e) {
        items.add(Item.refused(shown, "cannot read this folder: permission denied"));
        return;
      } catch (IOException e) {
        items.add(Item.refused(shown, "cannot read this folder: " + FileCompressor.describe(e)));
        return;
      }
      ignored += scan.ignored;
      if (scan.found.isEmpty()) {
        items.add(Item.refused(shown, scan.whyEmpty()));
        return;
      }
      Path shownDir = Path.of(shown);
      for (Map.Entry<Path, String> e : scan.found.entrySet()) {
        Path relative = e.getKey();
        String shownFile = shownDir.resolve(relative).toString();
        if (e.getValue() != null) {
          items.add(Item.refused(shownFile, e.getValue()));
        } else {
          Path file = dir.resolve(relative);
          items.add(new Item(new Task(file, outputFor(file, relative), rules.format(), shownFile), null));
        }
      }
    }

    /**
     * The items with duplicates dropped and clashes refused: an input named twice is done once;
     * a second input with the same output, or an input whose output is another input, is refused
     * so that no input is ever overwritten by another's output and no output twice.
     */
    List<Item> checked() {
      Set<Path> inputs = new HashSet<>();
      for (Item item : items) {
        if (item.task() != null && item.task().input() != null) {
          inputs.add(key(item.task().input()));
        }
      }
      Set<Path> seenInputs = new HashSet<>();
      Map<Path, String> outputs = new HashMap<>();
      List<Item> out = new ArrayList<>();
      for (Item item : items) {
        Task t = item.task();
        if (t == null || t.output() == null) {
          out.add(item);
          continue;
        }
        Path in = t.input() == null ? null : key(t.input());
        if (in != null && !seenInputs.add(in)) {
          continue;
        }
        Path o = key(t.output());
        if (!o.equals(in) && inputs.contains(o)) {
          out.add(Item.refused(t.shownInput(), "its output " + t.shownOutput()
              + " is also an input, which squish never overwrites with another file's output; use --ext or"
              + " --output-dir"));
          continue;
        }
        String first = outputs.putIfAbsent(o, t.shownInput());
        if (first != null) {
          out.add(Item.refused(t.shownInput(), "its output " + t.shownOutput() + " is also the output of " + first
              + "; use --ext or --output-dir to tell them apart"));
        } else {
          out.add(item);
        }
      }
      return out;
    }

    /** The file a path names, links resolved: the same file reached two ways is one input (or one output). */
    private static Path key(Path p) {
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

    /** Walks one folder input and keeps its images keyed by relative path, sorted. */
    private final class FolderScan extends SimpleFileVisitor<Path> {
      private final Path root;
      private final Path skipDir;
      /** Relative path to null (an image) or to the reason it cannot be read. */
      final Map<Path, String> found = new TreeMap<>();
      int ignored;
      int subfolders;
      int earlierOutputs;

      FolderScan(Path root) {
        this.root = root;
        this.skipDir = rules.outputDir() == null ? null : key(rules.outputDir());
      }

      @Override
      public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
        if (d.equals(root)) {
          return FileVisitResult.CONTINUE;
        }
        if (hidden(d) || key(d).equals(skipDir)) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
        if (attrs.isDirectory()) { // only at the depth limit: a subfolder we do not enter
          if (!hidden(f)) {
            subfolders++;
          }
          return FileVisitResult.CONTINUE;
        }
        String name = f.getFileName().toString();
        if (hidden(f) || AtomicOutput.isTempName(name)) {
          return FileVisitResult.CONTINUE;
        }
        if (attrs.isSymbolicLink() && !Files.isRegularFile(f)) {
          return FileVisitResult.CONTINUE; // links to folders are not followed (no loops), dangling ones skipped
        }
        if (!hasImageExtension(name)) {
          ignored++;
          Builder.this.ignore(name);
        } else if (isEarlierOutput(name)) {
          earlierOutputs++;
        } else {
          found.put(root.relativize(f), null);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
        if (f.equals(root)) {
          throw e;
        }
        String why = e instanceof AccessDeniedException ? "permission denied"
            : e instanceof NoSuchFileException ? "it vanished while the folder was read" : FileCompressor.describe(e);
        found.put(root.relativize(f), "cannot read: " + why);
        return FileVisitResult.CONTINUE;
      }

      /**
       * Outputs of an earlier run beside their inputs: names ending in the default suffixes
       * ({@code photo-squish.png}) or in this run's suffix when it is more than an extension.
       */
      private boolean isEarlierOutput(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (OutputFormat f : OutputFormat.values()) {
          if (lower.endsWith(BESIDE_SUFFIX + f.extension())) {
            return true;
          }
        }
        String suffix = rules.suffix().toLowerCase(Locale.ROOT);
        // a bare extension (--ext .png, replacing in place) names inputs too; anything longer
        // (-small.png, .min.png) marks outputs
        return rules.outputDir() == null && !suffix.equals(rules.format().extension()) && lower.endsWith(suffix);
      }

      String whyEmpty() {
        StringBuilder sb = new StringBuilder("no images in this folder");
        if (!rules.recursive() && subfolders > 0) {
          sb.append("; it has ").append(count(subfolders, "subfolder")).append(": add --recursive to look in them");
        }
        List<String> notes = new ArrayList<>();
        if (ignored > 0) {
          notes.add(count(ignored, "other file") + " ignored; squish looks for ."
              + String.join(" .", IMAGE_EXTENSIONS));
        }
        if (earlierOutputs > 0) {
          notes.add(count(earlierOutputs, "earlier output") + " of squish left alone");
        }
        if (!notes.isEmpty()) {
          sb.append(" (").append(String.join("; ", notes)).append(')');
        }
        return sb.toString();
      }

      private static boolean hidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
      }
    }

    private void ignore(String name) {
      String ext = extension(name);
      if (ignoredExtensions.size() < MAX_LISTED_EXTENSIONS) {
        ignoredExtensions.add(ext.isEmpty() ? "(none)" : "." + ext);
      }
    }
  }

  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
