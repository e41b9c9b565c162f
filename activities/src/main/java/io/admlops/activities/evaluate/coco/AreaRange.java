package io.admlops.activities.evaluate.coco;

/**
 * An object size band of the COCO protocol, in square pixels, bounds included. Ground truth is
 * placed by its annotated {@code area} (the segment's area, not the box's); detections by
 * their box area.
 */
record AreaRange(String label, double min, double max) {

  /** Written as "neither below nor above" so that a NaN area falls inside, as in COCOeval. */
  boolean contains(double area) {
    return !(area < min || area > max);
  }
}
