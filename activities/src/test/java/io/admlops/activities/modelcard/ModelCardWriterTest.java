package io.admlops.activities.modelcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admlops.activities.datasets.DatasetRegistry;
import io.admlops.activities.datasets.DatasetStore;
import io.admlops.activities.datasets.FrameSource;
import io.admlops.activities.datasets.Split;
import io.admlops.activities.modelzoo.ModelAliases;
import io.admlops.activities.modelzoo.ModelVersion;
import io.admlops.activities.modelzoo.SampleVersions;
import io.admlops.activities.store.RegistryDatabase;
import io.admlops.activities.store.TestDatabase;
import io.admlops.activities.train.GeneratedFrames;
import io.admlops.schemas.frame.Frame;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model card a registered version gets, on 24 generated frames: a production version and
 * a candidate that is weaker at night and in the rain than production.
 */
class ModelCardWriterTest {

  @TempDir Path dir;
  private DSLContext dsl;
  private DatasetRegistry datasets;
  private List<Frame> frames;
  private long driveV1;

  @BeforeEach
  void registryWithADataset() throws Exception {
    RegistryDatabase database = TestDatabase.freshRegistry();
    dsl = database.dsl();
    datasets = new DatasetRegistry(database, new DatasetStore(dir.resolve("datasets")));
    frames = GeneratedFrames.write("fleet.yaml", 17, 24, dir.resolve("incoming"));
    driveV1 = datasets.importVersion("drive", null, FrameSource.of(frames), null, null).id();
  }

  @Test
  void listsMetricsPerSliceAndTheSlicesFarBelowOverallOrBelowProduction() throws Exception {
    ModelVersion production = SampleVersions.register(dsl, "tiny", driveV1,
        dir.resolve("zoo/1"), 'a');
    SampleVersions.evaluate(dsl, production, driveV1, 0.40, slices(0.45, 0.30, 0.35));
    new ModelAliases(dsl).move("tiny:1", "production", "ci", "first");
    ModelVersion candidate = SampleVersions.register(dsl, "tiny", driveV1,
        dir.resolve("zoo/2"), 'b');
    SampleVersions.evaluate(dsl, candidate, driveV1, 0.42, slices(0.50, 0.15, 0.33));

    Path card = new ModelCardWriter(dsl, datasets).write(candidate);

    assertEquals(dir.resolve("zoo/2/MODEL_CARD.md"), card);
    String md = Files.readString(card);
    assertTrue(md.startsWith("# Model card: tiny:2\n"), md);
    assertTrue(md.contains("| config | config.yaml, sha256 `" + SampleVersions.CONFIG_SHA256
        + "` |"), md);
    assertTrue(md.contains("| code | commit 0123456789abcdef0123456789abcdef01234567 |"), md);
    assertTrue(md.contains("| ONNX | not exported |"), md);
    assertTrue(md.contains("### drive:v1 test (coco)"), md);
    assertTrue(md.contains("| overall | | | 0.4200 |"), md);
    assertTrue(md.contains("| timeofday=daytime | 10 | 20 | 0.5000 |"), md);
    assertTrue(md.contains("| timeofday=night | 10 | 20 | 0.1500 |"), md);
    assertTrue(md.contains("| weather=rainy | 10 | 20 | 0.3300 |"), md);
    String weak = md.substring(md.indexOf("## Known weak slices"));
    assertEquals(List.of(
        "- `timeofday=night` on drive:v1 test: mAP 0.1500, less than half the overall mAP "
            + "0.4200; 0.1500 below tiny:1's 0.3000",
        "- `weather=rainy` on drive:v1 test: mAP 0.3300, 0.0200 below tiny:1's 0.3500"),
        weak.lines().filter(l -> l.startsWith("- ")).toList());
  }

  @Test
  void tellsTheDataItSawFromTheTrainSplit() throws Exception {
    ModelVersion version = SampleVersions.register(dsl, "tiny", driveV1, dir.resolve("zoo/1"),
        'a');

    String md = Files.readString(new ModelCardWriter(dsl, datasets).write(version));

    List<Frame> train = frames.stream()
        .filter(f -> Split.of(f.image().sha256()) == Split.TRAIN).toList();
    assertFalse(train.isEmpty());
    assertTrue(md.contains("Trained on drive:v1: 24 frames (" + train.size() + " train, "), md);
    assertTrue(md.contains("Objects per class in the " + train.size() + " frames of the train "
        + "split:"), md);
    Map<String, Long> perClass = new TreeMap<>();
    train.forEach(f -> f.objects().forEach(o -> perClass.merge(o.category(), 1L, Long::sum)));
    assertFalse(perClass.isEmpty());
    perClass.forEach((c, n) -> assertTrue(md.contains("| " + c + " | " + n + " |"), md));
    long daytime = train.stream().filter(f -> "daytime".equals(f.scene().timeOfDay())).count();
    assertTrue(daytime > 0);
    assertTrue(md.contains("| timeofday=daytime | " + daytime + " | "), md);
    assertTrue(md.contains("Not evaluated yet."), md);
    assertTrue(md.contains("Unknown until the version is evaluated."), md);
  }

  private static Map<String, Double> slices(double daytime, double night, double rainy) {
    Map<String, Double> slices = new LinkedHashMap<>();
    slices.put("timeofday=daytime", daytime);
    slices.put("timeofday=night", night);
    slices.put("weather=rainy", rainy);
    return slices;
  }
}
