package io.admlops.workers.dashboard;

import static io.admlops.schemas.db.Tables.EVALUATION_SLICE;
import static io.admlops.workers.dashboard.SeededCampaigns.CAMPAIGN_NAME;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.activities.store.TestDatabase;
import io.admlops.schemas.db.tables.records.EvaluationSliceRecord;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.FrameObject;
import io.admlops.schemas.json.Mappers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard over real HTTP, against a registry and a dataset store holding two weeks of a
 * campaign ({@link SeededCampaigns}): what a user checks on each page and JSON endpoint.
 */
class DashboardServerTest {

  @TempDir static Path dir;

  private static SeededCampaigns seeded;
  private static DashboardServer server;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void seedAndServe() throws IOException {
    seeded = SeededCampaigns.under(dir);
    server = DashboardServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
        seeded.dsl, seeded.store);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void listsEachCampaignWithItsNewestIterationMapAndProductionModel() throws Exception {
    JsonNode campaigns = json("/api/campaigns").path("campaigns");

    JsonNode campaign = byField(campaigns, "name", CAMPAIGN_NAME);
    assertEquals(2, campaigns.size());
    assertEquals("running", campaign.path("status").asText());
    assertEquals("drive", campaign.path("dataset").asText());
    assertEquals(3, campaign.path("iterations").asInt());
    assertEquals(3, campaign.path("latestIteration").asInt());
    assertEquals("annotate", campaign.path("latestStage").asText());
    assertEquals("waiting", campaign.path("latestStatus").asText());
    assertEquals(SeededCampaigns.MAPS[2], campaign.path("latestMap").asDouble());
    assertEquals("tiny:2", campaign.path("production").asText());
    String page = page("/");
    assertTrue(page.contains("<tr class=\"campaign\" data-campaign=\"night-drive\"><td>"
        + "<a href=\"/campaigns/night-drive\">night-drive</a>"), page);
    assertTrue(page.contains("<tr class=\"campaign\" data-campaign=\"quiet\">"), page);
  }

  @Test
  void campaignJsonHoldsEveryIterationsStagesInLoopOrderWithTheirDurations() throws Exception {
    JsonNode campaign = json("/api/campaigns/" + CAMPAIGN_NAME);

    JsonNode iterations = campaign.path("iterations");
    assertEquals(List.of(1, 2, 3), ints(iterations, i -> i.path("number")));
    JsonNode first = iterations.get(0);
    assertEquals(LoopJournal.STAGES, texts(first.path("stages"), s -> s.path("stage")));
    for (JsonNode stage : first.path("stages")) {
      String name = stage.path("stage").asText();
      assertEquals(SeededCampaigns.STAGE_SECONDS.get(name), stage.path("seconds").asLong(),
          name);
      assertEquals(SeededCampaigns.stageStart(1, name).toString(),
          stage.path("startedAt").asText(), name);
    }
    assertEquals("promoted tiny:2 to production",
        first.path("summary").path("outcome").asText());
    assertEquals(seeded.trainingRunOfVersion2, first.path("trainingRun").asLong());
    JsonNode waiting = iterations.get(2).path("stages").get(3);
    assertEquals("annotate", waiting.path("stage").asText());
    assertEquals("waiting", waiting.path("status").asText());
    assertTrue(waiting.path("finishedAt").isNull());
    assertTrue(waiting.path("seconds").asDouble() > 86_400, "waiting since June 2025");
    assertEquals("/api/campaigns/night-drive/evaluations",
        campaign.path("links").path("evaluations").asText());
    assertEquals("/api/campaigns/night-drive/iterations/3/gallery",
        campaign.path("links").path("galleries").path("3").asText());
  }

