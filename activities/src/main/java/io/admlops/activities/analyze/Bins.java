package io.admlops.activities.analyze;

import io.admlops.activities.analyze.AnalysisResult.Histogram;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A fixed set of bins over the number line, split at ascending edges: the first bin holds
 * what lies below the first edge, bin {@code i} what lies from edge {@code i - 1} up to edge
 * {@code i}, the last what lies at or above the last edge. Fixed bins keep a histogram's
 * memory independent of the number of frames.
 */
final class Bins {

  /** Instances per frame: 0 to 19 one by one, then 20 or more. */
  static final Bins INSTANCES_PER_FRAME = integers(20);

  /**
   * Box sides in pixels, doubling from 8 to 512: object sizes span two orders of magnitude
   * (a distant pedestrian, a close truck), which equal-width bins would crush into one bin.
   */
  static final Bins PIXELS = of(new double[] {8, 16, 32, 64, 128, 256, 512});

  /**
   * Width over height on bins spaced by a factor of √2 from 1/4 to 4, so a box twice as wide
   * as high lies as far from square as one twice as high as wide.
   */
  static final Bins ASPECT_RATIO = of(new double[] {0.25, Math.sqrt(0.125), 0.5,
      Math.sqrt(0.5), 1, Math.sqrt(2), 2, Math.sqrt(8), 4});

  private final double[] edges;
  private final List<String> labels;

  private Bins(double[] edges, List<String> labels) {
    this.edges = edges;
    this.labels = List.copyOf(labels);
  }

  /** Bins split at the given ascending edges, labeled by their ranges. */
  static Bins of(double[] edges) {
    List<String> labels = new ArrayList<>();
    labels.add("<" + number(edges[0]));
    for (int i = 1; i < edges.length; i++) {
      labels.add(number(edges[i - 1]) + "–" + number(edges[i]));
    }
    labels.add("≥" + number(edges[edges.length - 1]));
    return new Bins(edges.clone(), labels);
  }

  /** One bin per whole number from 0 below {@code last}, then one for {@code last} or more. */
  static Bins integers(int last) {
    double[] edges = new double[last];
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < last; i++) {
      edges[i] = i + 1;
      labels.add(Integer.toString(i));
    }
    labels.add("≥" + last);
    return new Bins(edges, labels);
  }

  /** The bin a value falls in. */
  int index(double value) {
    int found = Arrays.binarySearch(edges, value);
    return found >= 0 ? found + 1 : -found - 1;
  }

  /** A counter with one slot per bin. */
  long[] newCounts() {
    return new long[labels.size()];
  }

  /** The histogram of counts kept in a {@link #newCounts()} array. */
  Histogram histogram(long[] counts) {
    return histogram(labels, counts);
  }

  /** The histogram of counts for the given labels. */
  static Histogram histogram(List<String> labels, long[] counts) {
    return new Histogram(labels, Arrays.stream(counts).boxed().toList());
  }

  /** At most two decimals, without trailing zeros: 0.35, 1.41, 2, 512. */
  private static String number(double edge) {
    return new BigDecimal(edge).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros()
        .toPlainString();
  }
}
