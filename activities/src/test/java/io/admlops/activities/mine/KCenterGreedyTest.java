package io.admlops.activities.mine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KCenterGreedyTest {

  /** Clusters in the plane: four points near the origin, three near (10, 0), two near (0, 10). */
  private static final List<float[]> CLUSTERS = List.of(
      new float[] {0, 0}, new float[] {0.1f, 0}, new float[] {0, 0.1f}, new float[] {0.1f, 0.1f},
      new float[] {10, 0}, new float[] {10.1f, 0}, new float[] {10, 0.1f},
      new float[] {0, 10}, new float[] {0.1f, 10});

  @Test
  void picksOnePointPerClusterBeforeASecondFromAny() {
    List<Integer> picked = KCenterGreedy.select(CLUSTERS, 3, 0);

    assertEquals(Set.of("origin", "right", "top"),
        picked.stream().map(KCenterGreedyTest::cluster).collect(Collectors.toSet()));
    assertEquals(0, picked.get(0));
  }

  @Test
  void takesNextThePointFarthestFromEverythingTakenAndTheFirstOfEqualOnes() {
    List<float[]> line = List.of(new float[] {0}, new float[] {1}, new float[] {5},
        new float[] {11}, new float[] {12});

    List<Integer> picked = KCenterGreedy.select(line, 4, 0);

    // 12 is farthest from 0; then 5, 5 from both; then 1 and 11 are both 1 from the nearest
    // taken point, and the lower index wins.
    assertEquals(List.of(0, 4, 2, 1), picked);
  }

  @Test
  void takesEveryPointWhenAskedForMoreThanThereAre() {
    assertEquals(9, KCenterGreedy.select(CLUSTERS, 20, 0).size());
    assertEquals(List.of(), KCenterGreedy.select(CLUSTERS, 0, 0));
  }

  private static String cluster(int index) {
    return index < 4 ? "origin" : index < 7 ? "right" : "top";
  }
}