  @Test
  void timelineShowsEachStagesStatusDurationAndWhatItProduced() throws Exception {
    String page = page("/campaigns/" + CAMPAIGN_NAME);

    String first = between(page, "<tr class=\"iteration\" data-iteration=\"1\">", "</tr>");
    assertTrue(first.contains("<td class=\"stage completed\" data-stage=\"annotate\""), first);
    assertEquals(8, count(first, "<td class=\"stage completed\""));
    assertTrue(cell(first, "annotate").contains("<span class=\"took\">2 d</span>"), first);
    assertTrue(cell(first, "train").contains("<span class=\"took\">3 h</span>"), first);
    assertTrue(cell(first, "mine").contains("2 chosen"), first);
    assertTrue(cell(first, "evaluate").contains("mAP 0.360"), first);
    assertTrue(first.contains("<a href=\"/campaigns/night-drive/iterations/1/gallery\">"), first);
    assertTrue(first.contains("<a href=\"/runs/" + seeded.trainingRunOfVersion2 + "\">"), first);
    String third = between(page, "<tr class=\"iteration\" data-iteration=\"3\">", "</tr>");
    assertTrue(third.contains("<td class=\"stage waiting\" data-stage=\"annotate\""), third);
    assertTrue(third.contains("<td class=\"stage not-reached\" data-stage=\"convert\">"), third);
    assertTrue(third.contains("at annotate"), third);
  }

  @Test
  void mapChartHasOnePointPerEvaluatedIterationForCandidateAndProduction() throws Exception {
    JsonNode evaluated = json("/api/campaigns/" + CAMPAIGN_NAME + "/evaluations")
        .path("iterations");

    assertEquals(List.of(1, 2), ints(evaluated, e -> e.path("iteration")));
    assertEquals(List.of("tiny:2", "tiny:3"),
        texts(evaluated, e -> e.path("candidate").path("model")));
    // Iteration 1 replaced tiny:1, as the production alias' history says; iteration 2 was
    // compared with the tiny:2 it kept.
    assertEquals(List.of("tiny:1", "tiny:2"),
        texts(evaluated, e -> e.path("production").path("model")));
    assertEquals(SeededCampaigns.MAPS[1], evaluated.get(0).path("candidate").path("map")
        .asDouble());
    assertEquals(SeededCampaigns.MAPS[0], evaluated.get(0).path("production").path("map")
        .asDouble());
    assertEquals(SeededCampaigns.MAPS[2], evaluated.get(1).path("candidate").path("map")
        .asDouble());
    String chart = between(page("/campaigns/" + CAMPAIGN_NAME), "id=\"map-overall\"",
        "</figure>");
    assertEquals(2, count(chart, "class=\"point candidate\""), chart);
    assertEquals(2, count(chart, "class=\"point production\""), chart);
    assertTrue(chart.contains("<title>candidate, 2: 0.340</title>"), chart);
  }

  @Test
  void sliceValuesAreTheStoredEvaluationSlices() throws Exception {
    JsonNode evaluated = json("/api/campaigns/" + CAMPAIGN_NAME + "/evaluations");

    assertEquals(List.of("timeofday=daytime", "timeofday=night"),
        texts(evaluated.path("sliceKeys"), Function.identity()));
    JsonNode first = evaluated.path("iterations").get(0);
    for (String model : List.of("candidate", "production")) {
      JsonNode score = first.path(model);
      List<EvaluationSliceRecord> stored = seeded.dsl.selectFrom(EVALUATION_SLICE)
          .where(EVALUATION_SLICE.EVALUATION_ID.eq(score.path("evaluationId").asLong()))
          .fetch();
      assertEquals(2, stored.size());
      for (EvaluationSliceRecord row : stored) {
        JsonNode slice = score.path("slices").path(row.getSliceKey());
        assertEquals(row.getFrameCount(), slice.path("frames").asInt());
        assertEquals(row.getObjectCount(), slice.path("objects").asInt());
        assertEquals(row.getMap(), slice.path("map").isNull() ? null
            : slice.path("map").asDouble(), model + " " + row.getSliceKey());
      }
    }
    assertEquals(SeededCampaigns.NIGHT_MAPS[1],
        first.path("candidate").path("slices").path("timeofday=night").path("map").asDouble());
    String night = between(page("/campaigns/" + CAMPAIGN_NAME),
        "data-slice=\"timeofday=night\"", "</figure>");
    assertEquals(2, count(night, "class=\"point candidate\""), night);
    // tiny:1 had no night object to be measured on: a gap, not a zero.
    assertEquals(1, count(night, "class=\"point production\""), night);
  }

