package io.admlops.activities.formats.yolo;

import io.admlops.activities.formats.DatasetReader;
import io.admlops.activities.formats.FrameSink;
import io.admlops.activities.formats.ImageHeaders;
import io.admlops.activities.formats.ProblemLog;
import io.admlops.activities.formats.ReadContext;
import io.admlops.schemas.UserInputException;
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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the Ultralytics detection layout: images under {@code images/} (PNG or JPEG), and for
 * each the label file at the same relative path under {@code labels/} with {@code .txt}
 * ({@code images/train/a.jpg} → {@code labels/train/a.txt}), so the flat layout and the split
 * one ({@code images/train}, {@code images/val}) read alike. Class names come from
 * {@code data.yaml} or {@code classes.txt} (see {@link YoloClassNames}); image sizes, which
 * the fractions refer to, from the image headers.
 *
 * <p>An image without a label file is a background image, as Ultralytics reads it, and only
 * warned about. A label file without an image is an error. The frame id is the image's path
 * under {@code images/} without extension, with {@code _} for {@code /}, so frames of
 * different splits keep apart.
 */
public final class YoloReader implements DatasetReader {

  static final String IMAGES = "images";
  static final String LABELS = "labels";

  private static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg");

  @Override
  public void read(Path source, ReadContext context, FrameSink sink) throws IOException {
    Path images = source.resolve(IMAGES);
    Path labels = source.resolve(LABELS);
    if (!Files.isDirectory(images)) {
      throw new UserInputException(source + ": no images/ folder (expected the Ultralytics "
          + "layout: images/, labels/, data.yaml or classes.txt)");
    }
    List<String> names = YoloClassNames.read(source);
    List<Path> imageFiles;
    try (Stream<Path> walk = Files.walk(images)) {
      imageFiles = walk.filter(p -> IMAGE_EXTENSIONS.contains(extension(p))
          && Files.isRegularFile(p)).sorted().toList();
    }
    Set<String> ids = new HashSet<>();
    Set<Path> labelsOfImages = new HashSet<>();
    for (Path image : imageFiles) {
      Path relative = images.relativize(image);
      Path labelFile = labels.resolve(withoutExtension(relative) + ".txt");
      labelsOfImages.add(labelFile);
      Optional<Frame> frame = readFrame(image, relative, labelFile, ids, names, context);
      if (frame.isPresent()) {
        sink.accept(frame.get());
      }
    }
    reportLabelsWithoutImage(labels, labelsOfImages, context.problems());
  }

  private static Optional<Frame> readFrame(Path image, Path relative, Path labelFile,
      Set<String> ids, List<String> names, ReadContext context) throws IOException {
    ProblemLog problems = context.problems();
    String id = withoutExtension(relative).replace('/', '_');
    if (!ids.add(id)) {
      problems.error(image.toString(), "another image already gave frame id '" + id
          + "' (same name, other extension or folder); the frame is left out");
      return Optional.empty();
    }
    Optional<ImageHeaders.Size> readSize =
        ImageHeaders.readOrReport(image, image.toString(), problems);
    if (readSize.isEmpty()) {
      return Optional.empty();
    }
    ImageHeaders.Size size = readSize.get();
    List<FrameObject> objects = new ArrayList<>();
    if (Files.isRegularFile(labelFile)) {
      try (BufferedReader in = Files.newBufferedReader(labelFile, StandardCharsets.UTF_8)) {
        int lineNumber = 0;
        for (String line; (line = in.readLine()) != null; ) {
          lineNumber++;
          if (!line.isBlank()) {
            YoloLabelLine.parse(line, ProblemLog.at(labelFile, lineNumber), size, names,
                context).ifPresent(objects::add);
          }
        }
      }
    } else {
      problems.warning(image.toString(), "no label file " + labelFile
          + "; read as a background image without objects");
    }
    return Optional.of(new Frame(id,
        new ImageRef(image.toAbsolutePath().toString(), size.width(), size.height(), null),
        null, objects, List.of(), null, Provenance.of("yolo", slashed(relative))));
  }

  /**
   * Label files no image points at: their objects cannot be placed, so they are errors. A
   * {@code classes.txt} at the top of {@code labels/} is LabelImg's class list, not a label
   * file.
   */
  private static void reportLabelsWithoutImage(Path labels, Set<Path> labelsOfImages,
      ProblemLog problems) throws IOException {
    if (!Files.isDirectory(labels)) {
      return;
    }
    Path classList = labels.resolve(YoloClassNames.CLASSES_TXT);
    try (Stream<Path> walk = Files.walk(labels)) {
      List<Path> orphans = walk.filter(p -> p.toString().endsWith(".txt")
          && !p.equals(classList) && !labelsOfImages.contains(p) && Files.isRegularFile(p))
          .sorted().toList();
      for (Path label : orphans) {
        Path relative = labels.relativize(label);
        problems.error(ProblemLog.at(label, 1), "no image " + IMAGES + "/"
            + withoutExtension(relative) + ".png, .jpg or .jpeg for this label file; its "
            + "objects are left out");
      }
    }
  }

  private static String extension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** The relative path with {@code /} between folders and without the file's extension. */
  private static String withoutExtension(Path relative) {
    String path = slashed(relative);
    int dot = path.lastIndexOf('.');
    return dot > path.lastIndexOf('/') ? path.substring(0, dot) : path;
  }

  private static String slashed(Path relative) {
    return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
  }
}
