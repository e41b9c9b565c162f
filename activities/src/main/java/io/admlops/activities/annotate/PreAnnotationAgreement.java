package io.admlops.activities.annotate;

import io.admlops.activities.formats.Taxonomy;
import io.admlops.schemas.frame.Box2D;
import io.admlops.schemas.frame.FrameObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Matches a frame's labels to its confident pre-annotations one to one, same class, best IoU
 * first (the greedy matching detection metrics use), and counts what stays unmatched.
 * {@code DontCare} regions are neither labels nor predictions and take no part.
 */
final class PreAnnotationAgreement {

  private final QaPolicy policy;

  PreAnnotationAgreement(QaPolicy policy) {
    this.policy = policy;
  }

  FrameAgreement of(String frameId, List<FrameObject> preAnnotations,
      List<FrameObject> labels) {
    List<FrameObject> confident = preAnnotations.stream()
        .filter(p -> p.score() != null && p.score() >= policy.confidentScore())
        .filter(p -> !Taxonomy.DONT_CARE.equals(p.category())).toList();
    List<FrameObject> labeled = labels.stream()
        .filter(l -> !Taxonomy.DONT_CARE.equals(l.category())).toList();
    record Pair(int prediction, int label, double iou) {}
    List<Pair> pairs = new ArrayList<>();
    for (int p = 0; p < confident.size(); p++) {
      for (int l = 0; l < labeled.size(); l++) {
        if (confident.get(p).category().equals(labeled.get(l).category())) {
          double iou = iou(confident.get(p).box(), labeled.get(l).box());
          if (iou >= policy.matchIou()) {
            pairs.add(new Pair(p, l, iou));
          }
        }
      }
    }
    pairs.sort(Comparator.comparingDouble(Pair::iou).reversed());
    boolean[] predictionMatched = new boolean[confident.size()];
    boolean[] labelMatched = new boolean[labeled.size()];
    int matches = 0;
    for (Pair pair : pairs) {
      if (!predictionMatched[pair.prediction()] && !labelMatched[pair.label()]) {
        predictionMatched[pair.prediction()] = true;
        labelMatched[pair.label()] = true;
        matches++;
      }
    }
    int unlabeled = confident.size() - matches;
    int unpredicted = labeled.size() - matches;
    boolean flagged = share(unlabeled, confident.size()) > policy.maxUnlabeledShare()
        || share(unpredicted, labeled.size()) > policy.maxUnpredictedShare();
    return new FrameAgreement(frameId, confident.size(), labeled.size(), unlabeled,
        unpredicted, flagged);
  }

  private static double share(int part, int whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }

  static double iou(Box2D a, Box2D b) {
    double w = Math.min(a.x2(), b.x2()) - Math.max(a.x1(), b.x1());
    double h = Math.min(a.y2(), b.y2()) - Math.max(a.y1(), b.y1());
    if (w <= 0 || h <= 0) {
      return 0;
    }
    double overlap = w * h;
    return overlap / (a.area() + b.area() - overlap);
  }
}
