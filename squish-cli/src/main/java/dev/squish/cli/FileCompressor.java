package dev.squish.cli;

import dev.squish.image.RgbaImage;
import dev.squish.io.decode.ImageDecodeException;
import dev.squish.io.decode.ImageDecoder;
import dev.squish.io.encode.GifEncoder;
import dev.squish.io.encode.IndexedPngEncoder;
import dev.squish.io.files.AtomicOutput;
import dev.squish.mapping.IndexedImage;
import dev.squish.pipeline.Compressed;
import dev.squish.pipeline.Compressor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;

/** Runs one {@link Task}: decode, compress, encode, write. Never throws for a bad file; returns a result. */
final class FileCompressor {
  private final Settings settings;
  private final ImageDecoder decoder;
  private final InputStream stdin;
  private final OutputStream stdout;

  FileCompressor(Settings settings, InputStream stdin, OutputStream stdout) {
    this.settings = settings;
    this.decoder = new ImageDecoder(settings.limits());
    this.stdin = stdin;
    this.stdout = stdout;
  }

  FileResult run(Task task) {
    long start = System.nanoTime();
    try {
      if (task.output() != null && !settings.overwrite() && Files.exists(task.output())) {
        return new FileResult.Failed(task.shownInput(), task.shownOutput() + " exists; use --force to overwrite it",
            null);
      }
      long inputBytes;
      RgbaImage image;
      if (task.input() == null) {
        byte[] data = stdin.readAllBytes();
        inputBytes = data.length;
        image = decoder.decode(data, data.length);
      } else {
        image = decoder.decode(task.input());
        inputBytes = Files.size(task.input());
      }
      Compressed compressed = Compressor.compress(image, settings.compression());
      byte[] encoded = encode(compressed.image(), task.format());
      write(task, encoded);
      double seconds = (System.nanoTime() - start) / 1e9;
      IndexedImage out = compressed.image();
      return new FileResult.Written(task.shownInput(), task.shownOutput(), inputBytes, encoded.length, out.width(),
          out.height(), out.palette().size(), settings.compression().colors(), compressed.quality(),
          compressed.quantization().report(), seconds);
    } catch (ImageDecodeException e) {
      return new FileResult.Failed(task.shownInput(), e.getMessage(), e);
    } catch (FileAlreadyExistsException e) {
      return new FileResult.Failed(task.shownInput(), task.shownOutput() + " exists; use --force to overwrite it", e);
    } catch (NoSuchFileException e) {
      return new FileResult.Failed(task.shownInput(), "cannot write " + task.shownOutput() + ": folder "
          + parentOf(task) + " does not exist", e);
    } catch (AccessDeniedException e) {
      return new FileResult.Failed(task.shownInput(), "cannot write " + task.shownOutput() + ": permission denied", e);
    } catch (IOException e) {
      return new FileResult.Failed(task.shownInput(), "cannot write " + task.shownOutput() + ": " + describe(e), e);
    } catch (OutOfMemoryError e) {
      return new FileResult.Failed(task.shownInput(),
          "not enough memory; give Java more (JAVA_OPTS=-Xmx8g) or lower --max-pixels", e);
    }
  }

  private byte[] encode(IndexedImage image, OutputFormat format) throws IOException {
    if (format == OutputFormat.GIF) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      GifEncoder.write(image, out);
      return out.toByteArray();
    }
    return IndexedPngEncoder.encode(image, settings.png());
  }

  private void write(Task task, byte[] encoded) throws IOException {
    if (task.output() == null) {
      stdout.write(encoded);
      stdout.flush();
      return;
    }
    AtomicOutput.write(task.output(), settings.overwrite(), out -> out.write(encoded));
  }

  private static String parentOf(Task task) {
    java.nio.file.Path parent = task.output().toAbsolutePath().getParent();
    return parent == null ? "/" : parent.toString();
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    if (m != null && m.contains("No space left")) {
      return "disk full (no space left on device)";
    }
    return m == null ? e.getClass().getSimpleName() : m;
  }
}
