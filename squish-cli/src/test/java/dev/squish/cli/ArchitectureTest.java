package dev.squish.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.squish.quantize.FitReport;
import org.junit.jupiter.api.Test;

/**
 * The adapters (squish-io, squish-view, squish-plot, squish-web and this command line) only
 * compose squish-core's API: they reach none of its kernels, choose no quantizer and ask no fit
 * report what it is. (The benchmarks, which time the kernels, are the one exception; squish-core
 * lists the packages it exports in its module-info.)
 */
class ArchitectureTest {
  private static final String[] ADAPTERS = {"dev.squish.io..", "dev.squish.view..", "dev.squish.plot..",
      "dev.squish.web..", "dev.squish.cli.."};
  private static final String[] KERNELS = {"dev.squish.cluster..", "dev.squish.color..", "dev.squish.remap..",
      "dev.squish.metrics..", "dev.squish.parallel..", "dev.squish.quantize.kmeans..", "dev.squish.quantize.gmm.."};

  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.squish");

  /** The rules below hold only if every adapter and the kernels are in view. */
  @Test
  void seesEveryModule() {
    for (String p : new String[] {"dev.squish.io.decode", "dev.squish.view", "dev.squish.plot", "dev.squish.web",
        "dev.squish.cli", "dev.squish.cluster", "dev.squish.quantize.kmeans"}) {
      assertThat(CLASSES.containPackage(p)).as(p).isTrue();
    }
  }

  @Test
  void adaptersUseOnlyTheExportedApiOfTheCore() {
    ArchRule rule = noClasses().that().resideInAnyPackage(ADAPTERS).should().dependOnClassesThat()
        .resideInAnyPackage(KERNELS);
    rule.check(CLASSES);
  }

  @Test
  void adaptersDoNotAskWhichMethodMadeAReport() {
    ArchRule rule = noClasses().that().resideInAnyPackage(ADAPTERS).should().dependOnClassesThat()
        .belongToAnyOf(FitReport.KMeans.class, FitReport.Em.class);
    rule.check(CLASSES);
  }
}
