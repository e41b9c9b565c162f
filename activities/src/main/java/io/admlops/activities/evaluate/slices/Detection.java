package io.admlops.activities.evaluate.slices;

import io.admlops.schemas.frame.Box2D;
import java.util.Objects;

/**
 * One box a model predicted on a frame, by its corners in pixels, as {@link Box2D} writes
 * them.
 *
 * @param frameId the {@link io.admlops.schemas.frame.Frame#id()} it was predicted on
 * @param className a class of the dataset's taxonomy
 * @param score the model's confidence; higher ranks first
 */
public record Detection(String frameId, String className, double x1, double y1, double x2,
    double y2, double score) {

  public Detection {
    Objects.requireNonNull(frameId, "frameId");
    Objects.requireNonNull(className, "className");
    if (!Double.isFinite(score)) {
      throw new IllegalArgumentException("a detection's score must be finite, got " + score
          + " on frame " + frameId);
    }
  }

  /** A detection of the given box. */
  public static Detection of(String frameId, String className, Box2D box, double score) {
    return new Detection(frameId, className, box.x1(), box.y1(), box.x2(), box.y2(), score);
  }

  public Box2D box() {
    return new Box2D(x1, y1, x2, y2);
  }
}
