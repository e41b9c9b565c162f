package io.admlops.activities.evaluate.coco;

/**
 * Ranks scores highest first with a stable sort, as COCOeval does with numpy's mergesort of
 * negated scores: equal scores keep their order, and -0.0 equals 0.0 (a plain comparison,
 * where {@link Double#compare} would tell them apart). Sorts positions in primitive arrays,
 * since the detections of a category across all images number in the hundreds of thousands.
 */
final class ScoreOrder {

  private ScoreOrder() {}

  /** The positions of {@code scores}, highest score first, ties in position order. */
  static int[] descending(double[] scores) {
    int count = scores.length;
    int[] order = new int[count];
    for (int i = 0; i < count; i++) {
      order[i] = i;
    }
    int[] merged = new int[count];
    for (int width = 1; width < count; width *= 2) {
      for (int low = 0; low < count; low += 2 * width) {
        merge(scores, order, merged, low, Math.min(low + width, count),
            Math.min(low + 2 * width, count));
      }
      int[] sorted = merged;
      merged = order;
      order = sorted;
    }
    return order;
  }

  /** Merges two sorted runs; the left run wins ties, which keeps the sort stable. */
  private static void merge(double[] scores, int[] from, int[] to, int low, int middle,
      int high) {
    int left = low;
    int right = middle;
    int out = low;
    while (left < middle && right < high) {
      to[out++] = scores[from[right]] > scores[from[left]] ? from[right++] : from[left++];
    }
    System.arraycopy(from, left, to, out, middle - left);
    out += middle - left;
    System.arraycopy(from, right, to, out, high - right);
  }
}
