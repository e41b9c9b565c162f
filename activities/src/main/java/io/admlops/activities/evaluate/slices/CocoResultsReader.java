package io.admlops.activities.evaluate.slices;

import io.admlops.activities.evaluate.coco.CocoResult;
import io.admlops.activities.formats.ProblemLog;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.frame.Box2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a COCO results file ({@code [{image_id, category_id, bbox, score}, ...]}, what
 * {@code admlops predict} writes) as detections on frames: the ids of the file are turned into
 * frame ids and class names through the maps the file was written with.
 */
public final class CocoResultsReader {

  private final Map<Long, String> frameIds;
  private final Map<Long, String> classNames;

  /**
   * @param frameIds frame id by COCO image id
   * @param classNames class name by COCO category id
   */
  public CocoResultsReader(Map<Long, String> frameIds, Map<Long, String> classNames) {
    this.frameIds = Map.copyOf(frameIds);
    this.classNames = Map.copyOf(classNames);
  }

  /**
   * The detections of the file, in file order.
   *
   * @throws UserInputException naming the file and the JSON pointer of the first bad field,
   *     or of an image or category id the maps do not know
   */
  public List<Detection> read(Path file) throws IOException {
    List<CocoResult> results = CocoResult.read(file);
    List<Detection> detections = new ArrayList<>(results.size());
    for (int i = 0; i < results.size(); i++) {
      CocoResult r = results.get(i);
      String frameId =
          lookUp(frameIds, r.imageId(), file, "/" + i + "/image_id", "image", "frames");
      String className =
          lookUp(classNames, r.categoryId(), file, "/" + i + "/category_id", "category", "classes");
      detections.add(Detection.of(frameId, className,
          Box2D.fromXywh(r.x(), r.y(), r.width(), r.height()), r.score()));
    }
    return detections;
  }

  private static String lookUp(Map<Long, String> names, long id, Path file, String pointer,
      String what, String mappedTo) {
    String name = names.get(id);
    if (name == null) {
      throw new UserInputException(ProblemLog.at(file, pointer) + ": " + what + " " + id
          + " is not one of the " + names.size() + " " + what + " ids mapped to " + mappedTo);
    }
    return name;
  }
}
