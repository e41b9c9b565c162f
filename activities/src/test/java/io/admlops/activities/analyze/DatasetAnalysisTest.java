package io.admlops.activities.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admlops.activities.analyze.AnalysisResult.BoxSizes;
import io.admlops.activities.analyze.AnalysisResult.ClassStats;
import io.admlops.activities.analyze.AnalysisResult.Coverage;
import io.admlops.activities.analyze.AnalysisResult.TargetCheck;
import io.admlops.activities.formats.FrameSink;
import io.admlops.activities.formats.ReadContext;
import io.admlops.activities.formats.TestImages;
import io.admlops.activities.formats.frames.FramesReader;
import io.admlops.schemas.frame.Box2D;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.FrameObject;
import io.admlops.schemas.frame.ImageRef;
import io.admlops.schemas.frame.SceneAttributes;
import io.admlops.schemas.json.Mappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetAnalysisTest {

  private final AnalysisResult result = SampleFrames.analyzed().result(SampleFrames.definition());

  @Test
  void countsFramesInstancesAndRegionsApart() {
    assertEquals("urban", result.dataset());
    assertEquals(4, result.frames());
    assertEquals(5, result.objects());
    assertEquals(1, result.framesWithoutObjects());
    assertEquals(1, result.dontCareRegions());
    assertEquals(1, result.crowdRegions());
    assertEquals(1.25, result.meanInstancesPerFrame());
    assertEquals(Map.of("1000x500", 3L, "800x600", 1L), result.imageSizes());
  }

  @Test
  void countsInstancesAndFramesPerClassInTheDefinitionsOrder() {
    assertEquals(List.of("car", "pedestrian", "cyclist"), List.copyOf(result.classes().keySet()));
    ClassStats car = result.classes().get("car");
    ClassStats pedestrian = result.classes().get("pedestrian");
    assertEquals(List.of(3L, 3L, 0L), List.of(car.objects(), car.frames(), car.crowdRegions()));
    assertEquals(List.of(2L, 2L, 1L),
        List.of(pedestrian.objects(), pedestrian.frames(), pedestrian.crowdRegions()));
    assertEquals(0, result.classes().get("cyclist").objects());
    assertEquals(5, result.allObjects().objects());
    assertEquals(3, result.allObjects().frames());
  }

  @Test
  void histogramOfInstancesPerFrameEndsWithTwentyOrMore() {
    List<Long> expected = new ArrayList<>(List.of(1L, 1L, 2L));
    expected.addAll(Collections.nCopies(18, 0L));
    assertEquals(expected, result.instancesPerFrame().counts());
    assertEquals("≥20", result.instancesPerFrame().bins().get(20));

    DatasetAnalysis crowded = new DatasetAnalysis();
    crowded.accept(SampleFrames.frame("street", 1000, 500, null,
        SampleFrames.boxes("car", 25).toArray(FrameObject[]::new)));
    assertEquals(1, crowded.result(null).instancesPerFrame().counts().get(20));
  }

  @Test
  void sortsBoxesIntoCocoAreaRangesPreferringTheSourcesArea() {
    // The fog frame's car box is 100x100 (medium) but its COCO area is 900 (small).
    assertEquals(new BoxSizes(1, 1, 1), result.classes().get("car").sizes());
    assertEquals(new BoxSizes(2, 0, 0), result.classes().get("pedestrian").sizes());
    assertEquals(new BoxSizes(0, 0, 0), result.classes().get("cyclist").sizes());
  }

  @Test
  void binsWidthsHeightsAndAspectRatios() {
    ClassStats all = result.allObjects();
    assertEquals(List.of("<8", "8–16", "16–32", "32–64", "64–128", "128–256", "256–512", "≥512"),
        all.widths().bins());
    assertEquals(List.of(0L, 1L, 1L, 1L, 1L, 1L, 0L, 0L), all.widths().counts());
    assertEquals(List.of(0L, 0L, 2L, 1L, 2L, 0L, 0L, 0L), all.heights().counts());
    assertEquals(List.of("<0.25", "0.25–0.35", "0.35–0.5", "0.5–0.71", "0.71–1", "1–1.41",
        "1.41–2", "2–2.83", "2.83–4", "≥4"), all.aspectRatios().bins());
    // Pedestrians are 1:2 (0.5), the cars 2:1, 4:3 and 1:1.
    assertEquals(List.of(0L, 0L, 0L, 2L, 0L, 2L, 0L, 1L, 0L, 0L), all.aspectRatios().counts());
  }

  @Test
  void placesBoxCentersOnATenByTenGrid() {
    List<List<Long>> grid = result.allObjects().centers().counts();
    assertEquals(10, grid.size());
    assertEquals(1, grid.get(5).get(2));
    assertEquals(1, grid.get(2).get(5));
    assertEquals(1, grid.get(8).get(0));
    assertEquals(1, grid.get(5).get(9));
    assertEquals(1, grid.get(0).get(0));
    assertEquals(5, grid.stream().flatMap(List::stream).mapToLong(Long::longValue).sum());
    List<List<Long>> pedestrians = result.classes().get("pedestrian").centers().counts();
    assertEquals(2, pedestrians.stream().flatMap(List::stream).mapToLong(Long::longValue)
        .sum());
    assertEquals(1, pedestrians.get(5).get(9));
  }

  @Test
  void countsOcclusionCodesAndTruncationRangesPerClass() {
    ClassStats car = result.classes().get("car");
    ClassStats pedestrian = result.classes().get("pedestrian");
    assertEquals(List.of("0 fully visible", "1 partly occluded", "2 largely occluded",
        "3 unknown", "not given"), car.occlusion().bins());
    assertEquals(List.of(1L, 1L, 0L, 1L, 0L), car.occlusion().counts());
    assertEquals(List.of(0L, 0L, 1L, 0L, 1L), pedestrian.occlusion().counts());
    assertEquals(List.of("0", "(0, 0.15]", "(0.15, 0.3]", "(0.3, 0.5]", ">0.5", "unknown"),
        car.truncation().bins());
    assertEquals(List.of(1L, 0L, 0L, 1L, 1L, 0L), car.truncation().counts());
    assertEquals(List.of(0L, 1L, 0L, 0L, 0L, 1L), pedestrian.truncation().counts());
  }

  @Test
  void countsFramesPerSceneConditionWithTheVocabularysGaps() {
    assertEquals(Map.of("daytime", 2L, "dawn/dusk", 0L, "night", 1L, "unknown", 1L),
        result.scenes().timeOfDay());
    assertEquals(Map.of("clear", 1L, "overcast", 0L, "partly cloudy", 0L, "rainy", 0L,
        "snowy", 0L, "foggy", 2L, "unknown", 1L), result.scenes().weather());
    assertEquals(Map.of("city street", 1L, "highway", 1L, "residential", 0L, "parking lot", 0L,
        "tunnel", 0L, "gas stations", 0L, "unknown", 2L), result.scenes().sceneType());
    assertEquals(Map.of("mined:uncertainty", 2L, "rain-on-lens", 1L), result.scenes().tags());
  }

  @Test
  void checksCoverageTargets() {
    Coverage coverage = result.coverage();
    assertEquals(Map.of("car", new TargetCheck(3, 2, 1.5, true),
        "pedestrian", new TargetCheck(2, 4, 0.5, false)), coverage.instancesPerClass());
    assertEquals(Map.of("timeOfDay", Map.of("night", new TargetCheck(1, 2, 0.5, false)),
        "weather", Map.of("foggy", new TargetCheck(2, 2, 1.0, true))),
        coverage.framesPerCondition());
  }

  @Test
  void warnsOfGapsUnmetTargetsAndTinyBoxes() {
    assertEquals(List.of(
        "gap: class 'cyclist' has no instances",
        "target not met: class 'pedestrian' has 2 of 4 required instances (50.0 %)",
        "target not met: timeOfDay 'night' has 1 of 2 required frames (50.0 %)",
        "condition gap: no frames with timeOfDay 'dawn/dusk'",
        "condition gap: no frames with weather 'overcast'",
        "condition gap: no frames with weather 'partly cloudy'",
        "condition gap: no frames with weather 'rainy'",
        "condition gap: no frames with weather 'snowy'",
        "condition gap: no frames with sceneType 'residential'",
        "condition gap: no frames with sceneType 'parking lot'",
        "condition gap: no frames with sceneType 'tunnel'",
        "condition gap: no frames with sceneType 'gas stations'",
        "tiny boxes: 2 of 2 boxes of class 'pedestrian' (100.0 %) are small "
            + "(area below 32² px)"), result.warnings());
  }

  @Test
  void withoutDefinitionHasNoCoverageAndJudgesTheClassesSeen() {
    AnalysisResult seen = SampleFrames.analyzed().result(null);
    assertNull(seen.dataset());
    assertTrue(seen.coverage().isEmpty());
    assertEquals(List.of("car", "pedestrian"), List.copyOf(seen.classes().keySet()));
    assertTrue(seen.warnings().stream().noneMatch(w -> w.startsWith("gap")
        || w.startsWith("target")), seen.warnings().toString());
    assertTrue(seen.warnings().contains("condition gap: no frames with timeOfDay 'dawn/dusk'"));

    DatasetAnalysis crowdOnly = new DatasetAnalysis();
    crowdOnly.accept(SampleFrames.frame("square", 1000, 500, null, new FrameObject(null,
        "person", new Box2D(0, 0, 500, 500), null, null, null, null,
        true, false, null, null, Map.of())));
    assertTrue(crowdOnly.result(null).warnings()
        .contains("gap: class 'person' has no instances"));
  }

  @Test
  void warnsOfImbalanceFromTenTimesTheSmallestClass() {
    assertEquals(List.of("class imbalance: 'car' has 10 instances, 10.0x the 1 of 'pedestrian'"),
        imbalanceWarnings(10, 1));
    assertEquals(List.of(), imbalanceWarnings(9, 1));
  }

  @Test
  void warnsThatAnEmptyDatasetHasNoFrames() {
    assertEquals(List.of("the dataset has no frames"), new DatasetAnalysis().result(null)
        .warnings());
  }

  @Test
  void warnsOnceOfAConditionNoFrameGives() {
    DatasetAnalysis unlabeled = new DatasetAnalysis();
    unlabeled.accept(SampleFrames.frame("a", 1000, 500, null));
    unlabeled.accept(SampleFrames.frame("b", 1000, 500, null));
    assertEquals(List.of("unknown condition: timeOfDay is not given for any of the 2 frames",
        "unknown condition: weather is not given for any of the 2 frames",
        "unknown condition: sceneType is not given for any of the 2 frames"),
        unlabeled.result(null).warnings());
  }

  @Test
  void analyzesWhatAReaderStreams(@TempDir Path dir) throws IOException {
    List<String> lines = new ArrayList<>();
    for (Frame frame : SampleFrames.frames()) {
      ImageRef image = frame.image();
      TestImages.write(dir.resolve(frame.id() + ".png"), image.width(), image.height());
      ImageRef relative = new ImageRef(frame.id() + ".png", image.width(), image.height(), null);
      lines.add(Mappers.json().writeValueAsString(new Frame(frame.id(), relative, null,
          frame.objects(), List.of(), frame.scene(), frame.provenance())));
    }
    Files.write(dir.resolve(FramesReader.MANIFEST), lines);
    DatasetAnalysis analysis = new DatasetAnalysis();
    FrameSink sink = analysis;
    ReadContext context = ReadContext.keepingSourceClasses();
    new FramesReader().read(dir, context, sink);

    assertEquals(0, context.problems().errorCount(), context.problems().summary());
    assertEquals(SampleFrames.analyzed().result(SampleFrames.definition()),
        analysis.result(SampleFrames.definition()));
  }

  private static List<String> imbalanceWarnings(int cars, int pedestrians) {
    DatasetAnalysis analysis = new DatasetAnalysis();
    List<FrameObject> objects = new ArrayList<>(SampleFrames.boxes("car", cars));
    objects.addAll(SampleFrames.boxes("pedestrian", pedestrians));
    analysis.accept(SampleFrames.frame("a", 1000, 500,
        new SceneAttributes("daytime", "clear", "highway", List.of()),
        objects.toArray(FrameObject[]::new)));
    return analysis.result(null).warnings().stream()
        .filter(w -> w.startsWith("class imbalance")).toList();
  }
}
