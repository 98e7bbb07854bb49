package io.beliefnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.beliefnet.topics.Topic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser: the local stack with its simulated world, and Debian's headless
 * Chromium driven through its chromedriver. Checks that beliefs arrive and move, the leaderboard
 * and the scores fill, a rejection shows under its reason, and a proposition's chart draws; saves a
 * screenshot to {@code target/dashboard.png}. Skipped, saying so, where Chromium or its driver is
 * not installed.
 */
class DashboardBrowserIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOT = Path.of("target", "dashboard.png");
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Test
  void beliefsMoveAndTheLeaderboardFillsInABrowser(@TempDir Path dir) throws Exception {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "skipped: no "
            + CHROMIUM
            + " or "
            + CHROMEDRIVER
            + "; install Debian's chromium and chromium-driver (.ci/run does)");
    try (LocalStack stack = LocalStack.start(dir.resolve("stack"), 0, 0)) {
      stack.startWorld(new WorldSettings(7, Duration.ofMillis(500), 3, 6, 2));
      WebDriver browser = chromium(dir.resolve("chromium-profile"));
      try {
        browser.get(stack.dashboardUrl().orElseThrow());
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);

        wait.until(page -> !versions(page).isEmpty());
        Map<String, Long> first = versions(browser);
        wait.until(
            page ->
                versions(page).entrySet().stream()
                    .anyMatch(
                        now -> now.getValue() > first.getOrDefault(now.getKey(), Long.MAX_VALUE)));

        wait.until(page -> !rows(page, "#agents tbody tr:not(.empty)").isEmpty());
        wait.until(
            page ->
                rows(page, "#scores tr[data-method='beliefs'] .scored").stream()
                    .anyMatch(scored -> Integer.parseInt(scored) > 0));

        writeGarbageClaim(stack);
        wait.until(page -> !rows(page, "#rejections tr[data-reason='MALFORMED_BYTES']").isEmpty());

        String resolved = wait.until(DashboardBrowserIT::clickAResolvedProposition);
        wait.until(
            page ->
                resolved.equals(
                    page.findElement(By.id("chart-title")).getDomAttribute("data-proposition-id")));
      } finally {
        // also when a check failed: the picture shows what the page had instead
        Files.write(SCREENSHOT, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        browser.quit();
      }
      assertThat(SCREENSHOT).isNotEmptyFile();
    }
  }

  /** Headless, and with everything that would reach for the network turned off: there is none. */
  private static WebDriver chromium(Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + profile,
        "--window-size=1400,1100");
    ChromeDriverService driver =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    return new ChromeDriver(driver, options);
  }

  /** Version shown per proposition in the table, read in one go while the page redraws. */
  private static Map<String, Long> versions(WebDriver page) {
    Map<String, Long> versions = new HashMap<>();
    for (Object row :
        script(
            page,
            "return [...document.querySelectorAll('#propositions tr[data-proposition-id]')]"
                + ".map(row => [row.dataset.propositionId, row.querySelector('.version').textContent]);")) {
      List<?> cells = (List<?>) row;
      versions.put((String) cells.get(0), Long.parseLong((String) cells.get(1)));
    }
    return versions;
  }

  /** Text of every element matching {@code selector}. */
  private static List<String> rows(WebDriver page, String selector) {
    return script(
            page,
            "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent);",
            selector)
        .stream()
        .map(String.class::cast)
        .toList();
  }

  /** Clicks a proposition that has resolved, and returns its id; null while none is listed. */
  private static String clickAResolvedProposition(WebDriver page) {
    List<Object> resolved =
        script(
            page,
            "return [...document.querySelectorAll('#propositions tr[data-proposition-id]')]"
                + ".filter(row => row.querySelector('.resolved').textContent !== '')"
                + ".map(row => row.dataset.propositionId);");
    if (resolved.isEmpty()) {
      return null;
    }
    String id = (String) resolved.get(0);
    page.findElement(By.cssSelector("#propositions tr[data-proposition-id='" + id + "']")).click();
    return id;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> script(WebDriver page, String script, Object... arguments) {
    return (List<Object>) ((JavascriptExecutor) page).executeScript(script, arguments);
  }

  /** A claim that is not Avro at all, which the job rejects as MALFORMED_BYTES. */
  private static void writeGarbageClaim(LocalStack stack) {
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer())) {
      producer.send(
          new ProducerRecord<>(
              Topic.CLAIMS.defaultName(),
              null,
              System.currentTimeMillis(),
              "garbage",
              "not an Avro record".getBytes(StandardCharsets.UTF_8)));
    }
  }
}
