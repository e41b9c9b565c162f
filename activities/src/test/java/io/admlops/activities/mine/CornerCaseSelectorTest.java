package io.admlops.activities.mine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admlops.schemas.UserInputException;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.SceneAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CornerCaseSelectorTest {

  private final CornerCaseSelector selector = new CornerCaseSelector(MiningSettings.DEFAULTS);

  @Test
  void picksNoMoreThanTheBudgetWithEitherStrategy() {
    List<MiningCandidate> candidates = grid(30);

    assertEquals(7, selector.select(candidates, 7, MiningStrategy.MINED, 1).size());
    assertEquals(7, selector.select(candidates, 7, MiningStrategy.RANDOM, 1).size());
    assertEquals(30, selector.select(candidates, 100, MiningStrategy.MINED, 1).size());
    assertEquals(0, selector.select(candidates, 0, MiningStrategy.MINED, 1).size());
  }

  @Test
  void theSameCandidatesAndSeedGiveTheSamePicksInWhateverOrderTheyCome() {
    List<MiningCandidate> candidates = grid(30);
    List<MiningCandidate> shuffled = new ArrayList<>(candidates);
    Collections.shuffle(shuffled, new java.util.Random(5));

    for (MiningStrategy strategy : MiningStrategy.values()) {
      assertEquals(ids(selector.select(candidates, 8, strategy, 42)),
          ids(selector.select(shuffled, 8, strategy, 42)), strategy.id());
    }
    assertNotEquals(ids(selector.select(candidates, 8, MiningStrategy.RANDOM, 42)),
        ids(selector.select(candidates, 8, MiningStrategy.RANDOM, 43)));
  }

  @Test
  void randomPicksDifferFromMinedPicksAndAreTaggedRandom() {
    List<MiningCandidate> candidates = grid(30);

    List<MinedFrame> mined = selector.select(candidates, 6, MiningStrategy.MINED, 3);
    List<MinedFrame> random = selector.select(candidates, 6, MiningStrategy.RANDOM, 3);

    assertNotEquals(Set.copyOf(ids(mined)), Set.copyOf(ids(random)));
    for (MinedFrame frame : random) {
      assertEquals(List.of(MiningReasons.RANDOM), frame.reasons());
      assertTrue(frame.frame().scene().tags().contains(MiningReasons.RANDOM));
    }
  }

  @Test
  void spreadsThePicksOverTheBestRankedPoolRatherThanTakingNearCopies() {
    // Eleven near-copies of one hard scene score highest, four other scenes a little less:
    // with the budget 5, the pool of 15 holds them all.
    List<MiningCandidate> candidates = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      candidates.add(candidate("copy-" + i, 0.9, 0, 0, new float[] {i * 0.01f, 0}));
    }
    for (int i = 0; i < 4; i++) {
      candidates.add(candidate("other-" + i, 0.8, 0, 0, new float[] {5 + 5 * i, 5}));
    }
    for (int i = 0; i < 20; i++) {
      candidates.add(candidate("easy-" + i, 0.1, 0, 0, new float[] {-50 - i, -50}));
    }

    List<MinedFrame> mined = selector.select(candidates, 5, MiningStrategy.MINED, 0);

    assertEquals(List.of("copy-0", "other-3", "other-1", "other-0", "other-2"), ids(mined));
    assertEquals(List.of(MiningReasons.UNCERTAIN), mined.get(0).reasons());
    assertEquals(List.of(MiningReasons.UNCERTAIN, MiningReasons.DIVERSE),
        mined.get(1).reasons());
  }

  @Test
  void namesTheCriteriaThatCarryEachPickAndKeepsTheFramesOwnTags() {
    Frame night = new Frame("night-1", null, null, null, null,
        new SceneAttributes("night", "clear", "highway", List.of("route-7")), null);
    List<MiningCandidate> candidates = List.of(
        new MiningCandidate(night, 0.05, 0, 0.9, List.of("night"), new float[] {0}),
        candidate("flicker-1", 0.3, 0.8, 0, new float[] {10}),
        candidate("plain-1", 0.01, 0, 0, new float[] {15}));

    List<MinedFrame> mined = selector.select(candidates, 2, MiningStrategy.MINED, 0);

    assertEquals(List.of("flicker-1", "night-1"), ids(mined));
    assertEquals(List.of(MiningReasons.UNCERTAIN, MiningReasons.FLICKER),
        mined.get(0).reasons());
    assertEquals(mined.get(0).reasons(), mined.get(0).frame().scene().tags());
    // The night frame's small uncertainty carries too little of its score to be named.
    assertEquals(List.of("mined:rare:night"), mined.get(1).reasons());
    assertEquals(List.of("route-7", "mined:rare:night"), mined.get(1).frame().scene().tags());
  }

  @Test
  void recordsEveryScoreOfEveryPickWithinZeroAndOne() {
    for (MinedFrame frame : selector.select(grid(30), 10, MiningStrategy.MINED, 0)) {
      assertEquals(List.of(MinedFrame.UNCERTAINTY, MinedFrame.INCONSISTENCY, MinedFrame.RARITY,
          MinedFrame.COMBINED, MinedFrame.DIVERSITY), List.copyOf(frame.scores().keySet()));
      assertTrue(frame.scores().values().stream().allMatch(v -> v >= 0 && v <= 1),
          frame.scores().toString());
    }
  }

  @Test
  void refusesANegativeBudget() {
    UserInputException e = assertThrows(UserInputException.class,
        () -> selector.select(grid(3), -1, MiningStrategy.MINED, 0));
    assertEquals("labeling budget must be at least 0 frames, not -1", e.getMessage());
  }

  /** Candidates on a 2-D grid with scores that vary smoothly over it. */
  private static List<MiningCandidate> grid(int count) {
    List<MiningCandidate> candidates = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      candidates.add(candidate(String.format("f-%03d", i), (i % 7) / 7.0, (i % 3) / 3.0,
          (i % 5) / 5.0, new float[] {i % 6, i / 6}));
    }
    return candidates;
  }

  private static MiningCandidate candidate(String id, double uncertainty,
      double inconsistency, double rarity, float[] embedding) {
    return new MiningCandidate(UnlabeledDrives.scene(id, "daytime", "clear", "highway"),
        uncertainty, inconsistency, rarity, List.of(), embedding);
  }

  private static List<String> ids(List<MinedFrame> mined) {
    return mined.stream().map(m -> m.frame().id()).collect(Collectors.toList());
  }
}
