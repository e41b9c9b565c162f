package io.admlops.activities.train;

import io.admlops.activities.detector.LabeledBox;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.FrameObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One labeled frame as the trainer needs it: the image file and the boxes of the classes
 * the model predicts, in image pixels.
 *
 * @param frameId the frame's id in its dataset version
 * @param image the image file
 * @param boxes boxes of the model's classes
 */
record TrainingExample(String frameId, Path image, List<LabeledBox> boxes) {

  TrainingExample {
    boxes = List.copyOf(boxes);
  }

  /**
   * The example of a frame with an absolute image path. Objects of classes the model does
   * not predict (KITTI's DontCare, a class the config left out) and crowd regions are left
   * out: they are neither positives nor negatives the heatmap could learn from.
   */
  static TrainingExample of(Frame frame, Map<String, Integer> classIndex) {
    List<LabeledBox> boxes = new ArrayList<>();
    for (FrameObject object : frame.objects()) {
      Integer index = classIndex.get(object.category());
      if (index != null && !object.crowd()) {
        boxes.add(new LabeledBox(index, object.box().x1(), object.box().y1(),
            object.box().x2(), object.box().y2()));
      }
    }
    return new TrainingExample(frame.id(), Path.of(frame.image().uri()), boxes);
  }
}
