package io.admlops.workers.cli;

import static io.admlops.schemas.db.Tables.ANNOTATION_BATCH;
import static io.admlops.schemas.db.Tables.CAMPAIGN;
import static io.admlops.schemas.db.Tables.ITERATION;
import static io.admlops.schemas.db.Tables.ITERATION_STAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.activities.store.EmbeddedPostgresServer;
import io.admlops.activities.store.RegistryDatabase;
import io.admlops.workers.demo.SmallDemo;
import io.admlops.schemas.json.Mappers;
import io.admlops.workers.stack.StackSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo end to end: an embedded PostgreSQL and Temporal service, workers on every queue
 * polling over gRPC, the campaign and iteration workflows, every stage's activity, and the
 * simulated vendor answering through the signed webhook, on a campaign small enough for a
 * test; then the loop journal it left in the registry.
 */
class DemoCommandTest {

  @TempDir Path dir;

  @Test
  void aSmallCampaignRunsEveryStageThroughRealWorkersAndTheSimulatedVendorsWebhook()
      throws IOException {
    Path home = dir.resolve("home");
    Path summaryFile = dir.resolve("summary.json");

    CliRun run = CliRun.of("demo", "--config", smallDemo().toString(), "--iterations", "1",
        "--home", home.toString(), "--summary", summaryFile.toString(), "--dashboard",
        "127.0.0.1:0");

    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("seeded drive:1 with 120 labeled frames"), run.out());
    assertTrue(run.out().contains("Where to look next:"), run.out());
    assertTrue(run.out().matches("(?s).*dashboard http://127\\.0\\.0\\.1:\\d+/campaigns/"
        + SmallDemo.CAMPAIGN + " .*"), run.out());
    JsonNode iterations = Mappers.json().readTree(summaryFile.toFile()).path("iterations");
    assertEquals(2, iterations.size(), iterations.toString());

    JsonNode first = iterations.get(0);
    assertEquals("drive:1", first.path("datasetVersion").asText());
    assertEquals("centernet-e2e:1", first.path("model").asText());
    assertTrue(first.path("promoted").asBoolean(), "the first model has no production to beat");
    assertTrue(first.path("map").isNumber());

    JsonNode second = iterations.get(1);
    assertEquals(100, second.path("collected").asInt());
    assertEquals(20, second.path("mined").asInt());
    assertEquals(20, second.path("labeled").asInt(), second.toString());
    assertEquals("drive:2", second.path("datasetVersion").asText());
    assertEquals("centernet-e2e:2", second.path("model").asText());
    assertTrue(second.path("slices").has("night"), second.toString());
    assertTrue(second.path("slices").has("foggy"), second.toString());
    // Promoted or kept, the production model after the iteration says which it was.
    assertEquals(second.path("promoted").asBoolean() ? "centernet-e2e:2" : "centernet-e2e:1",
        second.path("production").asText());

    Path datasets = home.resolve("datasets");
    Path job = onlyFolder(datasets.resolve("outbox"));
    try (Stream<Path> answers = Files.list(job.resolve("simulated-vendor"))) {
      List<String> names = answers.map(p -> p.getFileName().toString()).sorted().toList();
      assertEquals(List.of(job.getFileName() + "-attempt-0.delivered.json",
          job.getFileName() + "-attempt-0.labelstudio.json"), names);
    }
    // What was accepted is the generator's ground truth of exactly the frames sent out.
    Map<String, Integer> truth = objectsPerFrame(Files.walk(datasets.resolve("ground-truth"))
        .filter(p -> p.getFileName().toString().equals("frames.jsonl")).toList());
    Map<String, Integer> labeled = objectsPerFrame(List.of(
        datasets.resolve("labeled").resolve(job.getFileName()).resolve("frames.jsonl")));
    assertEquals(20, labeled.size());
    labeled.forEach((frame, objects) -> assertEquals(truth.get(frame), objects, frame));