  @Test
  void perClassApComparesTheNewestCandidateWithTheProductionModel() throws Exception {
    String table = between(page("/campaigns/" + CAMPAIGN_NAME), "<table id=\"per-class-ap\">",
        "</table>");

    String car = between(table, "<tr class=\"class-ap\" data-class=\"car\">", "</tr>");
    assertTrue(car.contains(">0.450</td>"), car);
    assertTrue(car.contains(">0.470</td>"), car);
    assertTrue(car.contains(">-0.020</td>"), car);
    assertTrue(table.contains("data-class=\"pedestrian\""), table);
    JsonNode newest = json("/api/campaigns/" + CAMPAIGN_NAME + "/evaluations")
        .path("iterations").get(1);
    assertEquals(SeededCampaigns.CAR_APS[2],
        newest.path("candidate").path("perClassAp").path("car").asDouble());
  }

  @Test
  void datasetGrowthCountsFramesPerConditionAndObjectsPerClassOfEachVersion()
      throws Exception {
    JsonNode datasets = json("/api/campaigns/" + CAMPAIGN_NAME + "/datasets");

    assertEquals("drive", datasets.path("dataset").asText());
    JsonNode versions = datasets.path("versions");
    assertEquals(List.of(1, 2, 3), ints(versions, v -> v.path("version")));
    assertEquals(List.of(8, 10, 11), ints(versions, v -> v.path("frames")));
    assertEquals(2, versions.get(2).path("parent").asInt());
    List<Frame> v2 = Stream.concat(seeded.v1Frames.stream(),
        seeded.labeledInIteration1.stream()).toList();
    for (int v = 0; v < 2; v++) {
      List<Frame> frames = v == 0 ? seeded.v1Frames : v2;
      assertEquals(countBy(frames, f -> f.scene().timeOfDay()),
          map(versions.get(v).path("framesByTimeOfDay")), "v" + (v + 1));
      assertEquals(countBy(frames, f -> f.scene().weather()),
          map(versions.get(v).path("framesByWeather")), "v" + (v + 1));
      Map<String, Integer> classes = new TreeMap<>();
      frames.forEach(f -> f.objects().forEach(o -> classes.merge(o.category(), 1,
          Integer::sum)));
      assertEquals(classes, map(versions.get(v).path("objectsByClass")), "v" + (v + 1));
    }
    String page = page("/campaigns/" + CAMPAIGN_NAME);
    String growth = between(page, "id=\"dataset-growth\"", "</figure>");
    assertEquals(3, count(growth, "class=\"point frames\""), growth);
    assertTrue(page.contains("id=\"composition-timeofday\""), page);
    assertTrue(page.contains("id=\"composition-classes\""), page);
  }

  @Test
  void batchesShowWhatWasRequestedWhatCameBackAndWhatQaDecided() throws Exception {
    JsonNode batches = json("/api/campaigns/" + CAMPAIGN_NAME + "/batches").path("batches");

    assertEquals(List.of("lb-000000000001", "lb-000000000002", "lb-000000000003"),
        texts(batches, b -> b.path("batch")));
    assertEquals(List.of("accepted", "accepted", "requested"),
        texts(batches, b -> b.path("status")));
    assertEquals(List.of(0, 1, 0), ints(batches, b -> b.path("reworkCount")));
    assertEquals(List.of(2, 1, 1), ints(batches, b -> b.path("frames")));
    assertEquals("ACCEPT", batches.get(0).path("qaReport").path("decision").asText());
    assertTrue(batches.get(2).path("returnedAt").isNull());
    String row = between(page("/campaigns/" + CAMPAIGN_NAME),
        "<tr class=\"batch\" data-batch=\"lb-000000000002\">", "</tr>");
    assertTrue(row.contains("<strong>accepted</strong>: 1 of 1 frames labeled, 4 boxes"), row);
    assertTrue(row.contains("<td class=\"num\">1</td>"), row);
  }

