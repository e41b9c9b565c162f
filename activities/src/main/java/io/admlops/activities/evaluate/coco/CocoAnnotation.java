package io.admlops.activities.evaluate.coco;

/**
 * One ground-truth object as a COCO instances file's {@code annotations} list gives it: its
 * id, image and category, its box {@code [x, y, width, height]} in pixels, its area (which
 * places it in a size band; COCO's is the segment's area, not the box's) and whether it is a
 * crowd region, which detections may match without counting.
 */
public record CocoAnnotation(long id, long imageId, long categoryId, double x, double y,
    double width, double height, double area, boolean crowd) {

  GroundTruthBox box() {
    return new GroundTruthBox(id, new double[] {x, y, width, height}, area, crowd);
  }
}
