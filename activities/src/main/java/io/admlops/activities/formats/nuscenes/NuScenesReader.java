package io.admlops.activities.formats.nuscenes;

import io.admlops.activities.formats.BoxRules;
import io.admlops.activities.formats.DatasetReader;
import io.admlops.activities.formats.FrameSink;
import io.admlops.activities.formats.ImageHeaders;
import io.admlops.activities.formats.ProblemLog;
import io.admlops.activities.formats.ReadContext;
import io.admlops.activities.formats.Taxonomy;
import io.admlops.activities.formats.nuscenes.NuScenesTables.Calibration;
import io.admlops.activities.formats.nuscenes.NuScenesTables.FrontImage;
import io.admlops.activities.formats.nuscenes.NuScenesTables.Instance;
import io.admlops.activities.formats.nuscenes.NuScenesTables.Sample;
import io.admlops.activities.formats.nuscenes.NuScenesTables.Scene;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.frame.CameraIntrinsics;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.FrameObject;
import io.admlops.schemas.frame.ImageRef;
import io.admlops.schemas.frame.Provenance;
import io.admlops.schemas.frame.SceneAttributes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads nuScenes v1.0 as distributed: a dataset root holding the images under
 * {@code samples/} and a table folder such as {@code v1.0-trainval/} of JSON tables joined by
 * tokens. The source is the root or the table folder itself.
 *
 * <p>Each sample's key-frame {@code CAM_FRONT} image becomes a frame whose id is the sample
 * token; other cameras and the sweeps between key frames are ignored. A sample's annotations
 * are 3D boxes in world coordinates: each is carried through the ego pose and the camera's
 * calibration into the camera frame, given as a KITTI box and projected for its 2D box (see
 * {@link CameraBox}). A box outside the image or behind the camera is not an object of the
 * frame and is dropped without a problem.
 *
 * <p>Per object: occlusion from nuScenes' visibility (v80-100 is 0, v60-80 and v40-60 are 1,
 * v0-40 is 2, none is 3), the instance token as track id, and as attributes the nuScenes
 * attribute names joined by commas ({@code attributes}) and {@code num_lidar_pts}. The frame's
 * provenance names the scene (by name when scene.json is there, else by token) and the
 * sample's position in it by time; its scene tags name the log's location, e.g.
 * {@code location:singapore-onenorth}. An unknown class is an error at the annotation wherever
 * the box lies, since the dataset definition has to account for every class of the source.
 */
public final class NuScenesReader implements DatasetReader {

  /** The table whose presence marks a table folder. */
  private static final String SAMPLE_TABLE = "sample.json";

  @Override
  public void read(Path source, ReadContext context, FrameSink sink) throws IOException {
    Path folder = tableFolder(source);
    NuScenesTables tables = NuScenesTables.load(folder, context.problems());
    Path root = folder.toAbsolutePath().normalize().getParent();
    for (Sample sample : tables.samples()) {
      FrontImage image = tables.frontImage(sample);
      if (image != null) {
        Optional<Frame> frame = frame(tables, sample, image, root, context);
        if (frame.isPresent()) {
          sink.accept(frame.get());
        }
      }
    }
  }

