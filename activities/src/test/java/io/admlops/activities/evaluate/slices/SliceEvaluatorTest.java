package io.admlops.activities.evaluate.slices;

import static io.admlops.activities.evaluate.slices.FrozenSplit.ALL_FOUND;
import static io.admlops.activities.evaluate.slices.FrozenSplit.HALF_FOUND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.admlops.activities.evaluate.coco.CocoEvaluation;
import io.admlops.activities.evaluate.coco.CocoEvaluator;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.FrameObject;
import io.admlops.schemas.frame.SceneAttributes;
import io.admlops.schemas.json.Mappers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SliceEvaluatorTest {

  private final SliceEvaluation dayOnly = new SliceEvaluator().evaluate(FrozenSplit.frames(),
      FrozenSplit.dayOnlyDetections());

  @TempDir Path dir;

  @Test
  void daytimeFoundPerfectlyScoresOneNightScoresZeroAndOverallHalf() {
    assertEquals(ALL_FOUND, dayOnly.slices().get("timeofday=daytime").map(), 1e-12);
    assertEquals(0.0, dayOnly.slices().get("timeofday=night").map());
    // Half of the cars and half of the pedestrians found, none wrongly: AP 51/101 each.
    assertEquals(HALF_FOUND, dayOnly.overall().map(), 1e-12);
    assertEquals(HALF_FOUND, dayOnly.overall().ap50(), 1e-12);
    assertAps(Map.of("car", HALF_FOUND, "pedestrian", HALF_FOUND),
        dayOnly.overall().perClassAp());
  }

  @Test
  void overallIsWhatTheCocoEvaluatorGivesOnTheWholeSetAsFiles() throws IOException {
    Path truth = dir.resolve("gt.json");
    Path results = dir.resolve("dt.json");
    writeCoco(FrozenSplit.frames(), FrozenSplit.dayOnlyDetections(), truth, results);

    CocoEvaluation files = new CocoEvaluator().evaluate(truth, results);

    assertEquals(files.stats(), dayOnly.stats());
    assertEquals(files.perClassAp(), dayOnly.overall().perClassAp());
  }

  @Test
  void slicesAreListedByConditionThenSizeWithKeysTheRegistryAccepts() {
    assertEquals(List.of("timeofday=daytime", "timeofday=night", "weather=clear",
        "weather=foggy", "scene=city_street", "scene=highway", "tag=mined_uncertainty",
        "size=small", "size=medium", "size=large"), List.copyOf(dayOnly.slices().keySet()));
    for (String key : dayOnly.slices().keySet()) {
      assertTrue(key.matches("^[a-z_]+=[A-Za-z0-9_.-]+$"), key);
    }
  }

  @Test
  void aSceneSliceIsScoredOnItsOwnFramesAlone() {
    SliceResult foggy = dayOnly.slices().get("weather=foggy");
    assertEquals(2, foggy.frameCount());
    assertEquals(3, foggy.objectCount());
    // Cars: d2's found, n1's missed; the only pedestrian, n1's, missed.
    assertAps(Map.of("car", HALF_FOUND, "pedestrian", 0.0), foggy.perClassAp());
    assertEquals(HALF_FOUND / 2, foggy.map(), 1e-12);
    // Clear: d1's car and pedestrian found, n2's car missed, u1 has nothing.
    assertEquals((HALF_FOUND + ALL_FOUND) / 2, dayOnly.slices().get("weather=clear").map(),
        1e-12);
    assertEquals(ALL_FOUND, dayOnly.slices().get("scene=highway").map(), 1e-12);
    assertEquals(dayOnly.slices().get("scene=city_street"),
        dayOnly.slices().get("tag=mined_uncertainty"));
  }

  @Test
  void sizeSlicesCountOnlyObjectsOfTheirSize() {
    SliceResult small = dayOnly.slices().get("size=small");
    SliceResult large = dayOnly.slices().get("size=large");
    SliceResult medium = dayOnly.slices().get("size=medium");

    assertEquals(List.of(2, 2), List.of(small.frameCount(), small.objectCount()));
    assertAps(Map.of("pedestrian", HALF_FOUND), small.perClassAp());
    assertEquals(HALF_FOUND, small.map(), 1e-12);
    assertEquals(List.of(4, 4), List.of(large.frameCount(), large.objectCount()));
    assertAps(Map.of("car", HALF_FOUND), large.perClassAp());
    assertEquals(List.of(0, 0), List.of(medium.frameCount(), medium.objectCount()));
    assertNull(medium.map());
    assertNull(medium.ap50());
    assertEquals(Map.of(), medium.perClassAp());
  }

  @Test
  void aSliceWithoutGroundTruthHasNoMapRatherThanZero() {
    List<Frame> frames = new ArrayList<>(FrozenSplit.frames());
    frames.add(FrozenSplit.frame("s1", new SceneAttributes(null, "snowy", null, List.of())));

    SliceResult snowy = new SliceEvaluator().evaluate(frames, FrozenSplit.dayOnlyDetections())
        .slices().get("weather=snowy");

    assertEquals(List.of(1, 0), List.of(snowy.frameCount(), snowy.objectCount()));
    assertNull(snowy.map());
    assertNull(snowy.ap50());
  }

  @Test
  void dontCareRegionsNeitherCountNorFormAClass() {
    assertEquals(6, dayOnly.overall().objectCount());
    assertEquals(5, dayOnly.overall().frameCount());
    assertEquals(3, dayOnly.slices().get("timeofday=night").objectCount());
    assertEquals(List.of("car", "pedestrian"),
        List.copyOf(dayOnly.overall().perClassAp().keySet()));
  }

  @Test
  void conditionValuesBecomeKeysWithUnderscoresForCharactersAKeyCannotHold() {
    Frame dusk = FrozenSplit.frame("x", new SceneAttributes("dawn/dusk", "partly cloudy",
        "gas stations", List.of("mined:rarity", "rain-on-lens")),
        FrameObject.box("car", FrozenSplit.CAR));

    SliceEvaluation evaluation = new SliceEvaluator().evaluate(List.of(dusk), List.of());

    assertEquals(List.of("timeofday=dawn_dusk", "weather=partly_cloudy",
        "scene=gas_stations", "tag=mined_rarity", "tag=rain-on-lens", "size=small",
        "size=medium", "size=large"), List.copyOf(evaluation.slices().keySet()));
  }

  @Test
  void aDetectionOnAFrameNotEvaluatedIsNamed() {
    List<Detection> detections = List.of(Detection.of("n7", "car", FrozenSplit.CAR, 0.5));

    UserInputException e = assertThrows(UserInputException.class,
        () -> new SliceEvaluator().evaluate(FrozenSplit.frames(), detections));

    assertEquals("a detection names frame 'n7', which is not among the 5 frames evaluated",
        e.getMessage());
  }

  @Test
  void twoFramesWithOneIdAreRefused() {
    List<Frame> frames = new ArrayList<>(FrozenSplit.frames());
    frames.add(frames.get(0));

    UserInputException e = assertThrows(UserInputException.class,
        () -> new SliceEvaluator().evaluate(frames, List.of()));

    assertTrue(e.getMessage().contains("'d1' occurs twice"), e.getMessage());
  }

  /** The same classes with the same AP each, to the last few bits of a sum of 1010 cells. */
  private static void assertAps(Map<String, Double> expected, Map<String, Double> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((name, ap) -> assertEquals(ap, actual.get(name), 1e-12, name));
  }

  /**
   * The frames and detections as COCO files, written here from the frame format's definition
   * (boxes by corners, COCO by corner and size) rather than by the code under test.
   */
  private static void writeCoco(List<Frame> frames, List<Detection> detections, Path truth,
      Path results) throws IOException {
    List<String> classes = List.of("car", "pedestrian");
    ObjectNode gt = Mappers.json().createObjectNode();
    ArrayNode categories = gt.putArray("categories");
    for (int c = 0; c < classes.size(); c++) {
      categories.addObject().put("id", c + 1).put("name", classes.get(c));
    }
    ArrayNode images = gt.putArray("images");
    ArrayNode annotations = gt.putArray("annotations");
    ArrayNode dt = Mappers.json().createArrayNode();
    List<String> ids = frames.stream().map(Frame::id).toList();
    for (Frame frame : frames) {
      images.addObject().put("id", ids.indexOf(frame.id()) + 1);
      for (FrameObject o : frame.objects()) {
        if (classes.contains(o.category())) {
          ObjectNode a = annotations.addObject().put("id", annotations.size() + 1)
              .put("image_id", ids.indexOf(frame.id()) + 1)
              .put("category_id", classes.indexOf(o.category()) + 1)
              .put("area", o.box().area()).put("iscrowd", 0);
          a.putArray("bbox").add(o.box().x1()).add(o.box().y1()).add(o.box().width())
              .add(o.box().height());
        }
      }
    }
    for (Detection d : detections) {
      ObjectNode r = dt.addObject().put("image_id", ids.indexOf(d.frameId()) + 1)
          .put("category_id", classes.indexOf(d.className()) + 1).put("score", d.score());
      r.putArray("bbox").add(d.x1()).add(d.y1()).add(d.x2() - d.x1()).add(d.y2() - d.y1());
    }
    Mappers.json().writeValue(truth.toFile(), gt);
    Mappers.json().writeValue(results.toFile(), dt);
  }
}
