package io.beliefnet.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StaticResourcesTest {

  private final StaticResources resources = new StaticResources();

  @Test
  void servesThePageAndItsModules() {
    assertThat(resources.find("/").orElseThrow().contentType()).startsWith("text/html");
    assertThat(resources.find("/dashboard.js").orElseThrow().contentType())
        .startsWith("text/javascript");
  }

  @Test
  void everyModuleTheImportMapNamesIsOnTheClassPath() {
    String page = new String(resources.find("/").orElseThrow().bytes(), StandardCharsets.UTF_8);

    assertThat(page)
        .contains(
            "\"/webjars/chart.js/dist/chart.js\"", "\"/webjars/kurkle__color/dist/color.esm.js\"");
    assertThat(resources.find("/webjars/chart.js/dist/chart.js").orElseThrow().bytes())
        .isNotEmpty();
    assertThat(resources.find("/webjars/kurkle__color/dist/color.esm.js")).isPresent();
  }

  @Test
  void servesNothingOutsideItsFilesOrOfOtherKinds() {
    assertThat(resources.find("/../DashboardServer.class")).isEmpty();
    assertThat(
            resources.find("/webjars/chart.js/../../../../io/beliefnet/dashboard/web/index.html"))
        .isEmpty();
    assertThat(resources.find("/webjars/chart.js/package.json")).isEmpty();
    assertThat(resources.find("/webjars/no-such-jar/dist/x.js")).isEmpty();
    assertThat(resources.find("/missing.js")).isEmpty();
  }
}