  @Test
  void galleryDrawsTheDetectionsAndTheAcceptedLabelsOverEachMinedFrame() throws Exception {
    JsonNode gallery = json("/api/campaigns/" + CAMPAIGN_NAME + "/iterations/1/gallery");

    assertTrue(gallery.path("labelsAccepted").asBoolean());
    JsonNode frames = gallery.path("frames");
    assertEquals(seeded.minedInIteration1.stream().map(Frame::id).toList(),
        texts(frames, f -> f.path("id")));
    assertEquals(List.of("uncertain", "rare:night"),
        texts(frames.get(0).path("reasons"), Function.identity()));
    int predicted = 0;
    int labeled = 0;
    for (int i = 0; i < frames.size(); i++) {
      List<FrameObject> detections = seeded.minedInIteration1.get(i).objects();
      List<FrameObject> labels = seeded.labeledInIteration1.get(i).objects();
      JsonNode frame = frames.get(i);
      assertEquals(detections.size(), frame.path("predicted").size());
      assertEquals(labels.size(), frame.path("labeled").size());
      for (int b = 0; b < detections.size(); b++) {
        JsonNode box = frame.path("predicted").get(b);
        assertEquals(detections.get(b).box().x1(), box.path("x1").asDouble());
        assertEquals(0.62, box.path("score").asDouble());
      }
      predicted += detections.size();
      labeled += labels.size();
    }
    assertTrue(predicted > 0 && labeled > 0, "the generated frames hold objects");
    byte[] image = get(frames.get(0).path("image").asText()).body();
    assertArrayEquals(Files.readAllBytes(Path.of(seeded.labeledInIteration1.get(0).image()
        .uri())), image);
    String page = page("/campaigns/" + CAMPAIGN_NAME + "/iterations/1/gallery");
    assertEquals(2, count(page, "<figure class=\"mined-frame\""));
    assertEquals(predicted, count(page, "<rect class=\"box predicted\""));
    assertEquals(labeled, count(page, "<rect class=\"box labeled\""));
    assertEquals(2, count(page, "<image href=\"/frames/collected/night-drive/iteration-1/"));
    assertTrue(page.contains("<span class=\"reason\">rare:night</span>"), page);
  }

  @Test
  void galleryOfAnIterationWaitingForLabelsSaysTheyAreAwaited() throws Exception {
    JsonNode gallery = json("/api/campaigns/" + CAMPAIGN_NAME + "/iterations/3/gallery");

    assertFalse(gallery.path("labelsAccepted").asBoolean());
    assertEquals("labels for batch lb-000000000003 are awaited",
        gallery.path("labelsMissing").asText());
    assertEquals(1, gallery.path("frames").size());
    assertTrue(gallery.path("frames").get(0).path("labeled").isNull());
    String page = page("/campaigns/" + CAMPAIGN_NAME + "/iterations/3/gallery");
    assertTrue(page.contains("<p class=\"note\" id=\"labels-missing\">No labels drawn: labels "
        + "for batch lb-000000000003 are awaited.</p>"), page);
    assertEquals(0, count(page, "<rect class=\"box labeled\""));
  }

  @Test
  void galleryNamesTheManifestsMissingFromTheStore() throws Exception {
    JsonNode gallery = json("/api/campaigns/" + CAMPAIGN_NAME + "/iterations/2/gallery");

    assertEquals(List.of(
        "mined/night-drive/iteration-2/frames.jsonl: no such file in the dataset store",
        "labeled/lb-000000000002/frames.jsonl: no such file in the dataset store"),
        texts(gallery.path("problems"), Function.identity()));
    assertTrue(page("/campaigns/" + CAMPAIGN_NAME + "/iterations/2/gallery")
        .contains("id=\"gallery-problems\""));
  }

