package io.admlops.activities.formats.nuscenes;

import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.activities.formats.ProblemLog;
import io.admlops.schemas.frame.CameraIntrinsics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The tables of one nuScenes table folder (e.g. {@code v1.0-mini/}), as far as the reader
 * needs them. Small tables are read first so the large ones can be filtered while they stream:
 * of sample_data only the key-frame {@value #CHANNEL} images are kept, of ego_pose only their
 * poses, of sample_annotation only the columns a frame needs.
 *
 * <p>Every invalid value and dangling token is an error at its JSON pointer, and the record
 * holding it is left out along with the records depending on it. scene.json and log.json are
 * optional and only name a sample's scene and its location, so they are not checked.
 */
final class NuScenesTables {

  /** The camera whose key frames become frames. */
  static final String CHANNEL = "CAM_FRONT";

  /** KITTI's occlusion code for an annotation without a visibility. */
  private static final int UNKNOWN_OCCLUSION = 3;

  /**
   * nuScenes' visibility is the fraction of the object visible over all six cameras, in bins;
   * KITTI's occlusion codes are fully visible (0), partly (1) and largely (2) occluded.
   */
  private static final Map<String, Integer> OCCLUSION_BY_LEVEL =
      Map.of("v80-100", 0, "v60-80", 1, "v40-60", 1, "v0-40", 2);

  /** A keyframe: the moment all sensors were annotated together. */
  record Sample(int index, String token, String sceneToken, long timestamp) {}

  /**
   * @param name the scene's name, e.g. {@code scene-0061}, else its token
   * @param location the location of its log, e.g. {@code singapore-onenorth}; null if unknown
   */
  record Scene(String name, String location) {}

  /**
   * A sensor's placement on the vehicle.
   *
   * @param channel e.g. {@code CAM_FRONT}
   * @param cameraToEgo the sensor's pose in the ego frame; null for other channels than
   *     {@value #CHANNEL}, which the reader ignores
   * @param intrinsics the camera's projection; null for other channels
   */
  record Calibration(String channel, Pose cameraToEgo, CameraIntrinsics intrinsics) {}

  /**
   * A key-frame {@value #CHANNEL} image of a sample.
   *
   * @param location the sample_data record's location
   * @param filename relative to the dataset root
   * @param egoPoseToken null when the record has none, which is reported when it is followed
   * @param width 0 when not given
   * @param height 0 when not given
   */
  record FrontImage(String location, String filename, Calibration calibration,
      String egoPoseToken, int width, int height) {}

  /** An object tracked across samples; its token is the track id. */
  record Instance(int index, String token, String category) {}

  private final Path folder;
  private final ProblemLog problems;
  private final List<Sample> samplesInOrder = new ArrayList<>();
  private final List<Instance> instancesInOrder = new ArrayList<>();
  private final TokenIndex<Sample> samples;
  private final TokenIndex<Scene> scenes;
  private final FrontImage[] frontImages;
  private final TokenIndex<Pose> egoPoses;
  private final AnnotationColumns annotations = new AnnotationColumns();
  private final int[] frameIndex;

  private NuScenesTables(Path folder, ProblemLog problems) throws IOException {
    this.folder = folder;
    this.problems = problems;
    samples = TokenIndex.load(table("sample.json"), problems, this::sample);
    frameIndex = frameIndexes(samplesInOrder);
    scenes = scenes();
    TokenIndex<String> sensors = TokenIndex.load(table("sensor.json"), problems,
        row -> row.requiredText("channel", problems));
    TokenIndex<Calibration> calibrations = TokenIndex.load(table("calibrated_sensor.json"),
        problems, row -> calibration(row, sensors));
    frontImages = new FrontImage[samplesInOrder.size()];
    TableFile.forEachRow(table("sample_data.json"), problems,
        row -> addFrontImage(row, calibrations));
    Set<String> wantedPoses = new HashSet<>();
    for (FrontImage image : frontImages) {
      if (image != null && image.egoPoseToken() != null) {
        wantedPoses.add(image.egoPoseToken());
      }
    }
    egoPoses = TokenIndex.load(table("ego_pose.json"), problems, wantedPoses::contains,
        this::pose);
    TokenIndex<String> categories = TokenIndex.load(table("category.json"), problems,
        row -> row.requiredText("name", problems));
    TokenIndex<Instance> instances = TokenIndex.load(table("instance.json"), problems,
        row -> instance(row, categories));
    TokenIndex<String> attributes = TokenIndex.load(table("attribute.json"), problems,
        row -> row.requiredText("name", problems));
    TokenIndex<Integer> visibilities = TokenIndex.load(table("visibility.json"), problems,
        this::occlusion);
    TableFile.forEachRow(table("sample_annotation.json"), problems,
        row -> addAnnotation(row, instances, attributes, visibilities));
    annotations.groupBySample(samplesInOrder.size());
  }

  /**
   * Reads a table folder; problems go to the log.
   *
   * @throws IOException when a table cannot be read; a missing table or malformed JSON is a
   *     {@link io.admlops.schemas.UserInputException} naming the file
   */
  static NuScenesTables load(Path folder, ProblemLog problems) throws IOException {
    return new NuScenesTables(folder, problems);
  }

  /** The samples in table order. */
  List<Sample> samples() {
    return samplesInOrder;
  }

  /** The sample's key-frame {@value #CHANNEL} image; null when it has none. */
  FrontImage frontImage(Sample sample) {
    return frontImages[sample.index()];
  }

  /** The ego vehicle's pose in the world when the image was taken; null, reported, if none. */
  Pose egoPose(FrontImage image) {
    return egoPoses.follow(image.egoPoseToken(), image.location() + "/ego_pose_token",
        problems);
  }

  /** The sample's scene, when scene.json names it; else null. */
  Scene scene(Sample sample) {
    return scenes.get(sample.sceneToken());
  }

  /** The sample's position in its scene, by time. */
  int frameIndex(Sample sample) {
    return frameIndex[sample.index()];
  }

  AnnotationColumns annotations() {
    return annotations;
  }

  Instance instance(int index) {
    return instancesInOrder.get(index);
  }

  /** The location of an annotation by its position in sample_annotation.json. */
  String annotationLocation(int tableIndex) {
    return ProblemLog.at(table("sample_annotation.json"), "/" + tableIndex);
  }

  private Path table(String name) {
    return folder.resolve(name);
  }

  private Sample sample(TableRow row) {
    String scene = row.requiredText("scene_token", problems);
    JsonNode timestamp = row.json().path("timestamp");
    if (!timestamp.isIntegralNumber()) {
      problems.error(row.at("timestamp"), "expected an integer (microseconds)");
    }
    if (scene == null || !timestamp.isIntegralNumber()) {
      return null;
    }
    Sample sample = new Sample(samplesInOrder.size(), row.text("token"), scene,
        timestamp.asLong());
    samplesInOrder.add(sample);
    return sample;
  }

  /** Numbers each scene's samples by time, ties in table order. */
  private static int[] frameIndexes(List<Sample> samples) {
    Map<String, List<Sample>> byScene = new LinkedHashMap<>();
    for (Sample sample : samples) {
      byScene.computeIfAbsent(sample.sceneToken(), scene -> new ArrayList<>()).add(sample);
    }
    int[] frameIndex = new int[samples.size()];
    for (List<Sample> scene : byScene.values()) {
      scene.sort(Comparator.comparingLong(Sample::timestamp).thenComparingInt(Sample::index));
      for (int i = 0; i < scene.size(); i++) {
        frameIndex[scene.get(i).index()] = i;
      }
    }
    return frameIndex;
  }

  private TokenIndex<Scene> scenes() throws IOException {
    Path sceneTable = table("scene.json");
    if (!Files.isRegularFile(sceneTable)) {
      return TokenIndex.empty("scene.json");
    }
    Path logTable = table("log.json");
    TokenIndex<String> locations = Files.isRegularFile(logTable)
        ? TokenIndex.load(logTable, problems, row -> row.text("location"))
        : TokenIndex.empty("log.json");
    return TokenIndex.load(sceneTable, problems, row -> new Scene(
        Objects.requireNonNullElse(row.text("name"), row.text("token")),
        locations.get(row.text("log_token"))));
  }

  private Calibration calibration(TableRow row, TokenIndex<String> sensors) {
    String channel = sensors.follow(row, "sensor_token", problems);
    if (channel == null) {
      return null;
    }
    if (!CHANNEL.equals(channel)) {
      return new Calibration(channel, null, null);
    }
    Pose cameraToEgo = pose(row);
    double[] intrinsic = row.matrix("camera_intrinsic", 3, 3, problems);
    return cameraToEgo == null || intrinsic == null ? null
        : new Calibration(channel, cameraToEgo, CameraIntrinsics.fromIntrinsic(intrinsic));
  }

  private void addFrontImage(TableRow row, TokenIndex<Calibration> calibrations) {
    Calibration calibration = calibrations.follow(row, "calibrated_sensor_token", problems);
    if (calibration == null || !CHANNEL.equals(calibration.channel())
        || !row.json().path("is_key_frame").asBoolean()) {
      return;
    }
    Sample sample = samples.follow(row, "sample_token", problems);
    String filename = row.requiredText("filename", problems);
    if (sample == null || filename == null) {
      return;
    }
    FrontImage first = frontImages[sample.index()];
    if (first != null) {
      problems.error(row.location(), "a second key-frame " + CHANNEL + " image of sample '"
          + sample.token() + "' (the first is " + first.location() + "); it is left out");
      return;
    }
    frontImages[sample.index()] = new FrontImage(row.location(), filename, calibration,
        row.text("ego_pose_token"), row.json().path("width").asInt(0),
        row.json().path("height").asInt(0));
  }

  private Instance instance(TableRow row, TokenIndex<String> categories) {
    String category = categories.follow(row, "category_token", problems);
    if (category == null) {
      return null;
    }
    Instance instance = new Instance(instancesInOrder.size(), row.text("token"), category);
    instancesInOrder.add(instance);
    return instance;
  }

  private Integer occlusion(TableRow row) {
    String level = row.text("level");
    Integer occlusion = level == null ? null : OCCLUSION_BY_LEVEL.get(level);
    if (occlusion == null) {
      problems.warning(row.at("level"), "unknown visibility level '" + level + "', expected "
          + "v0-40, v40-60, v60-80 or v80-100; its objects get occlusion 3 (unknown)");
      return UNKNOWN_OCCLUSION;
    }
    return occlusion;
  }

  private void addAnnotation(TableRow row, TokenIndex<Instance> instances,
      TokenIndex<String> attributes, TokenIndex<Integer> visibilities) {
    Sample sample = samples.follow(row, "sample_token", problems);
    Instance instance = instances.follow(row, "instance_token", problems);
    String visibility = row.text("visibility_token");
    Integer occlusion = visibility == null ? Integer.valueOf(UNKNOWN_OCCLUSION)
        : visibilities.follow(visibility, row.at("visibility_token"), problems);
    String attributeNames = attributeNames(row, attributes);
    Pose box = pose(row);
    double[] size = size(row);
    if (sample == null || instance == null || occlusion == null || attributeNames == null
        || box == null || size == null) {
      return;
    }
    JsonNode lidarPoints = row.json().path("num_lidar_pts");
    annotations.add(sample.index(), instance.index(), occlusion, attributeNames,
        lidarPoints.isInt() ? lidarPoints.asInt() : -1, box, size, row.index());
  }

  /** The names of the annotation's attributes joined by commas; null, reported, if invalid. */
  private String attributeNames(TableRow row, TokenIndex<String> attributes) {
    JsonNode tokens = row.json().path("attribute_tokens");
    if (tokens.isMissingNode() || tokens.isNull()) {
      return "";
    }
    if (!tokens.isArray()) {
      problems.error(row.at("attribute_tokens"), "expected an array of tokens of "
          + "attribute.json");
      return null;
    }
    StringJoiner names = new StringJoiner(",");
    boolean allKnown = true;
    for (int i = 0; i < tokens.size(); i++) {
      JsonNode token = tokens.get(i);
      String name = attributes.follow(token.isTextual() ? token.asText() : null,
          row.at("attribute_tokens/" + i), problems);
      if (name == null) {
        allKnown = false;
      } else {
        names.add(name);
      }
    }
    return allKnown ? names.toString() : null;
  }

  /** A record's translation and rotation; null, reported, if invalid. */
  private Pose pose(TableRow row) {
    double[] translation = row.numbers("translation", 3, problems);
    double[] rotation = row.numbers("rotation", 4, problems);
    if (translation == null || rotation == null) {
      return null;
    }
    try {
      return Pose.of(translation, rotation);
    } catch (IllegalArgumentException e) {
      problems.error(row.at("rotation"), e.getMessage());
      return null;
    }
  }

  /** A box's width, length and height; null, reported, unless all are positive. */
  private double[] size(TableRow row) {
    double[] size = row.numbers("size", 3, problems);
    if (size != null && !(size[0] > 0 && size[1] > 0 && size[2] > 0)) {
      problems.error(row.at("size"), "expected [width, length, height] in meters, all "
          + "positive");
      return null;
    }
    return size;
  }
}
