package io.admlops.activities.mine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Greedy k-center selection (Gonzalez 1985; the core-set selection of Sener and Savarese,
 * "Active Learning for Convolutional Neural Networks: A Core-Set Approach", 2018): starting
 * from one point, repeatedly take the point farthest from everything taken so far, which
 * covers the set with balls at most twice as large as the best possible k centers would.
 * Distances are Euclidean; ties go to the lowest index, so the selection is deterministic.
 */
public final class KCenterGreedy {

  private KCenterGreedy() {}

  /**
   * The indices of {@code k} points in the order they were taken, or of every point when
   * there are fewer.
   *
   * @param points the embeddings, all of one length
   * @param k how many to take
   * @param first the index taken first
   */
  public static List<Integer> select(List<float[]> points, int k, int first) {
    List<Integer> taken = new ArrayList<>();
    if (k <= 0 || points.isEmpty()) {
      return taken;
    }
    double[] nearest = new double[points.size()];
    Arrays.fill(nearest, Double.POSITIVE_INFINITY);
    int next = first;
    while (true) {
      taken.add(next);
      nearest[next] = -1;
      if (taken.size() == Math.min(k, points.size())) {
        return taken;
      }
      float[] center = points.get(next);
      next = -1;
      for (int i = 0; i < points.size(); i++) {
        if (nearest[i] >= 0) {
          nearest[i] = Math.min(nearest[i], distance(center, points.get(i)));
          if (next < 0 || nearest[i] > nearest[next]) {
            next = i;
          }
        }
      }
    }
  }

  /** The Euclidean distance between two embeddings. */
  static double distance(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      double d = a[i] - b[i];
      sum += d * d;
    }
    return Math.sqrt(sum);
  }
}
