package io.admlops.activities.formats.coco;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.activities.formats.BoxRules;
import io.admlops.activities.formats.DatasetReader;
import io.admlops.activities.formats.FrameSink;
import io.admlops.activities.formats.ProblemLog;
import io.admlops.activities.formats.PythonJson;
import io.admlops.activities.formats.ReadContext;
import io.admlops.activities.formats.Taxonomy;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.frame.Box2D;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.FrameObject;
import io.admlops.schemas.frame.ImageRef;
import io.admlops.schemas.frame.Provenance;
import io.admlops.schemas.json.Mappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a COCO instances file with Jackson's streaming parser: images and categories into
 * small maps, annotations into a column table, segmentations skipped unread. Category ids may
 * be non-contiguous; {@code iscrowd} and {@code area} are kept, since evaluation needs both.
 *
 * <p>The source is the instances JSON (or a folder holding {@code annotations.json}). Images
 * are looked up in {@code images/} beside it, else in the split folder of the official layout
 * ({@code annotations/instances_val2017.json} → {@code val2017/}), else beside the JSON.
 */
public final class CocoReader implements DatasetReader {

  /** The annotations file inside a folder written by {@link CocoWriter}. */
  public static final String ANNOTATIONS = "annotations.json";


  private record Image(long id, String fileName, int width, int height, int position) {}

  /** A category and its index in the file's {@code categories} array, for locations. */
  private record Category(String name, int position) {}