    assertLoopJournal(home, job.getFileName().toString());
  }

  /**
   * The loop journal as the dashboard reads it after the demo, from the demo's own registry:
   * the finished campaign, its two iterations with every stage they ran and how long it took,
   * and the accepted labeling batch.
   */
  private static void assertLoopJournal(Path home, String batch) throws IOException {
    Path data = StackSettings.resolve(null, null, null, Map.of("ADMLOPS_HOME",
        home.toString())).postgresData();
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data)) {
      DSLContext dsl = RegistryDatabase.open(server.target()).dsl();
      Record campaign = dsl.selectFrom(CAMPAIGN).fetchSingle();
      assertEquals("demo-e2e", campaign.get(CAMPAIGN.NAME));
      assertEquals("completed", campaign.get(CAMPAIGN.STATUS));
      assertEquals("drive", Mappers.json().readTree(campaign.get(CAMPAIGN.CONFIG).data())
          .path("dataset").asText());

      List<? extends Record> iterations = dsl.selectFrom(ITERATION)
          .orderBy(ITERATION.NUMBER).fetch();
      assertEquals(2, iterations.size());
      for (Record iteration : iterations) {
        assertEquals("completed", iteration.get(ITERATION.STATUS));
        assertEquals("done", iteration.get(ITERATION.STAGE));
      }
      JsonNode summary = Mappers.json().readTree(iterations.get(1).get(ITERATION.SUMMARY).data());
      assertEquals(20, summary.path("labeled").asInt());
      assertEquals("drive:2", summary.path("datasetVersion").asText());

      // The first model only trains; the loop iteration runs every stage.
      assertEquals(List.of("skipped", "skipped", "skipped", "skipped", "skipped", "completed",
          "completed", "completed"), statuses(dsl, iterations.get(0)));
      long second = iterations.get(1).get(ITERATION.ID);
      assertEquals(Collections.nCopies(8, "completed"), statuses(dsl, iterations.get(1)));
      for (Record stage : dsl.selectFrom(ITERATION_STAGE)
          .where(ITERATION_STAGE.ITERATION_ID.eq(second)).fetch()) {
        OffsetDateTime started = stage.get(ITERATION_STAGE.STARTED_AT);
        OffsetDateTime finished = stage.get(ITERATION_STAGE.FINISHED_AT);
        assertFalse(finished.isBefore(started), stage::toString);
      }
      assertTrue(duration(dsl, second, "train").toMillis() > 0);
      assertTrue(duration(dsl, second, "annotate").toSeconds() >= 1, "the vendor took 1 s");
      JsonNode annotate = detail(dsl, second, "annotate");
      assertEquals(batch, annotate.path("batch").asText());
      assertEquals("labeled/" + batch + "/frames.jsonl", annotate.path("accepted").asText());
      assertEquals(100, detail(dsl, second, "collect").path("frames").asInt());
      assertEquals(20, detail(dsl, second, "mine").path("chosen").asInt());
      assertEquals("benchmark:1", detail(dsl, second, "evaluate").path("benchmark").asText());

      Record labeling = dsl.selectFrom(ANNOTATION_BATCH).fetchSingle();
      assertEquals(batch, labeling.get(ANNOTATION_BATCH.BATCH_KEY));
      assertEquals(second, labeling.get(ANNOTATION_BATCH.ITERATION_ID));
      assertEquals("accepted", labeling.get(ANNOTATION_BATCH.STATUS));
      assertEquals("simulated", labeling.get(ANNOTATION_BATCH.VENDOR));
      assertEquals("labelstudio", labeling.get(ANNOTATION_BATCH.RETURN_FORMAT));
      assertEquals("ACCEPT", Mappers.json().readTree(labeling.get(ANNOTATION_BATCH.QA_REPORT)
          .data()).path("decision").asText());
    }
  }

  /** The statuses of an iteration's stages, collect to deploy. */
  private static List<String> statuses(DSLContext dsl, Record iteration) {
    Map<String, String> byStage = new HashMap<>();
    dsl.selectFrom(ITERATION_STAGE)
        .where(ITERATION_STAGE.ITERATION_ID.eq(iteration.get(ITERATION.ID)))
        .forEach(r -> byStage.put(r.get(ITERATION_STAGE.STAGE), r.get(ITERATION_STAGE.STATUS)));
    return Stream.of("collect", "analyze", "mine", "annotate", "convert", "train", "evaluate",
        "deploy").map(byStage::get).toList();
  }

  private static Record stage(DSLContext dsl, long iteration, String stage) {
    return dsl.selectFrom(ITERATION_STAGE).where(ITERATION_STAGE.ITERATION_ID.eq(iteration),
        ITERATION_STAGE.STAGE.eq(stage)).fetchSingle();
  }

  private static Duration duration(DSLContext dsl, long iteration, String name) {
    Record row = stage(dsl, iteration, name);
    return Duration.between(row.get(ITERATION_STAGE.STARTED_AT),
        row.get(ITERATION_STAGE.FINISHED_AT));
  }

  private static JsonNode detail(DSLContext dsl, long iteration, String name)
      throws IOException {
    return Mappers.json().readTree(stage(dsl, iteration, name).get(ITERATION_STAGE.DETAIL)
        .data());
  }

  @Test
  void aHomeTheDemoDidNotMakeIsLeftAloneAndRefused() throws IOException {
    Path notes = Files.writeString(dir.resolve("notes.txt"), "mine\n");

    CliRun run = CliRun.of("demo", "--config", smallDemo().toString(), "--home",
        dir.toString());

    assertEquals(2, run.exitCode());
    assertEquals("admlops: " + dir + " holds files no demo made; the demo empties its home "
        + "at every run, so pass --home with a new or empty folder", run.err().strip());
    assertEquals("mine\n", Files.readString(notes));
  }

  @Test
  void aDemoSectionWithoutItsSeedDriveIsRefusedNamingTheField() throws IOException {
    Path config = Files.writeString(dir.resolve("broken.yaml"),
        Files.readString(smallDemo()).replaceAll("(?m)^  seed: .*$", ""));

    CliRun run = CliRun.of("demo", "--config", config.toString(), "--home",
        dir.resolve("home").toString());

    assertEquals(2, run.exitCode());
    assertEquals("admlops: " + config + ": field 'demo.seed.mix' is missing or not text",
        run.err().strip());
    assertFalse(Files.exists(dir.resolve("home")));
  }

  private Path smallDemo() throws IOException {
    return SmallDemo.write(dir);
  }

  private static Path onlyFolder(Path parent) throws IOException {
    try (Stream<Path> children = Files.list(parent)) {
      List<Path> folders = children.filter(Files::isDirectory).toList();
      assertEquals(1, folders.size(), folders.toString());
      return folders.get(0);
    }
  }

  private static Map<String, Integer> objectsPerFrame(List<Path> manifests) throws IOException {
    Map<String, Integer> objects = new HashMap<>();
    for (Path manifest : manifests) {
      for (String line : Files.readAllLines(manifest)) {
        if (!line.isBlank()) {
          JsonNode frame = Mappers.json().readTree(line);
          objects.put(frame.path("id").asText(), frame.path("objects").size());
        }
      }
    }
    return objects;
  }
}
