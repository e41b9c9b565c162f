package io.admlops.activities.evaluate.coco;

/**
 * A ground-truth annotation as evaluation sees it: its box {@code [x, y, width, height]}, its
 * annotated area (which places it in a size band) and whether it is a crowd region.
 */
record GroundTruthBox(long id, double[] box, double area, boolean crowd) {

  /** Whether the object counts towards recall in a size band; crowds and other sizes don't. */
  boolean countsIn(AreaRange band) {
    return !crowd && band.contains(area);
  }
}
