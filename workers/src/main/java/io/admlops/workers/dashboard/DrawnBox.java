package io.admlops.workers.dashboard;

import io.admlops.schemas.frame.FrameObject;

/**
 * A box to draw over a frame: a prediction with its score, or a label.
 *
 * @param category the object's class
 * @param x1 left edge in image pixels
 * @param y1 top edge
 * @param x2 right edge
 * @param y2 bottom edge
 * @param score the model's confidence, or null for a label
 */
public record DrawnBox(String category, double x1, double y1, double x2, double y2,
    Double score) {

  static DrawnBox of(FrameObject object) {
    return new DrawnBox(object.category(), object.box().x1(), object.box().y1(),
        object.box().x2(), object.box().y2(), object.score());
  }
}
