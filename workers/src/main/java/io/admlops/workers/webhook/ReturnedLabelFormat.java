package io.admlops.workers.webhook;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The formats a labeling vendor may return labels in, by the names the signal carries. */
public enum ReturnedLabelFormat {
  LABEL_STUDIO("labelstudio"),
  CVAT("cvat"),
  COCO("coco"),
  KITTI("kitti");

  /** The names, comma-separated, for messages that say what was expected. */
  public static final String NAMES = Arrays.stream(values()).map(ReturnedLabelFormat::signalName)
      .collect(Collectors.joining(", "));

  private final String signalName;

  ReturnedLabelFormat(String signalName) {
    this.signalName = signalName;
  }

  /** The name in the {@code annotationsReturned} signal and on the command line. */
  public String signalName() {
    return signalName;
  }

  /** The format of that name, exactly as the signal spells it. */
  public static Optional<ReturnedLabelFormat> named(String name) {
    return Arrays.stream(values()).filter(f -> f.signalName.equals(name)).findFirst();
  }
}