  private static Optional<Frame> frame(NuScenesTables tables, Sample sample, FrontImage image,
      Path root, ReadContext context) {
    ProblemLog problems = context.problems();
    Path file = root.resolve(image.filename()).normalize();
    if (!Files.isRegularFile(file)) {
      problems.error(image.location(), "image file " + file + " is missing; the frame is "
          + "left out");
      return Optional.empty();
    }
    Pose egoToWorld = tables.egoPose(image);
    if (egoToWorld == null) {
      return Optional.empty();
    }
    ImageHeaders.Size size;
    try {
      size = image.width() > 0 && image.height() > 0
          ? new ImageHeaders.Size(image.width(), image.height()) : ImageHeaders.read(file);
    } catch (IOException e) {
      problems.error(image.location(), e.getMessage() + "; the frame is left out");
      return Optional.empty();
    }
    Calibration calibration = image.calibration();
    Pose worldToCamera = calibration.cameraToEgo().inverse().after(egoToWorld.inverse());
    List<FrameObject> objects = new ArrayList<>();
    for (int row : tables.annotations().rowsOf(sample.index())) {
      object(tables, row, worldToCamera, calibration.intrinsics(), size, context)
          .ifPresent(objects::add);
    }
    Scene scene = tables.scene(sample);
    String sequence = scene == null ? sample.sceneToken() : scene.name();
    SceneAttributes conditions = scene == null || scene.location() == null ? null
        : new SceneAttributes(null, null, null, List.of("location:" + scene.location()));
    return Optional.of(new Frame(sample.token(),
        new ImageRef(file.toString(), size.width(), size.height(), null),
        calibration.intrinsics(), objects, List.of(), conditions,
        new Provenance("nuscenes", sample.token(), sequence, tables.frameIndex(sample), null)));
  }

  private static Optional<FrameObject> object(NuScenesTables tables, int row,
      Pose worldToCamera, CameraIntrinsics camera, ImageHeaders.Size size,
      ReadContext context) {
    AnnotationColumns annotations = tables.annotations();
    String where = tables.annotationLocation(annotations.tableIndex(row));
    Instance instance = tables.instance(annotations.instance(row));
    Taxonomy.Resolution resolved = context.taxonomy().resolve(instance.category());
    if (!resolved.known()) {
      context.problems().error(where, "unknown class '" + instance.category() + "'; the "
          + "dataset definition neither lists nor maps it");
      return Optional.empty();
    }
    if (!resolved.kept()) {
      return Optional.empty();
    }
    double[] widthLengthHeight = annotations.size(row);
    Optional<CameraBox> placed = CameraBox.place(worldToCamera.after(annotations.pose(row)),
        widthLengthHeight[0], widthLengthHeight[1], widthLengthHeight[2], camera,
        size.width(), size.height());
    if (placed.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> badBox = BoxRules.problem(placed.get().box(), size.width(), size.height());
    if (badBox.isPresent()) {
      context.problems().error(where, badBox.get());
      return Optional.empty();
    }
    Map<String, String> attributes = new HashMap<>();
    if (annotations.attributes(row) != null) {
      attributes.put("attributes", annotations.attributes(row));
    }
    if (annotations.lidarPoints(row) >= 0) {
      attributes.put("num_lidar_pts", Integer.toString(annotations.lidarPoints(row)));
    }
    return Optional.of(new FrameObject(null, resolved.category(), placed.get().box(),
        placed.get().box3d(), placed.get().truncation(), annotations.occlusion(row),
        instance.token(), false, false, null, null, attributes));
  }

  /** The source itself when it holds sample.json, else its one subfolder that does. */
  private static Path tableFolder(Path source) throws IOException {
    if (Files.isRegularFile(source.resolve(SAMPLE_TABLE))) {
      return source;
    }
    if (!Files.isDirectory(source)) {
      throw new UserInputException(source + ": no such folder; expected the nuScenes dataset "
          + "root or its table folder (e.g. v1.0-mini/)");
    }
    List<Path> folders;
    try (Stream<Path> entries = Files.list(source)) {
      folders = entries.filter(p -> Files.isRegularFile(p.resolve(SAMPLE_TABLE))).sorted()
          .toList();
    }
    if (folders.size() == 1) {
      return folders.get(0);
    }
    if (folders.isEmpty()) {
      throw new UserInputException(source + ": no nuScenes table folder (a folder such as "
          + "v1.0-mini/ holding " + SAMPLE_TABLE + ")");
    }
    throw new UserInputException(source + ": several nuScenes table folders "
        + folders.stream().map(p -> p.getFileName().toString()).toList()
        + "; name the one to read");
  }
}
