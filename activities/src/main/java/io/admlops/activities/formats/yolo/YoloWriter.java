package io.admlops.activities.formats.yolo;

import io.admlops.activities.formats.DatasetWriter;
import io.admlops.activities.formats.ImagePlacer;
import io.admlops.activities.formats.Taxonomy;
import io.admlops.schemas.frame.Box2D;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.FrameObject;
import io.admlops.schemas.json.Mappers;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the Ultralytics detection layout: {@code images/<id>.<ext>},
 * {@code labels/<id>.txt} with one {@code class x_center y_center width height} line per
 * object (fractions of the image size, 6 decimals; predictions add their confidence as a
 * sixth column), and on {@link #finish()} {@code classes.txt} and {@code data.yaml}.
 *
 * <p>Class ids count from 0 in the taxonomy's order, or in order of first appearance when
 * converting without one. KITTI's {@code DontCare} regions and COCO's crowd regions are not
 * written: YOLO has no ignore regions, and a box in the labels would teach the model a class
 * that is not there.
 * Boxes are clipped to the image, since YOLO coordinates are fractions of it; a box with
 * nothing left inside the image is not written. A frame without objects still gets its
 * (empty) label file, which Ultralytics reads as a background image.
 *
 * <p>{@code data.yaml} has no {@code path} key: Ultralytics then resolves {@code images}
 * against the folder holding the YAML, wherever training runs from, while a relative
 * {@code path} would be taken from the working directory.
 */
public final class YoloWriter implements DatasetWriter {

  private final Path folder;
  private final Path labels;
  private final ImagePlacer images;
  private final Map<String, Integer> classIds = new LinkedHashMap<>();

  public YoloWriter(Path folder, Taxonomy taxonomy) throws IOException {
    this.folder = folder;
    this.labels = Files.createDirectories(folder.resolve(YoloReader.LABELS));
    this.images = new ImagePlacer(folder.resolve(YoloReader.IMAGES));
    for (String c : taxonomy.classes()) {
      classIds.put(c, classIds.size());
    }
  }

  @Override
  public void write(Frame frame) throws IOException {
    Path source = Path.of(frame.image().uri());
    images.place(source, ImagePlacer.fileName(frame.id(), source));
    Path labelFile = labels.resolve(ImagePlacer.fileStem(frame.id()) + ".txt");
    Files.createDirectories(labelFile.getParent());
    int width = frame.image().width();
    int height = frame.image().height();
    try (Writer out = Files.newBufferedWriter(labelFile, StandardCharsets.UTF_8)) {
      for (FrameObject o : frame.objects()) {
        Box2D box = o.box().clippedTo(width, height);
        if (!Taxonomy.DONT_CARE.equals(o.category()) && !o.crowd() && box.area() > 0) {
          int classId = classIds.computeIfAbsent(o.category(), c -> classIds.size());
          out.write(line(classId, box, width, height, o.score()));
          out.write('\n');
        }
      }
    }
  }

  /** One label line: the box by its normalized center and size, and the score if any. */
  static String line(int classId, Box2D box, int imageWidth, int imageHeight, Double score) {
    String line = classId
        + " " + fraction((box.x1() + box.x2()) / 2 / imageWidth)
        + " " + fraction((box.y1() + box.y2()) / 2 / imageHeight)
        + " " + fraction(box.width() / imageWidth)
        + " " + fraction(box.height() / imageHeight);
    return score == null ? line : line + " " + fraction(score);
  }

  @Override
  public void finish() throws IOException {
    Files.writeString(folder.resolve(YoloClassNames.CLASSES_TXT), classIds.keySet().stream()
        .map(name -> name + "\n").collect(Collectors.joining()), StandardCharsets.UTF_8);
    Map<Integer, String> names = new LinkedHashMap<>();
    classIds.forEach((name, id) -> names.put(id, name));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("train", YoloReader.IMAGES);
    data.put("val", YoloReader.IMAGES);
    data.put("nc", names.size());
    data.put("names", names);
    Mappers.yaml().writeValue(folder.resolve(YoloClassNames.DATA_YAML).toFile(), data);
  }

  private static String fraction(double v) {
    return String.format(Locale.ROOT, "%.6f", v);
  }
}
