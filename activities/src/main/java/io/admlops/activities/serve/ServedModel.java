package io.admlops.activities.serve;

import io.admlops.activities.detector.Detection;
import io.admlops.activities.modelzoo.ModelVersion;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A registered detector version loaded in one runtime, answering batches of frames. Owns
 * native memory; close it once no batch runs on it any more.
 */
public interface ServedModel extends AutoCloseable {

  /** The registered version this is. */
  ModelVersion version();

  /** The class names, index {@link Detection#classIndex()} being element {@code i}. */
  List<String> classes();

  /** The detections of each image, in that image's pixels, best first. */
  List<List<Detection>> detect(List<BufferedImage> images);

  @Override
  void close();
}
