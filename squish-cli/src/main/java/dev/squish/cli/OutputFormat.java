package dev.squish.cli;

import java.util.Locale;

/** The file formats squish writes, chosen by the output name. */
enum OutputFormat {
  PNG(".png"),
  GIF(".gif");

  private final String extension;

  OutputFormat(String extension) {
    this.extension = extension;
  }

  String extension() {
    return extension;
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
}
