package io.admlops.activities.mine;

import static io.admlops.activities.mine.UnlabeledDrives.dayOnlyDataset;
import static io.admlops.activities.mine.UnlabeledDrives.scene;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.SceneAttributes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SceneRarityTest {

  @TempDir Path dir;

  @Test
  void nightAndFogFramesRankAboveClearDaytimeFramesAgainstADayOnlyDataset()
      throws IOException {
    SceneRarity rarity = new SceneRarity(SceneDistribution.of(dayOnlyDataset(90)), 0.1);
    List<Frame> collected = UnlabeledDrives.write("night-and-fog.yaml", 11, 16, 1, dir);
    List<Double> nightOrFog = new ArrayList<>();
    List<Double> ordinaryDay = new ArrayList<>();
    for (Frame frame : collected) {
      if (UnlabeledDrives.nightOrFog(frame)) {
        nightOrFog.add(rarity.score(frame.scene()));
      } else if ("daytime".equals(frame.scene().timeOfDay())) {
        ordinaryDay.add(rarity.score(frame.scene()));
      }
    }

    assertFalse(nightOrFog.isEmpty() || ordinaryDay.isEmpty(), "the drives cover both kinds");
    double rarestDay = ordinaryDay.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    double commonestNightOrFog =
        nightOrFog.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    assertTrue(commonestNightOrFog > rarestDay, commonestNightOrFog + " vs " + rarestDay);
  }

  @Test
  void aFrameRareInTwoWaysOutranksOneRareInOne() {
    SceneRarity rarity = new SceneRarity(SceneDistribution.of(dayOnlyDataset(90)), 0.1);

    double nightInFog = rarity.score(attributes("night", "foggy", "highway"));
    double nightOnly = rarity.score(attributes("night", "clear", "highway"));
    double day = rarity.score(attributes("daytime", "clear", "highway"));

    assertTrue(nightInFog > nightOnly && nightOnly > day, nightInFog + ", " + nightOnly + ", "
        + day);
    assertTrue(nightInFog <= 1 && day >= 0);
  }

  @Test
  void namesTheValuesTheDatasetLacks() {
    SceneRarity rarity = new SceneRarity(SceneDistribution.of(dayOnlyDataset(90)), 0.1);

    assertEquals(List.of("night", "foggy"),
        rarity.rareValues(attributes("night", "foggy", "city street")));
    assertEquals(List.of(), rarity.rareValues(attributes("daytime", "rainy", "highway")));
  }

  @Test
  void namesARarePairingOnlyWhenNeitherHalfIsRareAlone() {
    List<Frame> dataset = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      dataset.add(scene("d" + i, "daytime", "clear", "highway"));
      dataset.add(scene("n" + i, "night", "rainy", "highway"));
    }
    SceneRarity rarity = new SceneRarity(SceneDistribution.of(dataset), 0.1);

    assertEquals(List.of("night+clear"),
        rarity.rareValues(attributes("night", "clear", "highway")));
    assertEquals(List.of("foggy"), rarity.rareValues(attributes("night", "foggy", "highway")));
  }

  @Test
  void aFrameWithoutKnownConditionsIsNotRare() {
    SceneRarity rarity = new SceneRarity(SceneDistribution.of(dayOnlyDataset(9)), 0.1);

    assertEquals(0, rarity.score(SceneAttributes.UNKNOWN));
    assertEquals(List.of(), rarity.rareValues(SceneAttributes.UNKNOWN));
  }

  private static SceneAttributes attributes(String timeOfDay, String weather,
      String sceneType) {
    return new SceneAttributes(timeOfDay, weather, sceneType, List.of());
  }
}
