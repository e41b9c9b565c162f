package io.admlops.activities.evaluate.coco;

/**
 * A detection, from a results file or held in memory. Its area is its box's, which is how
 * pycocotools' loadRes completes a box result. (loadRes also numbers detections from 1, and
 * COCOeval only ever tests those ids for being non-zero, so they play no part here.)
 */
record DetectionBox(double[] box, double score) {

  double area() {
    return box[2] * box[3];
  }
}
