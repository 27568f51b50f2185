package dev.squish.cli;

import dev.squish.io.files.AtomicOutput;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Walks one folder input (its whole tree with {@code --recursive}) and keeps its images, found by
 * file name extension, keyed by relative path in sorted order, so that the order does not depend
 * on the file system. Left out: hidden files and folders, the output folder, squish's temporary
 * files and its own earlier outputs; files that are not images by name are counted.
 */
final class FolderScan extends SimpleFileVisitor<Path> {
  /** File name extensions of the images a folder scan picks up. */
  static final List<String> IMAGE_EXTENSIONS = List.of("png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "webp");
  /** How many of the ignored files' extensions are listed. */
  private static final int MAX_LISTED_EXTENSIONS = 6;

  private final BatchPlan.Rules rules;
  private final Path root;
  private final Path skipDir;
  /** Relative path to null (an image) or to the reason it cannot be read. */
  final Map<Path, String> found = new TreeMap<>();
  int ignored;
  int subfolders;
  int earlierOutputs;

  /** Extensions of the ignored files, a handful at most. */
  final Set<String> ignoredExtensions = new LinkedHashSet<>();

  FolderScan(Path root, BatchPlan.Rules rules) {
    this.root = root;
    this.rules = rules;
    this.skipDir = rules.outputDir() == null ? null : Clashes.key(rules.outputDir());
  }

  /** Scans the folder; an unreadable root throws. */
  FolderScan run() throws IOException {
    Files.walkFileTree(root, Set.of(), rules.recursive() ? Integer.MAX_VALUE : 1, this);
    return this;
  }

  @Override
  public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
    if (d.equals(root)) {
      return FileVisitResult.CONTINUE;
    }
    if (hidden(d) || Clashes.key(d).equals(skipDir)) {
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
      ignore(name);
    } else if (OutputNaming.isEarlierOutput(rules, name)) {
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

  String whyEmpty() {
    StringBuilder sb = new StringBuilder("no images in this folder");
    if (!rules.recursive() && subfolders > 0) {
      sb.append("; it has ").append(BatchPlan.count(subfolders, "subfolder"))
          .append(": add --recursive to look in them");
    }
    List<String> notes = new ArrayList<>();
    if (ignored > 0) {
      notes.add(BatchPlan.count(ignored, "other file") + " ignored; squish looks for ."
          + String.join(" .", IMAGE_EXTENSIONS));
    }
    if (earlierOutputs > 0) {
      notes.add(BatchPlan.count(earlierOutputs, "earlier output") + " of squish left alone");
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

  private void ignore(String name) {
    String ext = extension(name);
    if (ignoredExtensions.size() < MAX_LISTED_EXTENSIONS) {
      ignoredExtensions.add(ext.isEmpty() ? "(none)" : "." + ext);
    }
  }

  static boolean hasImageExtension(String fileName) {
    return IMAGE_EXTENSIONS.contains(extension(fileName));
  }

  private static String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
  }
}