  @Override
  public void read(Path source, ReadContext context, FrameSink sink) throws IOException {
    Path file = Files.isDirectory(source) ? source.resolve(ANNOTATIONS) : source;
    if (!Files.isRegularFile(file)) {
      throw new UserInputException(source + ": no COCO instances JSON");
    }
    ProblemLog problems = context.problems();
    List<Image> images = new ArrayList<>();
    Map<Long, Category> categories = new HashMap<>();
    CocoAnnotationTable annotations = new CocoAnnotationTable();
    try (JsonParser p = PythonJson.open(file)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new UserInputException(file + ": expected a JSON object at the top");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "images" -> readImages(p, file, images, problems);
          case "categories" -> readCategories(p, file, categories, problems);
          case "annotations" -> readAnnotations(p, file, annotations, problems);
          default -> p.skipChildren();
        }
      }
    } catch (JsonParseException e) {
      throw PythonJson.invalid(file, e);
    }
    Map<Long, String> kept = mapCategories(file, categories, context);
    emit(file, imageFolder(file), images, kept, categories, annotations, context, sink);
  }

  private static void readImages(JsonParser p, Path file, List<Image> images,
      ProblemLog problems) throws IOException {
    expectArray(p, file, "images");
    Set<Long> ids = new HashSet<>();
    for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
      String at = ProblemLog.at(file, "/images/" + i);
      if (!isObject(p, at, problems)) {
        continue;
      }
      JsonNode image = Mappers.json().readTree(p);
      if (!image.path("id").canConvertToLong() || !image.path("id").isIntegralNumber()) {
        problems.error(at + "/id", "image id is missing or not an integer");
        continue;
      }
      long id = image.path("id").asLong();
      if (!ids.add(id)) {
        problems.error(at + "/id", "duplicate image id " + id);
        continue;
      }
      int width = image.path("width").asInt(0);
      int height = image.path("height").asInt(0);
      if (width <= 0 || height <= 0) {
        problems.error(at, "image " + id + " needs positive width and height");
        continue;
      }
      if (!image.path("file_name").isTextual()) {
        problems.error(at + "/file_name", "image " + id + " has no file_name");
        continue;
      }
      images.add(new Image(id, image.path("file_name").asText(), width, height, i));
    }
  }

  private static void readCategories(JsonParser p, Path file, Map<Long, Category> categories,
      ProblemLog problems) throws IOException {
    expectArray(p, file, "categories");
    for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
      String at = ProblemLog.at(file, "/categories/" + i);
      if (!isObject(p, at, problems)) {
        continue;
      }
      JsonNode category = Mappers.json().readTree(p);
      if (!category.path("id").isIntegralNumber() || !category.path("name").isTextual()) {
        problems.error(at, "a category needs an integer id and a name");
        continue;
      }
      long id = category.path("id").asLong();
      if (categories.putIfAbsent(id, new Category(category.path("name").asText(), i)) != null) {
        problems.error(at + "/id", "duplicate category id " + id);
      }
    }
  }

  private static void readAnnotations(JsonParser p, Path file, CocoAnnotationTable table,
      ProblemLog problems) throws IOException {
    expectArray(p, file, "annotations");
    Set<Long> ids = new HashSet<>();
    double[] box = new double[4];
    for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
      if (!isObject(p, ProblemLog.at(file, "/annotations/" + i), problems)) {
        continue;
      }
      Long id = null;
      Long imageId = null;
      Long categoryId = null;
      int boxValues = -1;
      double area = Double.NaN;
      boolean crowd = false;
      String bad = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "id" -> id = integral(p, value);
          case "image_id" -> imageId = integral(p, value);
          case "category_id" -> categoryId = integral(p, value);
          case "area" -> area = value.isNumeric() ? p.getDoubleValue() : Double.NaN;
          case "iscrowd" -> crowd = value.isNumeric() && p.getIntValue() != 0;
          case "bbox" -> {
            boxValues = 0;
            if (value != JsonToken.START_ARRAY) {
              bad = "/bbox";
              p.skipChildren();
              break;
            }
            while (p.nextToken() != JsonToken.END_ARRAY) {
              if (!p.currentToken().isNumeric() || boxValues == 4) {
                bad = "/bbox";
                p.skipChildren();
              } else {
                box[boxValues] = p.getDoubleValue();
              }
              boxValues++;
            }
          }
          default -> p.skipChildren();
        }
      }
      String at = ProblemLog.at(file, "/annotations/" + i);
      if (id == null) {
        problems.error(at + "/id", "annotation id is missing or not an integer");
      } else if (!ids.add(id)) {
        problems.error(at + "/id", "duplicate annotation id " + id);
      } else if (imageId == null) {
        problems.error(at + "/image_id", "annotation " + id + " has no integer image_id");
      } else if (categoryId == null) {
        problems.error(at + "/category_id", "annotation " + id + " has no integer category_id");
      } else if (bad != null || boxValues != 4) {
        problems.error(at + "/bbox", "bbox must be 4 numbers [x, y, width, height]");
      } else {
        table.add(id, imageId, categoryId, box, area, crowd, i);
      }
    }
  }

  /**
   * Category id → the dataset's class, for the categories the taxonomy keeps. An unknown
   * class is reported once, at its category, rather than at each of its possibly hundreds of
   * thousands of annotations.
   */
  private static Map<Long, String> mapCategories(Path file, Map<Long, Category> categories,
      ReadContext context) {
    Map<Long, String> kept = new HashMap<>();
    categories.forEach((id, category) -> {
      Taxonomy.Resolution r = context.taxonomy().resolve(category.name());
      if (!r.known()) {
        context.problems().error(
            ProblemLog.at(file, "/categories/" + category.position() + "/name"),
            "unknown class '" + category.name() + "'; its annotations are left out");
      } else if (r.kept()) {
        kept.put(id, r.category());
      }
    });
    return kept;
  }

  private static void emit(Path file, Path imageFolder, List<Image> images,
      Map<Long, String> kept, Map<Long, Category> categories, CocoAnnotationTable table,
      ReadContext context, FrameSink sink) throws IOException {
    ProblemLog problems = context.problems();
    Map<Long, Integer> imageIndex = new HashMap<>(images.size() * 2);
    for (int i = 0; i < images.size(); i++) {
      imageIndex.put(images.get(i).id(), i);
    }
    // Counting sort of the annotation rows by image, keeping file order within an image.
    int[] perImage = new int[images.size() + 1];
    int[] imageOfRow = new int[table.size];
    for (int row = 0; row < table.size; row++) {
      Integer image = imageIndex.get(table.imageId[row]);
      imageOfRow[row] = image == null ? -1 : image;
      if (image == null) {
        problems.error(ProblemLog.at(file, "/annotations/" + table.position[row] + "/image_id"),
            "annotation " + table.id[row] + " points at image " + table.imageId[row]
                + ", which is not in images");
      } else if (!categories.containsKey(table.categoryId[row])) {
        imageOfRow[row] = -1;
        problems.error(ProblemLog.at(file, "/annotations/" + table.position[row]
            + "/category_id"), "unknown category id " + table.categoryId[row]);
      } else {
        perImage[image + 1]++;
      }
    }
    for (int i = 0; i < images.size(); i++) {
      perImage[i + 1] += perImage[i];
    }
    int[] rows = new int[perImage[images.size()]];
    int[] next = perImage.clone();
    for (int row = 0; row < table.size; row++) {
      if (imageOfRow[row] >= 0) {
        rows[next[imageOfRow[row]]++] = row;
      }
    }
    for (int i = 0; i < images.size(); i++) {
      Image image = images.get(i);
      Path imagePath = imageFolder.resolve(image.fileName()).normalize();
      if (!Files.isRegularFile(imagePath)) {
        problems.error(ProblemLog.at(file, "/images/" + image.position() + "/file_name"),
            "image file " + imagePath + " is missing; the frame is left out");
        continue;
      }
      List<FrameObject> objects = new ArrayList<>(perImage[i + 1] - perImage[i]);
      for (int k = perImage[i]; k < perImage[i + 1]; k++) {
        int row = rows[k];
        object(file, table, row, image, kept, problems).ifPresent(objects::add);
      }
      sink.accept(new Frame(Long.toString(image.id()),
          new ImageRef(imagePath.toString(), image.width(), image.height(), null), null,
          objects, List.of(), null, Provenance.of("coco", image.fileName())));
    }
  }

  private static Optional<FrameObject> object(Path file, CocoAnnotationTable t, int row,
      Image image, Map<Long, String> kept, ProblemLog problems) {
    String at = ProblemLog.at(file, "/annotations/" + t.position[row]);
    Box2D box = Box2D.fromXywh(t.bbox[4 * row], t.bbox[4 * row + 1], t.bbox[4 * row + 2],
        t.bbox[4 * row + 3]);
    Optional<String> bad = BoxRules.problem(box, image.width(), image.height());
    if (bad.isPresent()) {
      problems.error(at + "/bbox", bad.get());
      return Optional.empty();
    }
    String category = kept.get(t.categoryId[row]);
    if (category == null) {
      return Optional.empty();
    }
    double area = t.area[row];
    if (Double.isNaN(area) || area < 0) {
      problems.warning(at + "/area", "area missing or invalid; the box area is used");
      area = box.area();
    }
    return Optional.of(new FrameObject(Long.toString(t.id[row]), category, box, null, null,
        null, null, t.crowd[row], false, area, null, Map.of()));
  }

  private static Path imageFolder(Path json) {
    Path dir = json.toAbsolutePath().getParent();
    if (Files.isDirectory(dir.resolve("images"))) {
      return dir.resolve("images");
    }
    String name = json.getFileName().toString();
    if (name.startsWith("instances_") && name.endsWith(".json") && name.length() > 15
        && dir.getParent() != null) {
      Path split = dir.getParent().resolve(name.substring(10, name.length() - 5));
      if (Files.isDirectory(split)) {
        return split;
      }
    }
    return dir;
  }

  private static boolean isObject(JsonParser p, String at, ProblemLog problems)
      throws IOException {
    if (p.currentToken() == JsonToken.START_OBJECT) {
      return true;
    }
    problems.error(at, "expected an object");
    p.skipChildren();
    return false;
  }

  private static Long integral(JsonParser p, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NUMBER_INT) {
      return p.getLongValue();
    }
    p.skipChildren();
    return null;
  }

  private static void expectArray(JsonParser p, Path file, String field) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw new UserInputException(ProblemLog.at(file, "/" + field) + ": expected an array");
    }
  }
}
