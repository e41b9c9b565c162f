package io.admlops.activities.annotate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.admlops.schemas.frame.FrameObject;
import io.admlops.schemas.json.Mappers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Label Studio's task import for a job: one task per frame, {@code data.image} the image's
 * URL and {@code data.frame_id} the frame's id (Label Studio keeps both in its export, so
 * returned labels find their frame even when it renames uploaded images), and the
 * pre-annotations as one prediction whose score is the mean of its boxes' scores.
 */
final class LabelStudioTasks {

  /** The task data field that carries the frame id through Label Studio. */
  static final String FRAME_ID = "frame_id";

  private LabelStudioTasks() {}

  /**
   * @param imageBaseUrl what precedes an image's file name in {@code data.image}
   */
  static void write(LabelingJob job, AnnotationStandard standard, String imageBaseUrl,
      Path file) throws IOException {
    LabelStudioRegions regions = new LabelStudioRegions(standard);
    ArrayNode tasks = Mappers.json().createArrayNode();
    for (JobFrame frame : job.frames()) {
      ObjectNode task = tasks.addObject();
      ObjectNode data = task.putObject("data");
      data.put(LabelStudioConfig.IMAGE, imageBaseUrl + frame.image());
      data.put(FRAME_ID, frame.id());
      List<FrameObject> boxes = frame.preAnnotations();
      if (boxes.isEmpty()) {
        continue;
      }
      ObjectNode prediction = task.putArray("predictions").addObject();
      if (job.model() != null) {
        prediction.put("model_version", job.model());
      }
      prediction.put("score", boxes.stream().mapToDouble(FrameObject::score).average()
          .orElseThrow());
      ArrayNode result = prediction.putArray("result");
      for (int i = 0; i < boxes.size(); i++) {
        regions.append(boxes.get(i), "p" + i, frame.width(), frame.height(), result);
      }
    }
    OutboxJson.write(tasks, file);
  }
}