  @Test
  void aCampaignStillCollectingSaysWhatIsNotThereYet() throws Exception {
    String page = page("/campaigns/" + SeededCampaigns.QUIET);

    assertTrue(page.contains("<tr class=\"iteration\" data-iteration=\"1\">"), page);
    assertTrue(page.contains("<td class=\"stage running\" data-stage=\"collect\""), page);
    assertTrue(page.contains("id=\"no-evaluations\">No iteration has been evaluated yet"), page);
    assertTrue(page.contains("id=\"no-versions\">The registry holds no version of dataset "
        + "empty yet.</p>"), page);
    assertTrue(page.contains("id=\"no-batches\""), page);
    String gallery = page("/campaigns/" + SeededCampaigns.QUIET + "/iterations/1/gallery");
    assertTrue(gallery.contains("<section class=\"empty\" id=\"gallery-empty\"><p>Iteration 1 "
        + "has not mined yet: it is at stage collect.</p></section>"), gallery);
  }

  @Test
  void aRegistryWithoutCampaignsSaysHowToStartOne() throws Exception {
    try (DashboardServer empty = DashboardServer.start(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
        TestDatabase.freshRegistry().dsl(), dir.resolve("empty-store"))) {
      HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(empty.url()).build(),
          HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> api = HTTP.send(HttpRequest.newBuilder(
          empty.url().resolve("/api/campaigns")).build(), HttpResponse.BodyHandlers.ofString());

      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("id=\"no-campaigns\"><p>No campaigns yet. Start one with "
          + "<code>admlops campaign start --config FILE</code>"), page.body());
      assertEquals("{\"campaigns\":[]}", api.body());
    }
  }

  @Test
  void trainingRunPageShowsItsCurvesAndEpochs() throws Exception {
    long run = seeded.trainingRunOfVersion2;

    String page = page("/runs/" + run);
    HttpResponse<byte[]> curves = get("/runs/" + run + "/curves.svg");
    JsonNode json = json("/api/runs/" + run);

    assertTrue(page.contains("<img class=\"curves\" id=\"training-curves\" src=\"/runs/" + run
        + "/curves.svg\""), page);
    assertEquals(3, count(page, "<tr class=\"epoch\""));
    assertEquals(200, curves.statusCode());
    assertEquals("image/svg+xml; charset=utf-8",
        curves.headers().firstValue("Content-Type").orElseThrow());
    String svg = new String(curves.body(), StandardCharsets.UTF_8);
    for (String panel : List.of(">Loss<", ">Learning rate<", ">Validation mAP<",
        ">Throughput<")) {
      assertTrue(svg.contains(panel), panel);
    }
    assertEquals("train-tiny-b", json.path("runKey").asText());
    assertEquals(List.of(1, 2, 3), ints(json.path("epochs"), e -> e.path("epoch")));
  }

  @Test
  void frameImagesAreServedOnlyFromInsideTheDatasetStore() throws Exception {
    Path image = Path.of(seeded.labeledInIteration1.get(0).image().uri());
    Path outside = Files.copy(image, dir.resolve("outside.png"));
    Files.createSymbolicLink(seeded.store.resolve("collected/link.png"), outside);
    String inside = "/frames/" + seeded.store.relativize(image).toString().replace('\\', '/');

    assertEquals(200, rawStatus(inside));
    assertEquals(403, rawStatus("/frames/../outside.png"));
    assertEquals(403, rawStatus("/frames/%2e%2e/outside.png"));
    assertEquals(403, rawStatus("/frames/collected/%2e%2e/%2e%2e/outside.png"));
    assertEquals(403, rawStatus("/frames/" + dir.resolve("outside.png")));
    assertEquals(403, rawStatus("/frames/collected/link.png"));
    assertEquals(403, rawStatus("/frames/mined/night-drive/iteration-1/frames.jsonl"));
    assertEquals(404, rawStatus("/frames/collected/none.png"));
  }

  @Test
  void unknownCampaignsIterationsAndRunsAre404sThatSayWhatExists() throws Exception {
    HttpResponse<byte[]> page = get("/campaigns/nope");
    JsonNode api = Mappers.json().readTree(get("/api/campaigns/nope").body());
    HttpResponse<byte[]> iteration = get("/api/campaigns/" + CAMPAIGN_NAME
        + "/iterations/9/gallery");
    HttpResponse<byte[]> run = get("/api/runs/999999");

    assertEquals(404, page.statusCode());
    assertTrue(new String(page.body(), StandardCharsets.UTF_8)
        .contains("no campaign named &#39;nope&#39;; the campaigns are "));
    assertTrue(api.path("error").asText().startsWith("no campaign named 'nope'; the campaigns "
        + "are "), api.toString());
    assertTrue(api.path("error").asText().contains(CAMPAIGN_NAME), api.toString());
    assertEquals(404, iteration.statusCode());
    assertEquals("campaign night-drive has no iteration 9; its iterations are 1 to 3",
        Mappers.json().readTree(iteration.body()).path("error").asText());
    assertEquals(404, run.statusCode());
    assertEquals("no training run with id 999999",
        Mappers.json().readTree(run.body()).path("error").asText());
    assertEquals(404, get("/nothing/here").statusCode());
  }

  @Test
  void answersOnlyGet() throws Exception {
    HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(
            server.url().resolve("/api/campaigns")).POST(HttpRequest.BodyPublishers.noBody())
        .build(), HttpResponse.BodyHandlers.ofString());

    assertEquals(405, post.statusCode());
    assertEquals("GET", post.headers().firstValue("Allow").orElseThrow());
  }

  private static JsonNode json(String path) throws Exception {
    HttpResponse<byte[]> response = get(path);
    assertEquals(200, response.statusCode(), path);
    assertEquals("application/json; charset=utf-8",
        response.headers().firstValue("Content-Type").orElseThrow(), path);
    return Mappers.json().readTree(response.body());
  }

  private static String page(String path) throws Exception {
    HttpResponse<byte[]> response = get(path);
    assertEquals(200, response.statusCode(), path);
    assertEquals("text/html; charset=utf-8",
        response.headers().firstValue("Content-Type").orElseThrow(), path);
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  private static HttpResponse<byte[]> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(server.url().resolve(path)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** The status of a request sent byte for byte, so no client tidies the path first. */
  private static int rawStatus(String path) throws IOException {
    URI url = server.url();
    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: " + url.getHost()
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      Matcher status = Pattern.compile("^HTTP/1\\.1 (\\d{3}) ").matcher(response);
      assertTrue(status.find(), response);
      return Integer.parseInt(status.group(1));
    }
  }

  private static JsonNode byField(JsonNode array, String field, String value) {
    for (JsonNode item : array) {
      if (item.path(field).asText().equals(value)) {
        return item;
      }
    }
    throw new AssertionError("no item with " + field + " " + value + " in " + array);
  }

  private static List<Integer> ints(JsonNode array, Function<JsonNode, JsonNode> field) {
    List<Integer> values = new ArrayList<>();
    array.forEach(item -> values.add(field.apply(item).asInt()));
    return values;
  }

  private static List<String> texts(JsonNode array, Function<JsonNode, JsonNode> field) {
    List<String> values = new ArrayList<>();
    array.forEach(item -> values.add(field.apply(item).asText()));
    return values;
  }

  private static Map<String, Integer> map(JsonNode object) {
    Map<String, Integer> values = new TreeMap<>();
    object.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asInt()));
    return values;
  }

  private static Map<String, Integer> countBy(List<Frame> frames,
      Function<Frame, String> condition) {
    Map<String, Integer> counts = new TreeMap<>();
    frames.forEach(f -> counts.merge(condition.apply(f) == null ? DatasetGrowth.UNKNOWN
        : condition.apply(f), 1, Integer::sum));
    return counts;
  }

  /** The text from the first occurrence of start to the next occurrence of end after it. */
  private static String between(String text, String start, String end) {
    int from = text.indexOf(start);
    assertTrue(from >= 0, "no " + start + " in " + text);
    int to = text.indexOf(end, from);
    assertTrue(to >= 0, "no " + end + " after " + start);
    return text.substring(from, to + end.length());
  }

  /** A stage's cell of a timeline row. */
  private static String cell(String row, String stage) {
    return between(row, "data-stage=\"" + stage + "\"", "</td>");
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      n++;
    }
    return n;
  }
}
