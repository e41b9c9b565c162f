package io.admlops.activities.mine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admlops.activities.detector.Detector;
import io.admlops.activities.model.ComputeDevice;
import io.admlops.activities.train.TrainingConfigs;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.ImageRef;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mining an iteration of generated night-and-fog drives with an untrained tiny detector
 * against a day-only dataset: what comes out does not need a good model, only a model.
 */
class CornerCaseMinerTest {

  @TempDir Path dir;

  private Detector detector;
  private List<Frame> collected;
  private final SceneDistribution dayOnly =
      SceneDistribution.of(UnlabeledDrives.dayOnlyDataset(90));

  @BeforeEach
  void collectDrives() throws IOException {
    detector = Detector.initialize(TrainingConfigs.tiny(dir, 1, 2),
        ComputeDevice.local().device(), 7);
    collected = UnlabeledDrives.write("night-and-fog.yaml", 11, 8, 4, dir.resolve("drives"));
  }

  @AfterEach
  void closeDetector() {
    detector.close();
  }

  @Test
  void minesTheBudgetTaggingEveryPickWithItsReasonsAndTheSameEachRun() throws IOException {
    CornerCaseMiner miner = new CornerCaseMiner(detector, MiningSettings.DEFAULTS);

    List<MinedFrame> first = miner.mine(collected, dayOnly, 6, MiningStrategy.MINED, 1);
    List<MinedFrame> again = miner.mine(collected, dayOnly, 6, MiningStrategy.MINED, 1);

    assertEquals(6, first.size());
    assertEquals(ids(first), ids(again));
    assertEquals(6, Set.copyOf(ids(first)).size());
    for (MinedFrame mined : first) {
      assertFalse(mined.reasons().isEmpty(), mined.frame().id());
      assertTrue(mined.reasons().stream().allMatch(r -> r.startsWith(MiningReasons.PREFIX)));
      assertTrue(mined.frame().scene().tags().containsAll(mined.reasons()));
      assertTrue(mined.scores().values().stream().allMatch(v -> v >= 0 && v <= 1),
          mined.scores().toString());
    }
  }

  @Test
  void theRandomStrategyPicksTheBudgetDifferentlyFromMining() throws IOException {
    CornerCaseMiner miner = new CornerCaseMiner(detector, MiningSettings.DEFAULTS);

    List<MinedFrame> mined = miner.mine(collected, dayOnly, 6, MiningStrategy.MINED, 1);
    List<MinedFrame> random = miner.mine(collected, dayOnly, 6, MiningStrategy.RANDOM, 1);

    assertEquals(6, random.size());
    assertNotEquals(Set.copyOf(ids(mined)), Set.copyOf(ids(random)));
    assertTrue(random.stream().allMatch(m -> m.frame().scene().tags()
        .equals(List.of(MiningReasons.RANDOM))));
  }

  @Test
  void miningForRarityAloneTakesOnlyConditionsTheDatasetLacks() throws IOException {
    long lacking = collected.stream().filter(f -> !ordinaryDay(f)).count();
    assertTrue(lacking >= 8 && lacking < collected.size(), lacking + " frames of rare scenes");
    MiningSettings rarityOnly = new MiningSettings(0, 0, 1, 10, 1, 0.3, 0.1, 0.25);

    List<MinedFrame> mined = new CornerCaseMiner(detector, rarityOnly)
        .mine(collected, dayOnly, 8, MiningStrategy.MINED, 1);

    for (MinedFrame m : mined) {
      assertFalse(ordinaryDay(m.frame()), m.frame().id() + " " + m.frame().scene());
      assertTrue(m.reasons().stream().anyMatch(r -> r.startsWith("mined:rare:")),
          m.reasons().toString());
    }
  }

  @Test
  void aMissingImageIsReportedWithItsFrame() {
    Frame frame = collected.get(0);
    Frame lost = new Frame(frame.id(), new ImageRef(dir.resolve("gone.png").toString(),
        frame.image().width(), frame.image().height(), null), null, null, null, frame.scene(),
        frame.provenance());
    List<Frame> frames = new ArrayList<>(collected);
    frames.set(0, lost);

    UserInputException e = assertThrows(UserInputException.class,
        () -> new CornerCaseMiner(detector, MiningSettings.DEFAULTS)
            .mine(frames, dayOnly, 3, MiningStrategy.MINED, 1));
    assertTrue(e.getMessage().startsWith("frame " + frame.id() + ": image "), e.getMessage());
  }

  /** Daytime without fog: what a day-only dataset already has plenty of. */
  private static boolean ordinaryDay(Frame frame) {
    return "daytime".equals(frame.scene().timeOfDay())
        && !"foggy".equals(frame.scene().weather());
  }

  private static List<String> ids(List<MinedFrame> mined) {
    return mined.stream().map(m -> m.frame().id()).toList();
  }
}
