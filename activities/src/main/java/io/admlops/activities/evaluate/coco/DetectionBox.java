package io.admlops.activities.evaluate.coco;

/**
 * A detection from a results file. Its id is its 1-based position in the file and its area
 * is its box's, which is how pycocotools' loadRes completes a box result.
 */
record DetectionBox(long id, double[] box, double score) {

  double area() {
    return box[2] * box[3];
  }
}
