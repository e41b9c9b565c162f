package io.admlops.schemas.frame;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An axis-aligned box in pixels, by its corners (left, top, right, bottom), the way KITTI and
 * VOC write it; COCO's {x, y, w, h} and YOLO's normalized centers convert at the edges.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Box2D(double x1, double y1, double x2, double y2) {

  /** From COCO's top-left corner and size. */
  public static Box2D fromXywh(double x, double y, double w, double h) {
    return new Box2D(x, y, x + w, y + h);
  }

  @JsonIgnore
  public double width() {
    return x2 - x1;
  }

  @JsonIgnore
  public double height() {
    return y2 - y1;
  }

  @JsonIgnore
  public double area() {
    return Math.max(0, width()) * Math.max(0, height());
  }

  /** The part of the box inside an image of the given size. */
  public Box2D clippedTo(int imageWidth, int imageHeight) {
    return new Box2D(clamp(x1, imageWidth), clamp(y1, imageHeight),
        clamp(x2, imageWidth), clamp(y2, imageHeight));
  }

  private static double clamp(double v, int max) {
    return Math.max(0, Math.min(max, v));
  }
}
