package io.admlops.activities.mine;

import static io.admlops.activities.mine.UnlabeledDrives.scene;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.admlops.activities.datasets.DatasetRegistry;
import io.admlops.activities.datasets.DatasetStore;
import io.admlops.activities.datasets.FrameSource;
import io.admlops.activities.store.TestDatabase;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.frame.Frame;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SceneDistributionTest {

  @TempDir Path dir;

  @Test
  void countsEachConditionsValuesAndTheTimeAndWeatherPairs() {
    SceneDistribution distribution = SceneDistribution.of(List.of(
        scene("a", "daytime", "clear", "highway"),
        scene("b", "daytime", "foggy", "highway"),
        scene("c", "night", "foggy", null),
        scene("d", null, null, null)));

    assertEquals(4, distribution.frames());
    assertEquals(Map.of("daytime", 2L, "night", 1L),
        distribution.counts().get(SceneCondition.TIME_OF_DAY));
    assertEquals(2, distribution.count(SceneCondition.WEATHER, "foggy"));
    assertEquals(2, distribution.count(SceneCondition.SCENE_TYPE, "highway"));
    assertEquals(1, distribution.count(SceneCondition.TIME_OF_DAY_AND_WEATHER, "night+foggy"));
    assertEquals(0, distribution.count(SceneCondition.WEATHER, "snowy"));
  }

  @Test
  void anUnseenValueKeepsASmallShare() {
    SceneDistribution distribution = SceneDistribution.of(UnlabeledDrives.dayOnlyDataset(97));

    // 97 frames with a known time of day, three times of day: night has 1 in 100.
    assertEquals(0.01, distribution.smoothedShare(SceneCondition.TIME_OF_DAY, "night"), 1e-12);
    assertEquals(0.98, distribution.smoothedShare(SceneCondition.TIME_OF_DAY, "daytime"),
        1e-12);
  }

  @Test
  void aDatasetVersionsDistributionIsThatOfItsFrames() throws IOException {
    DatasetRegistry registry =
        new DatasetRegistry(TestDatabase.freshRegistry(), new DatasetStore(dir.resolve("store")));
    List<Frame> frames = UnlabeledDrives.write("fleet.yaml", 5, 3, 2, dir.resolve("drives"));
    registry.importVersion("fleet", null, FrameSource.of(frames), null, null);

    assertEquals(SceneDistribution.of(frames), SceneDistribution.ofVersion(registry, "fleet", 1));
    assertThrows(UserInputException.class,
        () -> SceneDistribution.ofVersion(registry, "fleet", 2));
  }
}
