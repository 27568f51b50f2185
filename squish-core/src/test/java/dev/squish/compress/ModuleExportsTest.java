package dev.squish.compress;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import org.junit.jupiter.api.Test;

/** squish-core's public surface: four packages, the kernels stay inside. */
class ModuleExportsTest {

  @Test
  void exportsTheFourApiPackagesOnly() {
    ModuleDescriptor module = PreparedImage.class.getModule().getDescriptor();
    assertThat(module).as("squish-core runs as a named module").isNotNull();
    assertThat(module.exports()).extracting(ModuleDescriptor.Exports::source)
        .containsExactlyInAnyOrder("dev.squish.image", "dev.squish.histogram", "dev.squish.quantize",
            "dev.squish.compress");
    assertThat(module.requires()).extracting(ModuleDescriptor.Requires::name).containsExactly("java.base");
  }
}
