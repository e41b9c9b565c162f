package io.admlops.activities.serve;

import io.admlops.activities.detector.Detection;
import io.admlops.activities.detector.Detector;
import io.admlops.activities.model.ComputeDevice;
import io.admlops.activities.model.ModelConfigLoader;
import io.admlops.activities.modelzoo.ModelVersion;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;

/** A version's weights in DJL, on the process's device: the path predictions take. */
final class DjlServedModel implements ServedModel {

  private final ModelVersion version;
  private final Detector detector;

  private DjlServedModel(ModelVersion version, Detector detector) {
    this.version = version;
    this.detector = detector;
  }

  static DjlServedModel load(ModelVersion version, ComputeDevice device) throws IOException {
    return new DjlServedModel(version, Detector.load(ModelConfigLoader.load(version.config()),
        version.parameters(), device.device()));
  }

  @Override
  public ModelVersion version() {
    return version;
  }

  @Override
  public List<String> classes() {
    return detector.config().classes();
  }

  @Override
  public List<List<Detection>> detect(List<BufferedImage> images) {
    return detector.detect(images);
  }

  @Override
  public void close() {
    detector.close();
  }
}
