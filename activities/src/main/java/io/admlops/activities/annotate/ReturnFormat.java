package io.admlops.activities.annotate;

import io.admlops.activities.formats.DatasetFormat;
import io.admlops.schemas.UserInputException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The formats labels may come back in, by the names the {@code annotationsReturned} signal
 * and the command line use.
 */
public enum ReturnFormat {
  /** Label Studio's JSON export of the job's tasks. */
  LABEL_STUDIO("labelstudio"),
  /** CVAT for images 1.1 XML, or a folder holding CVAT's {@code annotations.xml}. */
  CVAT("cvat"),
  /** COCO instances JSON, or a folder holding {@code annotations.json}. */
  COCO("coco"),
  /** KITTI's {@code label_2/} text files, in the folder given or its {@code training/}. */
  KITTI("kitti");

  private final String cliName;

  ReturnFormat(String cliName) {
    this.cliName = cliName;
  }

  public String cliName() {
    return cliName;
  }

  /** The names, comma-separated, for messages that say what was expected. */
  public static final String NAMES = Arrays.stream(values()).map(ReturnFormat::cliName)
      .collect(Collectors.joining(", "));

  /** The format of a name as signals and commands spell it, ignoring case. */
  public static Optional<ReturnFormat> find(String name) {
    String wanted = name == null ? "" : name.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(f -> f.cliName.equals(wanted)).findFirst();
  }

  /**
   * @throws UserInputException naming the formats there are
   */
  public static ReturnFormat named(String name) {
    return find(name).orElseThrow(() -> new UserInputException("unknown labels format '"
        + name + "'; expected one of " + NAMES));
  }

  /**
   * Reads returned labels into the frames of the job in {@code jobFolder}. Problems in the
   * returned files, even a file that is missing or not parseable, are in the result's problem
   * log for QA to judge.
   *
   * @param uri a path, or a {@code file:} URI as the signal may carry
   * @throws UserInputException when {@code jobFolder} holds no labeling job
   */
  public ReturnedLabels read(String uri, Path jobFolder, AnnotationStandard standard)
      throws IOException {
    LabelingJob job = LabelingJob.read(jobFolder);
    return reader().read(path(uri), job, jobFolder, standard);
  }

  private ReturnedLabelsReader reader() {
    return switch (this) {
      case LABEL_STUDIO -> new LabelStudioExportReader();
      case CVAT -> new CvatXmlReader();
      case COCO -> new DatasetFormatReturn(this, DatasetFormat.COCO);
      case KITTI -> new DatasetFormatReturn(this, DatasetFormat.KITTI);
    };
  }

  private static Path path(String uri) {
    if (uri.startsWith("file:")) {
      try {
        return Path.of(URI.create(uri));
      } catch (IllegalArgumentException e) {
        throw new UserInputException("labels uri '" + uri + "' is not a valid file: URI", e);
      }
    }
    return Path.of(uri);
  }
}
