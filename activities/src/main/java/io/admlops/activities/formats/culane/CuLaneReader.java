package io.admlops.activities.formats.culane;

import io.admlops.activities.formats.DatasetReader;
import io.admlops.activities.formats.FrameSink;
import io.admlops.activities.formats.ImageHeaders;
import io.admlops.activities.formats.NumberColumns;
import io.admlops.activities.formats.ProblemLog;
import io.admlops.activities.formats.ReadContext;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.ImageRef;
import io.admlops.schemas.frame.Lane;
import io.admlops.schemas.frame.Provenance;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads CULane as distributed: {@code driver_xx_xxframe/<clip>/<frame>.jpg}, each with a
 * {@code <frame>.lines.txt} beside it holding one lane marking per line as
 * {@code x1 y1 x2 y2 ...} in pixels, from the bottom of the image upwards. The whole tree is
 * walked for {@code .lines.txt} files, in path order; the split lists under {@code list/}
 * are not needed for that and are ignored.
 *
 * <p>Frame names repeat across clips ({@code 00000.jpg} starts every clip), so the frame id
 * is the path below the root without extension, with {@code _} for {@code /}. The clip
 * folder is the frame's sequence, and a numeric file name its index in it.
 *
 * <p>CULane samples lanes on image rows, so a point's y must lie within the image (a pixel of
 * tolerance). Its x may not: the annotations extend lanes to the bottom rows even where they
 * leave the image at the side, so x can be negative or beyond the width, and those points
 * are kept as the polyline's true course.
 */
public final class CuLaneReader implements DatasetReader {

  private static final String LINES_SUFFIX = ".lines.txt";
  private static final double BORDER_TOLERANCE = 1.0;

  @Override
  public void read(Path source, ReadContext context, FrameSink sink) throws IOException {
    if (!Files.isDirectory(source)) {
      throw new UserInputException(source + ": not a folder (expected the CULane root: "
          + "driver_*/<clip>/<frame>.jpg with <frame>.lines.txt beside each)");
    }
    List<Path> annotations;
    try (Stream<Path> walk = Files.walk(source)) {
      annotations = walk.filter(p -> p.getFileName().toString().endsWith(LINES_SUFFIX)
          && Files.isRegularFile(p)).sorted().toList();
    }
    if (annotations.isEmpty()) {
      throw new UserInputException(source + ": no *" + LINES_SUFFIX + " files (expected the "
          + "CULane root: driver_*/<clip>/<frame>.jpg with <frame>.lines.txt beside each)");
    }
    for (Path lines : annotations) {
      Optional<Frame> frame = readFrame(source, lines, context.problems());
      if (frame.isPresent()) {
        sink.accept(frame.get());
      }
    }
  }

  private static Optional<Frame> readFrame(Path root, Path linesFile, ProblemLog problems)
      throws IOException {
    String name = linesFile.getFileName().toString();
    String stem = name.substring(0, name.length() - LINES_SUFFIX.length());
    Path image = linesFile.resolveSibling(stem + ".jpg");
    if (!Files.isRegularFile(image)) {
      problems.error(ProblemLog.at(linesFile, 1),
          "image " + image.getFileName() + " is missing; the frame is left out");
      return Optional.empty();
    }
    Optional<ImageHeaders.Size> readSize =
        ImageHeaders.readOrReport(image, image.toString(), problems);
    if (readSize.isEmpty()) {
      return Optional.empty();
    }
    ImageHeaders.Size size = readSize.get();
    List<Lane> lanes = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(linesFile, StandardCharsets.UTF_8)) {
      int lineNumber = 0;
      for (String line; (line = in.readLine()) != null; ) {
        lineNumber++;
        if (!line.isBlank()) {
          parseLane(line, ProblemLog.at(linesFile, lineNumber), size, problems)
              .ifPresent(lanes::add);
        }
      }
    }
    String relativeImage = slashed(root.relativize(image));
    String clip = linesFile.getParent().equals(root) ? null
        : slashed(root.relativize(linesFile.getParent()));
    String id = relativeImage.substring(0, relativeImage.length() - ".jpg".length())
        .replace('/', '_');
    return Optional.of(new Frame(id,
        new ImageRef(image.toAbsolutePath().toString(), size.width(), size.height(), null),
        null, List.of(), lanes, null,
        new Provenance("culane", relativeImage, clip, frameIndex(stem), null)));
  }

  private static Optional<Lane> parseLane(String line, String where, ImageHeaders.Size size,
      ProblemLog problems) {
    String[] values = line.trim().split("\\s+");
    if (values.length % 2 != 0) {
      problems.error(where, "expected x y pairs, found an odd number of values ("
          + values.length + ")");
      return Optional.empty();
    }
    Optional<double[]> parsed =
        NumberColumns.parse(values, 0, i -> "value " + (i + 1), where, problems);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    double[] v = parsed.get();
    if (v.length < 4) {
      problems.error(where, "a lane needs at least 2 points, has " + v.length / 2);
      return Optional.empty();
    }
    List<Lane.Point> points = new ArrayList<>(v.length / 2);
    for (int i = 0; i < v.length; i += 2) {
      if (v[i + 1] < -BORDER_TOLERANCE || v[i + 1] > size.height() + BORDER_TOLERANCE) {
        problems.error(where, "point " + (i / 2 + 1) + " (" + values[i] + ", " + values[i + 1]
            + ") lies below or above the " + size.width() + "x" + size.height() + " image");
        return Optional.empty();
      }
      points.add(new Lane.Point(v[i], v[i + 1]));
    }
    return Optional.of(new Lane(points, null));
  }

  /** CULane names frames by their number in the clip, e.g. {@code 00030}. */
  private static Integer frameIndex(String stem) {
    boolean numeric = stem.chars().allMatch(c -> c >= '0' && c <= '9');
    if (stem.isEmpty() || stem.length() > 9 || !numeric) {
      return null;
    }
    return Integer.parseInt(stem);
  }

  private static String slashed(Path relative) {
    return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
  }
}
