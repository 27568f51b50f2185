package dev.squish.cli;

import picocli.CommandLine.IVersionProvider;

/** The version printed by --version, from the jar manifest when there is one. */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Version.class.getPackage().getImplementationVersion();
    return new String[] {"squish " + (v == null ? "development build" : v)};
  }
}
