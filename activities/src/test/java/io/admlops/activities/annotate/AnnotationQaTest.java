package io.admlops.activities.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.admlops.schemas.json.Mappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnotationQaTest {

  @TempDir Path dir;
  private LabelingBatches.Batch batch;
  private Path export;

  @BeforeEach
  void returnGroundTruth() throws IOException {
    batch = LabelingBatches.write(dir, "b-1", 4, 13);
    export = batch.vendor().labelStudioExport(batch.jobFolder(), LabelErrors.NONE,
        dir.resolve("export.json")).file();
  }

  @Test
  void aRequestedFrameWithoutLabelsSendsTheBatchBackNamingIt() throws IOException {
    edit(tasks -> ((ObjectNode) tasks.get(2)).putArray("annotations"));

    QaReport report = qa();

    assertEquals(QaReport.Decision.REWORK, report.decision());
    String missing = batch.job().frames().get(2).id();
    assertEquals(List.of(missing), report.missingFrames());
    assertEquals(List.of("1 of 4 requested frames have no labels: " + missing),
        report.reasons());
  }

  @Test
  void aClassOutsideTheTaxonomySendsTheBatchBackWithItsLocation() throws IOException {
    int task = busiestTask();
    edit(tasks -> ((ArrayNode) result(tasks, task).get(0).path("value")
        .path("rectanglelabels")).set(0, "dog"));

    QaReport report = qa();

    assertEquals(QaReport.Decision.REWORK, report.decision());
    assertEquals(1, report.reasons().size(), report.summary());
    assertTrue(report.reasons().get(0).startsWith(export + "#/" + task
        + "/annotations/0/result/0/value/"
        + "rectanglelabels/0: error: class 'dog' is not in the dataset's classes"),
        report.reasons().get(0));
  }

  @Test
  void aBoxOutsideTheImageSendsTheBatchBackWithItsLocation() throws IOException {
    int task = busiestTask();
    edit(tasks -> ((ObjectNode) result(tasks, task).get(0).path("value")).put("x", 120.0));

    QaReport report = qa();

    assertEquals(QaReport.Decision.REWORK, report.decision());
    assertTrue(report.reasons().get(0).startsWith(export + "#/" + task
        + "/annotations/0/result/0/value: "
        + "error: box ("), report.reasons().get(0));
    assertTrue(report.reasons().get(0).endsWith("lies outside the 384x128 image"),
        report.reasons().get(0));
  }

  @Test
  void aDegenerateBoxSendsTheBatchBack() throws IOException {
    int task = busiestTask();
    edit(tasks -> ((ObjectNode) result(tasks, task).get(0).path("value")).put("width", 0.0));

    QaReport report = qa();

    assertEquals(QaReport.Decision.REWORK, report.decision());
    assertTrue(report.reasons().get(0).contains("has zero or negative size"),
        report.reasons().get(0));
  }

  @Test
  void labelsForAFrameNotInTheBatchAreNamedButAccepted() throws IOException {
    edit(tasks -> {
      ObjectNode stranger = ((ArrayNode) tasks).addObject();
      stranger.putObject("data").put("frame_id", "seq-999999/000000");
      stranger.putArray("annotations").addObject().putArray("result");
    });

    QaReport report = qa();

    assertEquals(QaReport.Decision.ACCEPT, report.decision(), report.summary());
    assertEquals(List.of(new UnexpectedFrame("seq-999999/000000",
        export + "#/4/data/frame_id")), report.unexpectedFrames());
  }

  @Test
  void reportIsWrittenAsJsonAndSummarizedInAFewLines() throws IOException {
    edit(tasks -> ((ObjectNode) tasks.get(0)).putArray("annotations"));
    QaReport report = qa();
    Path json = dir.resolve("qa.json");

    report.writeJson(json);

    JsonNode written = Mappers.json().readTree(json.toFile());
    assertEquals("REWORK", written.path("decision").asText());
    assertEquals(4, written.path("requestedFrames").asInt());
    assertEquals(3, written.path("labeledFrames").asInt());
    assertEquals(0.2, written.path("policy").path("maxFlaggedShare").asDouble());
    String summary = report.summary();
    assertTrue(summary.startsWith("Labeling batch b-1 (labelstudio, " + export + "): REWORK\n"
        + "  4 frames requested, 3 labeled with "), summary);
    assertTrue(summary.contains("Reasons:\n  - 1 of 4 requested frames have no labels: "),
        summary);
  }

  private QaReport qa() throws IOException {
    return new AnnotationQa(QaPolicy.DEFAULTS).check(ReturnFormat.LABEL_STUDIO.read(
        export.toString(), batch.jobFolder(), batch.standard()));
  }

  private void edit(Consumer<JsonNode> change) throws IOException {
    JsonNode tasks = Mappers.json().readTree(export.toFile());
    change.accept(tasks);
    Files.writeString(export, Mappers.json().writeValueAsString(tasks));
  }

  /** The task with the most boxes, where one wrong box leaves the rest in agreement. */
  private int busiestTask() throws IOException {
    JsonNode tasks = Mappers.json().readTree(export.toFile());
    int busiest = 0;
    for (int i = 1; i < tasks.size(); i++) {
      if (result(tasks, i).size() > result(tasks, busiest).size()) {
        busiest = i;
      }
    }
    return busiest;
  }

  private static JsonNode result(JsonNode tasks, int task) {
    return tasks.get(task).path("annotations").get(0).path("result");
  }
}
