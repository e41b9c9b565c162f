package io.admlops.activities.annotate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.json.Mappers;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A labeling job as its {@code job.json} records it: what was sent, so returned labels can be
 * matched to the frames and checked against the pre-annotations days later.
 *
 * @param batchId the labeling batch; the outbox folder's name
 * @param dataset the dataset definition's name
 * @param classes the classes annotators may use, in the definition's order
 * @param attributes the attributes every box carries
 * @param model the model version whose boxes are the pre-annotations, or null
 * @param createdFrom what the caller says the job was made from (iteration, collected batch,
 *     selection strategy, ...), sorted by key
 * @param frames the frames, in the order they were given
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LabelingJob(String batchId, String dataset, List<String> classes,
    List<String> attributes, String model, Map<String, String> createdFrom,
    List<JobFrame> frames) {

  /** The job's own record. */
  public static final String JOB = "job.json";
  /** The folder of the job's images. */
  public static final String IMAGES = "images";
  /** Label Studio's import: one task per frame with the pre-annotations as predictions. */
  public static final String LABEL_STUDIO_TASKS = "tasks.labelstudio.json";
  /** Label Studio's labeling interface for the job's classes and attributes. */
  public static final String LABEL_STUDIO_CONFIG = "labeling-config.xml";
  /** CVAT for images 1.1 with the pre-annotations, to upload into a CVAT task. */
  public static final String CVAT_ANNOTATIONS = "annotations.cvat.xml";
  /** The annotation spec for the people who label. */
  public static final String SPEC = "spec.md";

  /** Label Studio's prefix on uploaded files: eight hex digits and a dash. */
  private static final Pattern UPLOAD_PREFIX = Pattern.compile("[0-9a-f]{8}-(.+)");

  public LabelingJob {
    classes = List.copyOf(classes);
    attributes = attributes == null ? List.of() : List.copyOf(attributes);
    createdFrom = Collections.unmodifiableMap(
        new TreeMap<>(createdFrom == null ? Map.of() : createdFrom));
    frames = List.copyOf(frames);
  }

  /**
   * Reads the job in an outbox folder.
   *
   * @throws UserInputException when the folder holds no readable {@code job.json}
   */
  public static LabelingJob read(Path jobFolder) throws IOException {
    Path file = jobFolder.resolve(JOB);
    if (!Files.isRegularFile(file)) {
      throw new UserInputException(jobFolder + ": no " + JOB + "; not a labeling job folder");
    }
    try {
      return Mappers.json().readValue(file.toFile(), LabelingJob.class);
    } catch (JsonProcessingException e) {
      throw new UserInputException(file + ": not a labeling job: " + e.getOriginalMessage(), e);
    }
  }

  /** The frame of that id. */
  public Optional<JobFrame> frame(String id) {
    return frames.stream().filter(f -> f.id().equals(id)).findFirst();
  }

  /**
   * The frame whose image a returned file names: a bare file name, a relative path, a URL,
   * Label Studio's {@code /data/upload/<project>/<8 hex>-<name>} or
   * {@code /data/local-files/?d=<path>}; matched by the file name at its end.
   */
  public Optional<JobFrame> frameForImage(String reference) {
    String name = fileName(reference);
    Optional<JobFrame> exact = frames.stream().filter(f -> f.image().equals(name)).findFirst();
    if (exact.isPresent()) {
      return exact;
    }
    Matcher uploaded = UPLOAD_PREFIX.matcher(name);
    return uploaded.matches() ? frames.stream()
        .filter(f -> f.image().equals(uploaded.group(1))).findFirst() : Optional.empty();
  }

  /** Where a frame's image is in the job folder. */
  public static Path imagePath(Path jobFolder, JobFrame frame) {
    return jobFolder.resolve(IMAGES).resolve(frame.image());
  }

  private static String fileName(String reference) {
    String path = decoded(reference);
    int localFiles = path.indexOf("?d=");
    if (localFiles >= 0) {
      path = path.substring(localFiles + 3);
    } else if (path.indexOf('?') >= 0) {
      path = path.substring(0, path.indexOf('?'));
    }
    return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  }

  /** URL escapes undone; a reference that is not URL-encoded is taken as it is. */
  private static String decoded(String reference) {
    try {
      return URLDecoder.decode(reference.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notEncoded) {
      return reference;
    }
  }
}
