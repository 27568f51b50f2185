package dev.squish.cli;

import java.util.Locale;

/** The file formats squish writes, chosen by {@code --format}, the output name or the {@code --ext} suffix. */
enum OutputFormat {
  PNG(".png"),
  GIF(".gif");

  private final String extension;

  OutputFormat(String extension) {
    this.extension = extension;
  }

  /** The file name extension, with its dot. */
  String extension() {
    return extension;
  }

  /** The name used on the command line: {@code png} or {@code gif}. */
  String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The format for an output file name, or null when the name ends in neither .png nor .gif. */
  static OutputFormat forName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".png")) {
      return PNG;
    }
    if (lower.endsWith(".gif")) {
      return GIF;
    }
    return null;
  }

  /** The format named {@code id} ({@code png} or {@code gif}, any case), or null. */
  static OutputFormat byId(String id) {
    for (OutputFormat f : values()) {
      if (f.id().equalsIgnoreCase(id.trim())) {
        return f;
      }
    }
    return null;
  }
}
