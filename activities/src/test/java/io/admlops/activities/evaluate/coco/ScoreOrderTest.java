package io.admlops.activities.evaluate.coco;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Ranking by score must be the stable descending order numpy's mergesort gives COCOeval. */
class ScoreOrderTest {

  @Test
  void equalScoresKeepTheirOrderAndNegativeZeroTiesWithZero() {
    double[] scores = {0.5, 0.0, 0.9, 0.5, -0.0, 0.9, 0.0, 0.1};

    assertArrayEquals(new int[] {2, 5, 0, 3, 7, 1, 4, 6}, ScoreOrder.descending(scores));
  }

  @Test
  void manyScoresWithTiesRankAsAStableSortRanksThem() {
    Random random = new Random(3);
    double[] scores = random.doubles(10_007).map(s -> Math.floor(s * 50) / 50).toArray();
    // Arrays.sort on objects is a stable merge sort.
    Integer[] expected = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
    Arrays.sort(expected, Comparator.comparingDouble(i -> -scores[i]));

    assertArrayEquals(Arrays.stream(expected).mapToInt(Integer::intValue).toArray(),
        ScoreOrder.descending(scores));
  }
}
