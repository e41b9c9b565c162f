package io.admlops.workers.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.activities.store.DatabaseTarget;
import io.admlops.activities.store.RegistryDatabase;
import io.admlops.activities.store.TestDatabase;
import io.admlops.activities.train.SampleRuns;
import io.admlops.activities.train.TrainingRunLog;
import io.admlops.schemas.json.Mappers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code admlops run show} on a registry holding a three-epoch run, as a user reads it. */
class RunCommandTest {

  @TempDir Path dir;
  private String dbUrl;
  private long runId;

  @BeforeEach
  void registryWithARecordedRun() {
    DatabaseTarget target = TestDatabase.freshSchema();
    dbUrl = target.jdbcUrl() + "&user=" + target.user()
        + (target.password() == null ? "" : "&password=" + target.password());
    DSLContext dsl = RegistryDatabase.open(target).dsl();
    TrainingRunLog log = new TrainingRunLog(dsl);
    long fleetV2 = SampleRuns.datasetVersion(dsl, "fleet", 2);
    runId = log.begin("iter-3-train", "centernet-r18", fleetV2, "{}", 42, "gpu(0)");
    log.recordEpoch(runId, SampleRuns.centerNetEpoch(1, 2.5, null));
    log.recordEpoch(runId, SampleRuns.centerNetEpoch(2, 1.5, 0.125));
    log.recordEpoch(runId, SampleRuns.centerNetEpoch(3, 1.0, 0.25));
    log.finish(runId, true);
  }

  @Test
  void showsEachEpochAsATableRowAndWritesTheSvgPlot() throws Exception {
    Path svg = dir.resolve("curves.svg");

    CliRun show = show("iter-3-train", "--plot", svg.toString());

    assertEquals(0, show.exitCode(), show.err());
    List<String> lines = show.out().lines().toList();
    assertEquals("run " + runId + " iter-3-train: centernet-r18 on fleet:v2", lines.get(0));
    assertTrue(lines.get(1).startsWith("completed on gpu(0), seed 42, started "), lines.get(1));
    assertEquals(List.of("epoch", "step", "loss", "heatmap", "offset", "size", "lr",
        "images/s", "val", "mAP", "checkpoint"), words(lines.get(2)));
    assertEquals(List.of("2", "1000", "1.5000", "0.9000", "0.1500", "0.4500", "8.10e-04",
        "42.5", "0.1250", "file:///modelzoo/run/epoch-2.params"), words(lines.get(4)));
    assertEquals("-", words(lines.get(3)).get(8));
    assertEquals("plot: " + svg, lines.get(6));
    assertEquals(7, lines.size());
    String plot = Files.readString(svg);
    assertTrue(plot.startsWith("<?xml"), plot);
    assertEquals(7, plot.split("<polyline ").length - 1, plot);
  }

  @Test
  void findsTheRunByItsIdAndWritesAPngWhenAsked() throws Exception {
    Path png = dir.resolve("curves.png");

    CliRun show = show(Long.toString(runId), "--plot", png.toString());

    assertEquals(0, show.exitCode(), show.err());
    assertTrue(show.out().startsWith("run " + runId + " iter-3-train:"), show.out());
    assertNotNull(ImageIO.read(png.toFile()), "not an image ImageIO reads");
  }

  @Test
  void printsTheRunAsJsonWithoutAPlot() throws Exception {
    CliRun show = show("iter-3-train", "--json");

    assertEquals(0, show.exitCode(), show.err());
    JsonNode run = Mappers.json().readTree(show.out());
    assertEquals("fleet:v2", run.get("datasetVersion").asText());
    assertEquals(3, run.get("epochs").size());
    assertEquals(0.25, run.get("epochs").get(2).get("valMap").asDouble());
    assertEquals(List.of(), listed(dir));
  }

  @Test
  void anUnknownRunIsAUserError() {
    CliRun show = show("no-such-run", "--no-plot");

    assertEquals(2, show.exitCode());
    assertEquals("admlops: no training run 'no-such-run'\n", show.err());
    assertEquals("", show.out());
  }

  @Test
  void aPlotFileOfAnotherFormatIsRefusedBeforeTheDatabaseIsOpened() {
    CliRun show = CliRun.of("run", "show", "1", "--plot", "curves.pdf", "--db-url",
        "jdbc:postgresql://127.0.0.1:1/unreachable");

    assertEquals(2, show.exitCode());
    assertTrue(show.err().contains("curves.pdf: expected a name ending in .svg or .png"),
        show.err());
  }

  @Test
  void noPlotWritesTheTableOnly() throws Exception {
    CliRun show = show("iter-3-train", "--no-plot");

    assertEquals(0, show.exitCode(), show.err());
    assertFalse(show.out().contains("plot:"), show.out());
  }

  private CliRun show(String... args) {
    List<String> full = new ArrayList<>(List.of("run", "show"));
    full.addAll(List.of(args));
    full.addAll(List.of("--db-url", dbUrl));
    return CliRun.of(full.toArray(String[]::new));
  }

  private static List<String> words(String line) {
    return List.of(line.trim().split("\\s+"));
  }

  private static List<Path> listed(Path folder) throws Exception {
    try (var files = Files.list(folder)) {
      return files.toList();
    }
  }
}
