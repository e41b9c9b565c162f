package io.admlops.activities.evaluate.coco;

import java.util.Arrays;
import java.util.List;

/**
 * The detections of one category in all its images, ranked as COCOeval's accumulate ranks
 * them: the per-image lists are joined in image order and sorted by score with a stable sort,
 * so ties keep image order and then rank order within the image. One ranking serves every
 * size band and detection limit: a lower limit only drops the detections ranked below it in
 * their image, which leaves the order of the others unchanged.
 */
final class CategoryRanking {

  private final List<ImageMatch> matches;
  /** Per ranked detection: its image, as an index into {@code matches}. */
  private final int[] images;
  /** Per ranked detection: its rank within its image. */
  private final int[] ranks;
  /** Per size band: the ground-truth objects that count, over all images. */
  private final int[] countedTruths;

  CategoryRanking(List<ImageMatch> matches) {
    this.matches = matches;
    int total = matches.stream().mapToInt(m -> m.scores().length).sum();
    double[] scores = new double[total];
    int[] imageOf = new int[total];
    int[] rankOf = new int[total];
    int next = 0;
    for (int i = 0; i < matches.size(); i++) {
      double[] imageScores = matches.get(i).scores();
      for (int d = 0; d < imageScores.length; d++, next++) {
        scores[next] = imageScores[d];
        imageOf[next] = i;
        rankOf[next] = d;
      }
    }
    int[] order = ScoreOrder.descending(scores);
    images = new int[total];
    ranks = new int[total];
    for (int r = 0; r < total; r++) {
      images[r] = imageOf[order[r]];
      ranks[r] = rankOf[order[r]];
    }
    countedTruths = new int[CocoProtocol.AREAS.size()];
    for (ImageMatch match : matches) {
      for (int a = 0; a < countedTruths.length; a++) {
        countedTruths[a] += match.countedTruths()[a];
      }
    }
  }

  /**
   * Fills the category's cells of {@code table}. Bands without an object that counts are left
   * unmeasured, as COCOeval leaves them.
   */
  void fill(PrecisionTable table, int category) {
    byte[][] ranked = rankedOutcomes();
    byte[] outcomes = new byte[ranks.length];
    for (int m = 0; m < CocoProtocol.MAX_DETECTIONS.length; m++) {
      int[] kept = withinLimit(CocoProtocol.MAX_DETECTIONS[m]);
      for (int a = 0; a < countedTruths.length; a++) {
        if (countedTruths[a] == 0) {
          continue;
        }
        for (int t = 0; t < CocoProtocol.IOU_THRESHOLDS.length; t++) {
          byte[] all = ranked[a * CocoProtocol.IOU_THRESHOLDS.length + t];
          for (int r = 0; r < kept.length; r++) {
            outcomes[r] = all[kept[r]];
          }
          table.fill(category, a, m, t, outcomes, kept.length, countedTruths[a]);
        }
      }
    }
  }

  /**
   * The outcomes of all ranked detections, one row per band and threshold (band first). Read
   * once from the images, so that each limit then copies from one row in rank order.
   */
  private byte[][] rankedOutcomes() {
    int thresholds = CocoProtocol.IOU_THRESHOLDS.length;
    byte[][] rows = new byte[countedTruths.length * thresholds][ranks.length];
    for (int r = 0; r < ranks.length; r++) {
      ImageMatch match = matches.get(images[r]);
      for (int a = 0; a < countedTruths.length; a++) {
        for (int t = 0; t < thresholds; t++) {
          rows[a * thresholds + t][r] = match.outcome(a, t, ranks[r]);
        }
      }
    }
    return rows;
  }

  /** The ranked positions of the detections within the first {@code limit} of their image. */
  private int[] withinLimit(int limit) {
    int[] kept = new int[ranks.length];
    int count = 0;
    for (int r = 0; r < ranks.length; r++) {
      if (ranks[r] < limit) {
        kept[count++] = r;
      }
    }
    return Arrays.copyOf(kept, count);
  }
}
