package io.admlops.activities.evaluate.slices;

import io.admlops.activities.evaluate.coco.CocoEvaluation;
import io.admlops.activities.evaluate.coco.CocoEvaluator;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.FrameObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * COCO box evaluation of one model's detections on a test split, overall and per slice:
 * <ul>
 *   <li>{@code timeofday=}, {@code weather=}, {@code scene=} each value of the frames' scene
 *       attributes, and {@code tag=} each tag (keys as {@link SliceKey} writes them): the
 *       frames of the slice with their ground truth and detections alone, evaluated on their
 *       own;</li>
 *   <li>{@code size=small}, {@code size=medium}, {@code size=large}: all frames, with objects
 *       of other sizes ignored, as COCO's APs, APm and APl (areas up to 32², 32² to 96², from
 *       96² square pixels); the frame count is of frames holding an object of the size.</li>
 * </ul>
 * Every slice is measured against the same classes: those of the ground truth (KITTI's
 * {@code DontCare} regions aside) and of the detections, in alphabetical order.
 */
public final class SliceEvaluator {

  private static final List<String> SIZES = List.of("small", "medium", "large");

  private final CocoEvaluator coco = new CocoEvaluator();

  /**
   * Evaluates the detections on the frames.
   *
   * @throws UserInputException when there are no frames, two frames share an id, or a
   *     detection names a frame that is not among them
   */
  public SliceEvaluation evaluate(List<Frame> frames, List<Detection> detections) {
    if (frames.isEmpty()) {
      throw new UserInputException("no frames to evaluate");
    }
    Map<String, List<Detection>> byFrame = detectionsByFrame(frames, detections);
    CocoFrames cocoFrames = new CocoFrames(classes(frames, detections));
    CocoEvaluation overall = cocoFrames.evaluate(coco, frames, byFrame);
    Map<String, SliceResult> slices = new LinkedHashMap<>();
    SceneSlices.of(frames).forEach((key, sliceFrames) ->
        slices.put(key, result(sliceFrames, cocoFrames.evaluate(coco, sliceFrames, byFrame))));
    for (String size : SIZES) {
      slices.put(SliceKey.of(SliceKey.SIZE, size), SliceResult.of(overall.sizes().get(size)));
    }
    return new SliceEvaluation(frames.stream().map(Frame::id).toList(), overall.stats(),
        result(frames, overall), slices);
  }

  private static SliceResult result(List<Frame> frames, CocoEvaluation evaluation) {
    int objects = (int) frames.stream().flatMap(f -> f.objects().stream())
        .filter(CocoFrames::counts).count();
    return SliceResult.of(frames.size(), objects, evaluation);
  }

  private static Map<String, List<Detection>> detectionsByFrame(List<Frame> frames,
      List<Detection> detections) {
    Set<String> ids = new HashSet<>();
    for (Frame frame : frames) {
      if (!ids.add(frame.id())) {
        throw new UserInputException("frame id '" + frame.id()
            + "' occurs twice among the frames to evaluate");
      }
    }
    Map<String, List<Detection>> byFrame = new LinkedHashMap<>();
    for (Detection d : detections) {
      if (!ids.contains(d.frameId())) {
        throw new UserInputException("a detection names frame '" + d.frameId()
            + "', which is not among the " + frames.size() + " frames evaluated");
      }
      byFrame.computeIfAbsent(d.frameId(), k -> new ArrayList<>()).add(d);
    }
    return byFrame;
  }

  private static List<String> classes(List<Frame> frames, List<Detection> detections) {
    Set<String> classes = new TreeSet<>();
    frames.stream().flatMap(f -> f.objects().stream()).filter(CocoFrames::takesPart)
        .map(FrameObject::category).forEach(classes::add);
    detections.stream().map(Detection::className).forEach(classes::add);
    return List.copyOf(classes);
  }
}
