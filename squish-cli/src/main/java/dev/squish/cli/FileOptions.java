package dev.squish.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options that say what to read and where to write: inputs, outputs, names and format. */
final class FileOptions {
  @Option(names = {"-i", "--input"}, paramLabel = "FILE", description = "Image or folder to compress (PNG, JPEG, GIF,"
      + " BMP, TIFF, WebP); '-' reads one image from standard input. May be repeated; inputs can also be given"
      + " without --input.")
  List<String> inputOptions = new ArrayList<>();

  @Parameters(paramLabel = "FILE", arity = "0..*", description = "More images or folders.")
  List<String> inputParameters = new ArrayList<>();

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Output file for a single input image;"
      + " its name chooses the format (.png or .gif); '-' writes standard output.")
  String output;

  @Option(names = "--output-dir", paramLabel = "DIR", description = "Write outputs into DIR, mirroring the folders"
      + " given as input (photos/2024/a.jpg from input photos goes to DIR/2024/a.png); created as needed."
      + " Default: beside each input.")
  String outputDir;

  @Option(names = {"-r", "--recursive"}, description = "Also look for images in the subfolders of folder inputs"
      + " (without it, only the images directly in a folder are done).")
  boolean recursive;

  @Option(names = "--ext", paramLabel = "SUFFIX", description = "Replaces the input's extension in output names;"
      + " ends in .png or .gif, which also chooses the format (default: -squish.png beside the input, .png in"
      + " --output-dir; .gif instead with --format gif).")
  String ext;

  @Option(names = "--format", paramLabel = "png|gif", description = "Output format for every output (default: png,"
      + " or as the --output name or --ext says).")
  String format;

  /** Every input, from {@code --input} and the positional parameters, in order. */
  List<String> inputs() {
    List<String> inputs = new ArrayList<>(inputOptions);
    inputs.addAll(inputParameters);
    return inputs;
  }
}
