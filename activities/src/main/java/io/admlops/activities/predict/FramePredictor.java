package io.admlops.activities.predict;

import io.admlops.activities.detector.Detector;
import io.admlops.activities.evaluate.slices.Detection;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.frame.Frame;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Runs a detector over dataset frames, a few at a time, and names each detection by its
 * frame and class, ready to be scored against the frames' labels.
 */
public final class FramePredictor {

  private static final int BATCH = 8;

  private FramePredictor() {}

  /**
   * The detections of every frame, frame by frame, best first within a frame.
   *
   * @throws UserInputException when a frame's image is missing or cannot be decoded
   */
  public static List<Detection> predict(Detector detector, List<Frame> frames)
      throws IOException {
    List<String> classes = detector.config().classes();
    List<Detection> detections = new ArrayList<>();
    for (int from = 0; from < frames.size(); from += BATCH) {
      List<Frame> batch = frames.subList(from, Math.min(from + BATCH, frames.size()));
      List<BufferedImage> images = new ArrayList<>();
      for (Frame frame : batch) {
        images.add(readImage(frame));
      }
      List<List<io.admlops.activities.detector.Detection>> found = detector.detect(images);
      for (int i = 0; i < batch.size(); i++) {
        String frameId = batch.get(i).id();
        for (var d : found.get(i)) {
          detections.add(new Detection(frameId, classes.get(d.classIndex()), d.x1(), d.y1(),
              d.x2(), d.y2(), d.score()));
        }
      }
    }
    return detections;
  }

  /**
   * A frame's image, decoded from its absolute path.
   *
   * @throws UserInputException when the image is missing or cannot be decoded
   */
  public static BufferedImage readImage(Frame frame) throws IOException {
    Path file = Path.of(frame.image().uri());
    BufferedImage image = file.toFile().isFile() ? ImageIO.read(file.toFile()) : null;
    if (image == null) {
      throw new UserInputException("frame " + frame.id() + ": image " + file
          + " is missing or cannot be decoded");
    }
    return image;
  }
}
