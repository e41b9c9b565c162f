package io.admlops.activities.analyze;

import io.admlops.activities.analyze.AnalysisResult.BoxSizes;
import io.admlops.activities.analyze.AnalysisResult.ClassStats;
import io.admlops.activities.analyze.AnalysisResult.Heatmap;
import io.admlops.schemas.frame.Box2D;
import io.admlops.schemas.frame.FrameObject;
import io.admlops.schemas.frame.ImageRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Counts the instances of one class (or of all classes) into fixed bins. */
final class ClassTally {

  /** Cells per side of the box center grid. */
  static final int GRID = 10;

  /** COCO's upper bound of a small object's area: 32² pixels. */
  static final double SMALL_AREA = 32 * 32;

  /** COCO's upper bound of a medium object's area: 96² pixels. */
  static final double MEDIUM_AREA = 96 * 96;

  static final List<String> OCCLUSION_BINS = List.of("0 fully visible", "1 partly occluded",
      "2 largely occluded", "3 unknown", "not given");

  static final List<String> TRUNCATION_BINS = List.of("0", "(0, 0.15]", "(0.15, 0.3]",
      "(0.3, 0.5]", ">0.5", "unknown");

  private long objects;
  private long frames;
  private long crowdRegions;
  private long small;
  private long medium;
  private long large;
  private final long[] widths = Bins.PIXELS.newCounts();
  private final long[] heights = Bins.PIXELS.newCounts();
  private final long[] aspectRatios = Bins.ASPECT_RATIO.newCounts();
  private final long[][] centers = new long[GRID][GRID];
  private final long[] occlusion = new long[OCCLUSION_BINS.size()];
  private final long[] truncation = new long[TRUNCATION_BINS.size()];

  /**
   * Counts an instance. Its box is valid in the image, as every reader checks it with
   * {@link io.admlops.activities.formats.BoxRules}.
   */
  void addInstance(FrameObject object, ImageRef image) {
    objects++;
    Box2D box = object.box();
    // COCO's evaluation ranks objects by the annotation's area (the segmentation's), not by
    // the box's; the source's area is used where it gives one, the box's otherwise.
    double area = object.area() != null ? object.area() : box.area();
    if (area < SMALL_AREA) {
      small++;
    } else if (area < MEDIUM_AREA) {
      medium++;
    } else {
      large++;
    }
    widths[Bins.PIXELS.index(box.width())]++;
    heights[Bins.PIXELS.index(box.height())]++;
    aspectRatios[Bins.ASPECT_RATIO.index(box.width() / box.height())]++;
    double centerX = (box.x1() + box.x2()) / 2 / image.width();
    double centerY = (box.y1() + box.y2()) / 2 / image.height();
    centers[cell(centerY)][cell(centerX)]++;
    occlusion[occlusionBin(object.occlusion())]++;
    truncation[truncationBin(object.truncation())]++;
  }

  /** Counts a crowd region of the class. */
  void addCrowdRegion() {
    crowdRegions++;
  }

  /** Counts a frame with at least one instance. */
  void addFrame() {
    frames++;
  }

  ClassStats stats() {
    List<List<Long>> grid = new ArrayList<>();
    for (long[] row : centers) {
      grid.add(Arrays.stream(row).boxed().toList());
    }
    return new ClassStats(objects, frames, crowdRegions, new BoxSizes(small, medium, large),
        Bins.PIXELS.histogram(widths), Bins.PIXELS.histogram(heights),
        Bins.ASPECT_RATIO.histogram(aspectRatios), new Heatmap(grid),
        Bins.histogram(OCCLUSION_BINS, occlusion), Bins.histogram(TRUNCATION_BINS, truncation));
  }

  /** The grid cell of a normalized coordinate; boxes may end a pixel past the border. */
  private static int cell(double normalized) {
    return Math.max(0, Math.min(GRID - 1, (int) Math.floor(normalized * GRID)));
  }

  private static int occlusionBin(Integer code) {
    boolean known = code != null && code >= 0 && code <= 3;
    return known ? code : OCCLUSION_BINS.size() - 1;
  }

  private static int truncationBin(Double truncation) {
    if (truncation == null) {
      return TRUNCATION_BINS.size() - 1;
    }
    if (truncation <= 0) {
      return 0;
    }
    if (truncation <= 0.15) {
      return 1;
    }
    if (truncation <= 0.3) {
      return 2;
    }
    return truncation <= 0.5 ? 3 : 4;
  }
}
