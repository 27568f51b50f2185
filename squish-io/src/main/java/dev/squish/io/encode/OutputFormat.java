package dev.squish.io.encode;

import java.util.Locale;

/** The file formats squish writes. */
public enum OutputFormat {
  /** Palette PNG (colour type 3) with a {@code tRNS} chunk for translucent entries. */
  PNG(".png", "image/png"),
  /** GIF: one fully transparent entry at most, other entries opaque. */
  GIF(".gif", "image/gif");

  private final String extension;
  private final String mediaType;

  OutputFormat(String extension, String mediaType) {
    this.extension = extension;
    this.mediaType = mediaType;
  }

  /** The file name extension, with its dot. */
  public String extension() {
    return extension;
  }

  /** The media type, e.g. {@code image/png}. */
  public String mediaType() {
    return mediaType;
  }

  /** The name used on the command line: {@code png} or {@code gif}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The format for an output file name, or null when the name ends in neither .png nor .gif. */
  public static OutputFormat forName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (OutputFormat f : values()) {
      if (lower.endsWith(f.extension)) {
        return f;
      }
    }
    return null;
  }

  /** The format named {@code id} ({@code png} or {@code gif}, any case), or null. */
  public static OutputFormat byId(String id) {
    for (OutputFormat f : values()) {
      if (f.id().equalsIgnoreCase(id.trim())) {
        return f;
      }
    }
    return null;
  }
}
