package io.admlops.workers.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.activities.store.EmbeddedPostgresServer;
import io.admlops.activities.store.RegistryDatabase;
import io.admlops.schemas.json.Mappers;
import io.admlops.workers.cli.CliRun;
import io.admlops.workers.dashboard.DashboardServer;
import io.admlops.workers.demo.SmallDemo;
import io.admlops.workers.stack.StackSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The dashboard as a person reads it after a real campaign: the small demo runs through real
 * workers, then the dashboard serves the registry it left and headless Chromium looks at the
 * campaign list, the iteration timeline, the mAP charts, the mined frames with their boxes and
 * a training run. This is also where the loop journal's writer and the dashboard's reader
 * meet on real rows.
 */
@ExtendWith(ChromiumExtension.class)
class DashboardBrowserTest {

  private static final String STAGES_RUN = "collect analyze mine annotate convert train "
      + "evaluate deploy";

  @TempDir Path dir;

  @Test
  void aPersonSeesTheCampaignsIterationsChartsMinedFramesAndTrainingCurves(
      HeadlessChromium browser) throws Exception {
    Path home = dir.resolve("home");
    Path summaryFile = dir.resolve("summary.json");
    CliRun demo = CliRun.of("demo", "--config", SmallDemo.write(dir).toString(),
        "--iterations", "1", "--home", home.toString(), "--summary", summaryFile.toString(),
        "--no-dashboard");
    assertEquals(0, demo.exitCode(), demo.out() + demo.err());
    JsonNode rows = Mappers.json().readTree(summaryFile.toFile()).path("iterations");

    StackSettings settings = StackSettings.resolve(null, null, null,
        Map.of("ADMLOPS_HOME", home.toString()));
    try (EmbeddedPostgresServer postgres =
            EmbeddedPostgresServer.start(settings.postgresData());
        DashboardServer dashboard = DashboardServer.start(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            RegistryDatabase.open(postgres.target()).dsl(), settings.storage().datasets())) {
      browser.open(dashboard.url().toString());
      WebElement campaign = browser.visible(
          By.cssSelector("tr.campaign[data-campaign='" + SmallDemo.CAMPAIGN + "']"));
      assertTrue(campaign.getText().contains("completed"), campaign.getText());
      browser.screenshot("01-campaigns");

      campaign.findElement(By.tagName("a")).click();
      List<WebElement> iterations = browser.visible(By.id("iterations"))
          .findElements(By.cssSelector("tr.iteration"));
      assertEquals(2, iterations.size(), "the first model's iteration, then one loop");
      // The first iteration only trains, evaluates and deploys; the second runs every stage.
      assertEquals(List.of("train", "evaluate", "deploy"), completedStages(browser, 1));
      assertEquals(List.of(STAGES_RUN.split(" ")), completedStages(browser, 2));
      // One point per evaluated iteration on the overall chart and on the night slice's.
      assertEquals(2, browser.driver()
          .findElements(By.cssSelector("#map-overall circle.point.candidate")).size());
      assertEquals(2, browser.driver().findElements(By.cssSelector(
          "figure.slice-chart[data-slice='timeofday=night'] circle.point.candidate")).size());
      assertFalse(browser.driver().findElements(By.cssSelector("#per-class-ap tr[data-class]"))
          .isEmpty(), "per-class AP of the newest candidate");
      assertTrue(browser.driver().findElement(By.cssSelector("tr.batch")).getText()
          .contains("accepted"));
      browser.screenshot("02-campaign");

      JsonNode evaluations = json(dashboard.url().resolve("api/campaigns/"
          + SmallDemo.CAMPAIGN + "/evaluations"));
      assertEquals(rows.get(1).path("map").asDouble(), candidateMap(evaluations, 2), 1e-12,
          "the chart's last point is the mAP the demo printed: " + evaluations);

      browser.open(dashboard.url().resolve("campaigns/" + SmallDemo.CAMPAIGN
          + "/iterations/2/gallery").toString());
      List<WebElement> frames = browser.visible(By.id("gallery"))
          .findElements(By.cssSelector("figure.mined-frame"));
      assertEquals(20, frames.size(), "the mined batch, every frame shown");
      assertFalse(browser.driver().findElements(By.cssSelector("rect.box.labeled")).isEmpty());
      assertFalse(browser.driver().findElements(By.cssSelector("rect.box.predicted")).isEmpty());
      assertFalse(frames.get(0).findElements(By.cssSelector(".reason")).isEmpty(),
          "why the frame was chosen");
      String image = frames.get(0).findElement(By.tagName("image")).getAttribute("href");
      HttpResponse<byte[]> served = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(dashboard.url().resolve(image)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, served.statusCode());
      assertEquals("image/png", served.headers().firstValue("Content-Type").orElse(""));
      browser.screenshot("03-gallery");

      browser.open(dashboard.url().resolve("campaigns/" + SmallDemo.CAMPAIGN).toString());
      browser.visible(By.cssSelector("tr.iteration[data-iteration='2'] a[href*='/runs/']"))
          .click();
      WebElement curves = browser.visible(By.id("training-curves"));
      assertTrue(((Number) ((JavascriptExecutor) browser.driver()).executeScript(
          "return arguments[0].naturalWidth", curves)).intValue() > 0, "the curves are drawn");
      assertEquals(2, browser.driver().findElements(By.cssSelector("#epochs tbody tr")).size(),
          "two epochs");
      browser.screenshot("04-training-run");
    }
  }

  private static List<String> completedStages(HeadlessChromium browser, int iteration) {
    return browser.driver().findElements(By.cssSelector("tr.iteration[data-iteration='"
            + iteration + "'] td.stage.completed")).stream()
        .map(cell -> cell.getAttribute("data-stage")).toList();
  }

  private static double candidateMap(JsonNode evaluations, int iteration) {
    for (JsonNode evaluated : evaluations.path("iterations")) {
      if (evaluated.path("iteration").asInt() == iteration) {
        return evaluated.path("candidate").path("map").asDouble();
      }
    }
    throw new AssertionError("iteration " + iteration + " has no evaluation: " + evaluations);
  }

  private static JsonNode json(URI uri) throws IOException, InterruptedException {
    HttpResponse<String> reply = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, reply.statusCode(), reply.body());
    return Mappers.json().readTree(reply.body());
  }
}
