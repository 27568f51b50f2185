package dev.squish.cli;

import dev.squish.compress.CompressOptions;
import dev.squish.compress.Compressed;
import dev.squish.compress.PreparedImage;
import dev.squish.compress.Quality;
import dev.squish.compress.QualityTarget;
import dev.squish.image.IndexedImage;
import dev.squish.image.Palette;
import dev.squish.image.RgbaImage;
import dev.squish.io.color.SourceColor;
import dev.squish.io.decode.DecodedImage;
import dev.squish.io.decode.ImageDecodeException;
import dev.squish.io.decode.ImageDecoder;
import dev.squish.io.decode.ImageFormat;
import dev.squish.io.gif.GifAnimation;
import dev.squish.io.encode.AncillaryChunk;
import dev.squish.io.encode.ImageEncoder;
import dev.squish.io.encode.OutputFormat;
import dev.squish.io.files.AtomicOutput;
import dev.squish.io.palette.PaletteFileException;
import dev.squish.io.palette.PaletteFiles;
import dev.squish.quantize.KSearch;
import dev.squish.quantize.KeptColoursDoNotFit;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Runs one {@link Task}: decode, compress, encode, write. Never throws for a bad file or a
 * failed write; returns a result saying what happened. Thread-safe: a batch runs one per job.
 */
final class FileCompressor {
  /** Where finished outputs are written; a seam so that tests can make the disk fill up. */
  @FunctionalInterface
  interface Sink {
    void write(Path target, boolean overwrite, AtomicOutput.Content content) throws IOException;
  }

  private final Settings settings;
  private final ImageDecoder decoder;
  private final InputStream stdin;
  private final OutputStream stdout;
  private final Sink sink;
  private final Function<Task, KSearch.Listener> listeners;
  private final WriteGate gate = new WriteGate();

  /**
   * @param listeners the listener of a task's k search (--k auto), for the lines that say how it goes; it may
   *     print but changes no result
   */
  FileCompressor(Settings settings, InputStream stdin, OutputStream stdout, Sink sink,
      Function<Task, KSearch.Listener> listeners) {
    this.settings = settings;
    this.decoder = new ImageDecoder(settings.limits(), settings.keepProfile());
    this.stdin = stdin;
    this.stdout = stdout;
    this.sink = sink;
    this.listeners = listeners;
  }

  /** The gate every file write passes; closing it stops new writes (Ctrl-C). */
  WriteGate gate() {
    return gate;
  }

