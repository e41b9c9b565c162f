package io.admlops.activities.evaluate.coco;

/**
 * A ground-truth annotation as evaluation sees it: its box {@code [x, y, width, height]}, its
 * annotated area (which places it in a size band) and whether it is a crowd region.
 */
record GroundTruthBox(long id, double[] box, double area, boolean crowd) {}
