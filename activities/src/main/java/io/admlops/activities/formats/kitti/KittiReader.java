package io.admlops.activities.formats.kitti;

import io.admlops.activities.formats.BoxRules;
import io.admlops.activities.formats.DatasetReader;
import io.admlops.activities.formats.FrameSink;
import io.admlops.activities.formats.ImageHeaders;
import io.admlops.activities.formats.NumberColumns;
import io.admlops.activities.formats.ProblemLog;
import io.admlops.activities.formats.ReadContext;
import io.admlops.activities.formats.Taxonomy;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.frame.Box2D;
import io.admlops.schemas.frame.Box3D;
import io.admlops.schemas.frame.CameraIntrinsics;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.FrameObject;
import io.admlops.schemas.frame.ImageRef;
import io.admlops.schemas.frame.Provenance;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads the KITTI object benchmark as its site distributes it: {@code image_2/} PNGs,
 * {@code label_2/} text files with 15 columns per object (16 in result files, the last being
 * the score), and {@code calib/} files whose {@code P2} projects into the left color camera.
 * The source may be the folder holding those, or one holding {@code training/}.
 */
public final class KittiReader implements DatasetReader {

  private static final String[] COLUMNS = {"type", "truncated", "occluded", "alpha",
      "bbox left", "bbox top", "bbox right", "bbox bottom", "height", "width", "length",
      "location x", "location y", "location z", "rotation_y", "score"};

  @Override
  public void read(Path source, ReadContext context, FrameSink sink) throws IOException {
    Path root = Files.isDirectory(source.resolve("training")) ? source.resolve("training")
        : source;
    Path labels = root.resolve("label_2");
    if (!Files.isDirectory(labels)) {
      throw new UserInputException(source + ": no label_2/ folder (expected the KITTI object "
          + "layout: image_2/, label_2/, optional calib/)");
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(labels)) {
      files = listing.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    for (Path labelFile : files) {
      Optional<Frame> frame = readFrame(root, labelFile, context);
      if (frame.isPresent()) {
        sink.accept(frame.get());
      }
    }
  }

  private Optional<Frame> readFrame(Path root, Path labelFile, ReadContext context)
      throws IOException {
    ProblemLog problems = context.problems();
    String id = stem(labelFile);
    Optional<Path> image = findImage(root.resolve("image_2"), id);
    if (image.isEmpty()) {
      problems.error(ProblemLog.at(labelFile, 1),
          "image image_2/" + id + ".png is missing; the frame is left out");
      return Optional.empty();
    }
    Optional<ImageHeaders.Size> readSize =
        ImageHeaders.readOrReport(image.get(), image.get().toString(), problems);
    if (readSize.isEmpty()) {
      return Optional.empty();
    }
    ImageHeaders.Size size = readSize.get();
    CameraIntrinsics camera = readCalibration(root.resolve("calib").resolve(id + ".txt"),
        problems);
    List<FrameObject> objects = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(labelFile, StandardCharsets.UTF_8)) {
      int lineNumber = 0;
      for (String line; (line = in.readLine()) != null; ) {
        lineNumber++;
        if (!line.isBlank()) {
          parseObject(line, ProblemLog.at(labelFile, lineNumber), size, context)
              .ifPresent(objects::add);
        }
      }
    }
    return Optional.of(new Frame(id,
        new ImageRef(image.get().toAbsolutePath().toString(), size.width(), size.height(), null),
        camera, objects, List.of(), null, Provenance.of("kitti", id)));
  }

  private Optional<FrameObject> parseObject(String line, String where, ImageHeaders.Size size,
      ReadContext context) {
    ProblemLog problems = context.problems();
    String[] c = line.trim().split("\\s+");
    if (c.length != 15 && c.length != 16) {
      problems.error(where, "expected 15 columns (16 with a score), found " + c.length);
      return Optional.empty();
    }
    Optional<double[]> parsed =
        NumberColumns.parse(c, 1, KittiReader::column, where, problems);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    double[] v = parsed.get();
    String type = c[0];
    boolean dontCare = Taxonomy.DONT_CARE.equals(type);
    Taxonomy.Resolution resolved = context.taxonomy().resolve(type);
    if (!resolved.known()) {
      problems.error(where, "unknown class '" + type + "'; the dataset definition neither "
          + "lists nor maps it");
      return Optional.empty();
    }
    Box2D box = new Box2D(v[4], v[5], v[6], v[7]);
    Optional<String> badBox = BoxRules.problem(box, size.width(), size.height());
    if (badBox.isPresent()) {
      problems.error(where, badBox.get());
      return Optional.empty();
    }
    if (!dontCare && (v[1] < 0 || v[1] > 1)) {
      problems.error(where, "column 2 (truncated) must be within 0..1, is " + c[1]);
      return Optional.empty();
    }
    int occluded = (int) v[2];
    if (!dontCare && (occluded != v[2] || occluded < 0 || occluded > 3)) {
      problems.error(where, "column 3 (occluded) must be 0, 1, 2 or 3, is " + c[2]);
      return Optional.empty();
    }
    if (!resolved.kept()) {
      return Optional.empty();
    }
    Box3D box3d = null;
    boolean hasDimensions = !(v[8] == -1 && v[9] == -1 && v[10] == -1);
    if (!dontCare && hasDimensions) {
      if (v[8] <= 0 || v[9] <= 0 || v[10] <= 0) {
        problems.error(where, "dimensions (height, width, length) must be positive or all -1, "
            + "are " + c[8] + " " + c[9] + " " + c[10]);
        return Optional.empty();
      }
      box3d = new Box3D(v[11], v[12], v[13], v[10], v[9], v[8], v[14]);
    }
    Map<String, String> attributes = v[3] == -10 || dontCare ? Map.of()
        : Map.of("alpha", c[3]);
    return Optional.of(new FrameObject(null, resolved.category(), box, box3d,
        dontCare ? null : v[1], dontCare ? null : occluded, null, false, false, null,
        c.length == 16 ? v[15] : null, attributes));
  }

  /** A column as KITTI's devkit documents it, e.g. {@code column 6 (bbox top)}. */
  private static String column(int i) {
    return "column " + (i + 1) + " (" + COLUMNS[i] + ")";
  }

  /** The P2 matrix of a calib file; null when there is no file. */
  private static CameraIntrinsics readCalibration(Path calib, ProblemLog problems)
      throws IOException {
    if (!Files.isRegularFile(calib)) {
      return null;
    }
    List<String> lines = Files.readAllLines(calib, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.startsWith("P2:")) {
        String[] numbers = line.substring(3).trim().split("\\s+");
        if (numbers.length != 12) {
          problems.warning(ProblemLog.at(calib, i + 1),
              "P2 has " + numbers.length + " numbers, expected 12; calibration ignored");
          return null;
        }
        List<Double> p = new ArrayList<>(12);
        for (String n : numbers) {
          try {
            p.add(Double.parseDouble(n));
          } catch (NumberFormatException e) {
            problems.warning(ProblemLog.at(calib, i + 1),
                "P2 value '" + n + "' is not a number; calibration ignored");
            return null;
          }
        }
        return new CameraIntrinsics(p);
      }
    }
    problems.warning(calib.toString(), "no P2 line; calibration ignored");
    return null;
  }

  private static Optional<Path> findImage(Path imageDir, String id) {
    for (String ext : new String[] {".png", ".jpg", ".jpeg"}) {
      Path p = imageDir.resolve(id + ext);
      if (Files.isRegularFile(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private static String stem(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.lastIndexOf('.'));
  }
}