  FileResult run(Task task) {
    long start = System.nanoTime();
    try {
      if (task.input() != null && Files.notExists(task.input())) {
        throw new Refusal("no such file", null); // before the skip below: a missing input is no success
      }
      if (task.output() != null && Files.exists(task.output())) {
        // checked before any work so that a deliberate skip costs nothing; checked again at the rename
        if (settings.skipExisting()) {
          return new FileResult.Skipped(task.shownInput(), task.shownOutput(),
              task.shownOutput() + " exists (--skip-existing)", null, new FileResult.Known(
                  task.input() == null ? -1 : sizeOf(task.input()), -1, -1, -1, -1, -1, null, null));
        }
        if (!settings.overwrite()) {
          throw new Refusal(existsMessage(task), null);
        }
      }
      byte[] data = task.input() == null ? readStdin() : ImageDecoder.read(task.input());
      long inputBytes = task.input() == null ? data.length : sizeOf(task.input());
      Integer frame = settings.frame();
      GifAnimation animation = null;
      if (GifAnimation.isGif(data, data.length)) {
        try {
          animation = GifAnimation.read(data, data.length, settings.limits());
        } catch (ImageDecodeException e) {
          if (frame != null || e.reason() == ImageDecodeException.Reason.TOO_LARGE) {
            throw e;
          }
          // a damaged still GIF: the decoder below says what it can read of it
        }
      }
      if (animation != null && animation.animated() && frame == null) {
        return animated(task, animation, inputBytes, start);
      }
      DecodedImage decoded;
      if (frame != null && animation != null) {
        decoded = frameOf(animation, frame);
      } else {
        if (frame != null && frame > 1) {
          throw new Refusal("is a still image (1 frame); --frame " + frame + " is out of range", null);
        }
        decoded = decoder.decode(data, data.length);
      }
      data = null;
      RgbaImage image = decoded.image();
      PreparedImage prepared = PreparedImage.of(image);
      if (!decoded.inSourceColors()) {
        image = null; // only needed to measure what a viewer shows of an output in the source's colours
      }
      CompressOptions options = settings.compression().toBuilder().kSearchListener(listenerOf(task)).build();
      FileResult.Search search = null;
      Compressed compressed;
      if (settings.quality() == null) {
        compressed = prepared.compress(options);
      } else {
        QualityTarget.Result found = prepared.search(options, settings.quality());
        compressed = found.chosen();
        search = FileResult.Search.of(settings.quality(), options.method().k(), found);
        if (!found.met()) {
          Compressed best = found.chosen();
          return new FileResult.Skipped(task.shownInput(), task.shownOutput(), missed(found, settings.quality()),
              search, new FileResult.Known(inputBytes, -1, best.image().width(), best.image().height(),
                  best.image().palette().size(), best.k(), best.quality(), null));
        }
      }
      prepared = null; // the decoded pixels are not needed any more: let them go before encoding
      IndexedImage out = compressed.image();
      Quality quality = decoded.inSourceColors() ? shownQuality(decoded, image, out) : compressed.quality();
      image = null;
      List<AncillaryChunk> chunks = new ArrayList<>();
      if (decoded.inSourceColors()) {
        chunks.addAll(decoded.color().carriedBy());
      }
      if (!settings.strip()) {
        chunks.addAll(decoded.metadata());
      }
      byte[] encoded = encode(out, task.format(), chunks);
      if (settings.skipIfLarger() && encoded.length >= inputBytes) {
        return new FileResult.Skipped(task.shownInput(), task.shownOutput(), String.format(Locale.ROOT,
            "output would be %d B, not smaller than the input's %d B (--skip-if-larger)", encoded.length,
            inputBytes), null, new FileResult.Known(inputBytes, encoded.length, out.width(), out.height(),
                out.palette().size(), compressed.k(), quality, compressed.fit().kChoice().orElse(null)));
      }
      // the palette file is made before the image is written, so that a palette the format cannot hold writes neither
      byte[] paletteFile = settings.savePalette() == null ? null : paletteBytes(out.palette());
      write(task, encoded);
      if (paletteFile != null) {
        savePalette(paletteFile);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      return new FileResult.Written(task.shownInput(), task.shownOutput(), inputBytes, encoded.length, out.width(),
          out.height(), out.palette().size(), compressed.k(), quality, compressed.fit(), seconds, search,
          source(decoded));
    } catch (Skip e) {
      return new FileResult.Skipped(task.shownInput(), task.shownOutput(), e.getMessage());
    } catch (Refusal e) {
      return new FileResult.Failed(task.shownInput(), e.getMessage(), e.getCause());
    } catch (KeptColoursDoNotFit e) {
      // the image's own needs (its transparent entry) decide this, so it is the file's failure, not a usage error
      return new FileResult.Failed(task.shownInput(), e.getMessage() + " (--keep)", e);
    } catch (ImageDecodeException e) {
      // the decoder words its own; one wording for running out of memory wherever it happens
      String reason = e.reason() == ImageDecodeException.Reason.OUT_OF_MEMORY ? notEnoughMemory() : e.getMessage();
      return new FileResult.Failed(task.shownInput(), reason, e);
    } catch (OutOfMemoryError e) {
      return new FileResult.Failed(task.shownInput(), notEnoughMemory(), e);
    }
  }

  /** The output name with its extension replaced by .gif: x-squish.png becomes x-squish.gif. */
  private static String asGif(String output) {
    int dot = output.lastIndexOf('.');
    int slash = Math.max(output.lastIndexOf('/'), output.lastIndexOf('\\'));
    return (dot > slash + 1 ? output.substring(0, dot) : output) + ".gif";
  }

  /** Frame {@code number} of {@code animation}, composed, as a still image. */
  private static DecodedImage frameOf(GifAnimation animation, int number) throws Refusal {
    int count = animation.frameCount();
    if (number > count) {
      throw new Refusal("has " + count + (count == 1 ? " frame" : " frames") + "; --frame " + number
          + " is out of range (1-" + count + ")", null);
    }
    List<String> notes = animation.warnings().stream().filter(w -> !w.contains("delay of 0")).toList();
    return new DecodedImage(animation.frame(number).image(), ImageFormat.GIF, SourceColor.SRGB, false, 8, true,
        List.of(), notes);
  }

  /** An animated GIF: kept animated as a GIF, refused as PNG (which cannot animate). */
  private FileResult animated(Task task, GifAnimation animation, long inputBytes, long start) throws Refusal {
    String frames = "an animated GIF of " + animation.frameCount() + " frames";
    if (task.format() != OutputFormat.GIF) {
      String asGif = task.output() == null ? "--format gif" : "-o " + asGif(task.shownOutput()) + " or --format gif";
      throw new Refusal(frames + "; write it as GIF (" + asGif + ") or pick one frame with --frame N", null);
    }
    if (settings.quality() != null) {
      throw new Refusal(frames + "; --quality and --max-delta-e choose k for still images only: give -k, or pick"
          + " one frame with --frame N", null);
    }
    if (settings.savePalette() != null && settings.framePalettes()) {
      throw new Refusal(frames + "; --save-palette writes one palette, but --frame-palettes gives each frame its own",
          null);
    }
    CompressOptions options = settings.compression().toBuilder().kSearchListener(listenerOf(task)).build();
    AnimationCompressor.Result r;
    try {
      r = AnimationCompressor.compress(animation, options, settings.framePalettes());
    } catch (UncheckedIOException e) {
      throw new Refusal("cannot encode GIF: " + describe(e.getCause()), e);
    }
    FileResult.Source source = new FileResult.Source("sRGB", "none", 8, true, animation.warnings(),
        animation.frameCount());
    if (settings.skipIfLarger() && r.encoded().length >= inputBytes) {
      return new FileResult.Skipped(task.shownInput(), task.shownOutput(), String.format(Locale.ROOT,
          "output would be %d B, not smaller than the input's %d B (--skip-if-larger)", r.encoded().length,
          inputBytes), null, new FileResult.Known(inputBytes, r.encoded().length, animation.width(),
              animation.height(), r.colors(), r.k(), r.quality(), null));
    }
    byte[] paletteFile = settings.savePalette() == null ? null : paletteBytes(r.palette());
    write(task, r.encoded());
    if (paletteFile != null) {
      savePalette(paletteFile);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new FileResult.Written(task.shownInput(), task.shownOutput(), inputBytes, r.encoded().length,
        animation.width(), animation.height(), r.colors(), r.k(), r.quality(), r.fit(), seconds, null, source);
  }

  /**
   * What the user reads when the heap runs out, wherever it does (decoding, compressing, encoding,
   * the report): the remedy, with a heap size to try, twice the present one and at least 1 GiB.
   */
  static String notEnoughMemory() {
    long mib = Runtime.getRuntime().maxMemory() >> 20;
    long suggested = Math.max(1024, Long.highestOneBit(Math.max(1, mib - 1)) * 4); // the power of two above, twice
    String size = suggested % 1024 == 0 ? suggested / 1024 + "g" : suggested + "m";
    return "not enough memory: give Java more with JAVA_OPTS=-Xmx" + size + " (or use fewer --jobs or a lower"
        + " --max-pixels)";
  }

  /**
   * The quality of an output that keeps the source's colours, as a colour-managed viewer shows it:
   * the original and the palette both converted to sRGB, then compared.
   */
  private Quality shownQuality(DecodedImage decoded, RgbaImage original, IndexedImage out) {
    SourceColor color = decoded.color();
    RgbaImage shown = RgbaImage.adopt(original.width(), original.height(), color.toSrgb(original.copyArgb()));
    IndexedImage shownOut = IndexedImage.adopt(out.width(), out.height(), Palette.of(color.toSrgb(
        out.palette().colors())), out.copyIndices());
    return PreparedImage.of(shown).measure(shownOut, settings.compression().ssim());
  }

  private static FileResult.Source source(DecodedImage d) {
    String handling = d.color().isSrgb() ? "none" : d.inSourceColors() ? "kept" : "converted";
    return new FileResult.Source(d.color().description(), handling, d.sampleBits(), d.exact(), d.warnings());
  }

  /** The listener of the task's k search, silent once Ctrl-C has closed the gate (the report is printed then). */
  private KSearch.Listener listenerOf(Task task) {
    KSearch.Listener l = listeners.apply(task);
    if (l == KSearch.Listener.NONE) {
      return l;
    }
    return new KSearch.Listener() {
      @Override
      public void started(KSearch search) {
        if (!gate.isClosed()) {
          l.started(search);
        }
      }

      @Override
      public void tried(KSearch search, KSearch.Trial trial) {
        if (!gate.isClosed()) {
          l.tried(search, trial);
        }
      }
    };
  }

  /** Why a quality search wrote nothing, in one line. */
  private static String missed(QualityTarget.Result found, QualityTarget target) {
    double q = found.reached();
    return target.measure() == QualityTarget.Measure.PSNR
        ? String.format(Locale.ROOT, "PSNR %.2f dB at k = %d is below the minimum %s dB (--quality)", q, found.k(),
            ResultLine.number(target.minimum()))
        : String.format(Locale.ROOT, "mean deltaE00 %.3f at k = %d is above %s (--max-delta-e)", q, found.k(),
            ResultLine.number(target.target()));
  }

  private byte[] readStdin() throws Refusal {
    try {
      return stdin.readAllBytes();
    } catch (IOException e) {
      throw new Refusal("cannot read standard input: " + describe(e), e);
    }
  }

  private static long sizeOf(Path input) throws Refusal {
    try {
      return Files.size(input);
    } catch (IOException e) {
      throw new Refusal("cannot read the file: " + describe(e), e);
    }
  }

  private byte[] encode(IndexedImage image, OutputFormat format, List<AncillaryChunk> chunks) throws Refusal {
    try {
      return ImageEncoder.encode(image, format, settings.png(), chunks);
    } catch (UncheckedIOException e) {
      throw new Refusal("cannot encode " + format + ": " + describe(e.getCause()), e);
    }
  }

  private void write(Task task, byte[] encoded) throws Refusal {
    if (task.output() == null) {
      try {
        stdout.write(encoded);
        stdout.flush();
      } catch (IOException e) {
        throw new Refusal("cannot write standard output: " + describe(e), e);
      }
      return;
    }
    if (settings.makeFolders()) {
      makeFolders(task.output());
    }
    if (!gate.enter()) {
      throw new Refusal("interrupted before its output was written", null);
    }
    boolean written = false;
    try {
      sink.write(task.output(), settings.overwrite(), out -> out.write(encoded));
      written = true;
    } catch (FileAlreadyExistsException e) {
      if (settings.skipExisting()) {
        // another writer made it since the check at the start: what --skip-existing asked for
        throw new Skip(task.shownOutput() + " exists (--skip-existing)");
      }
      throw new Refusal(existsMessage(task), e);
    } catch (NoSuchFileException e) {
      throw new Refusal("cannot write " + task.shownOutput() + ": folder " + parentOf(task.output())
          + " does not exist", e);
    } catch (IOException e) {
      throw new Refusal("cannot write " + task.shownOutput() + ": " + describe(e), e);
    } finally {
      if (written) {
        gate.exitLater(); // once the batch has recorded the result, so a report never misses the file
      } else {
        gate.exit();
      }
    }
  }

  private byte[] paletteBytes(Palette palette) throws Refusal {
    try {
      return PaletteFiles.bytes(palette, settings.savePalette().toString());
    } catch (PaletteFileException e) {
      throw new Refusal("cannot save the palette: " + e.getMessage(), e);
    }
  }

  private void savePalette(byte[] content) throws Refusal {
    Path file = settings.savePalette();
    try {
      sink.write(file, settings.overwrite(), out -> out.write(content));
    } catch (FileAlreadyExistsException e) {
      throw new Refusal("image written, but the palette was not: " + file
          + " exists; use --force to overwrite it", e);
    } catch (IOException e) {
      throw new Refusal("image written, but the palette was not: cannot write " + file + ": " + describe(e), e);
    }
  }

  private static void makeFolders(Path output) throws Refusal {
    Path parent = output.toAbsolutePath().getParent();
    if (parent == null || Files.isDirectory(parent)) {
      return;
    }
    try {
      Files.createDirectories(parent);
    } catch (FileAlreadyExistsException | NotDirectoryException e) {
      throw new Refusal("cannot create folder " + parent + ": a file of that name is in the way", e);
    } catch (IOException e) {
      throw new Refusal("cannot create folder " + parent + ": " + describe(e), e);
    }
  }

  private static String existsMessage(Task task) {
    return task.shownOutput() + " exists; use --force to overwrite it or --skip-existing to skip it";
  }

  private static String parentOf(Path output) {
    Path parent = output.toAbsolutePath().getParent();
    return parent == null ? "/" : parent.toString();
  }

  /**
   * The cause of an I/O error in a few words: "permission denied", "disk full (no space left on
   * device)", or the operating system's reason in lower case, without the file name (the caller
   * names the file).
   */
  static String describe(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    String m = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason() : e.getMessage();
    if (m == null || m.isBlank()) {
      return e.getClass().getSimpleName();
    }
    if (m.contains("No space left")) {
      return "disk full (no space left on device)";
    }
    if (m.contains("Disk quota exceeded")) {
      return "disk quota exceeded";
    }
    m = m.replaceAll("\\s+", " ").trim();
    return m.length() > 1 && Character.isUpperCase(m.charAt(0)) && Character.isLowerCase(m.charAt(1))
        ? m.substring(0, 1).toLowerCase(Locale.ROOT) + m.substring(1) : m;
  }

  /** A file deliberately not written after all, with the reason. */
  private static final class Skip extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Skip(String reason) {
      super(reason, null, false, false);
    }
  }

  /** A file that cannot be done, with the one-line reason the user sees. */
  private static final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;

    Refusal(String reason, Throwable cause) {
      super(reason, cause);
    }
  }
}
