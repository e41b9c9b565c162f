package io.admlops.activities.formats.yolo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.json.Mappers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The class names of a YOLO dataset, indexed by class id. YOLO label files hold only ids, so
 * nothing can be read without them. They come from, in this order: {@code data.yaml}'s
 * {@code names} (a list, or a map from id to name as Ultralytics writes it),
 * {@code classes.txt} (one name per line, line 1 is id 0), or {@code labels/classes.txt},
 * where LabelImg puts it.
 */
final class YoloClassNames {

  static final String DATA_YAML = "data.yaml";
  static final String CLASSES_TXT = "classes.txt";

  private YoloClassNames() {}

  /**
   * @throws UserInputException when the dataset names no classes, or names them wrongly;
   *     the message names the file and the field or line
   */
  static List<String> read(Path folder) throws IOException {
    Path yaml = folder.resolve(DATA_YAML);
    if (Files.isRegularFile(yaml)) {
      return fromYaml(yaml);
    }
    for (Path text : List.of(folder.resolve(CLASSES_TXT),
        folder.resolve(YoloReader.LABELS).resolve(CLASSES_TXT))) {
      if (Files.isRegularFile(text)) {
        return fromText(text);
      }
    }
    throw new UserInputException(folder + ": no class names; expected " + DATA_YAML
        + " with 'names', or " + CLASSES_TXT + " with one name per line");
  }

  private static List<String> fromYaml(Path file) throws IOException {
    JsonNode names;
    try {
      names = Mappers.yaml().readTree(file.toFile()).path("names");
    } catch (JsonProcessingException e) {
      throw new UserInputException(file + ":" + e.getLocation().getLineNr() + ": "
          + e.getOriginalMessage().lines().findFirst().orElse("not YAML"), e);
    }
    List<String> result;
    if (names.isArray()) {
      result = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        result.add(scalar(file, names.get(i), "names[" + i + "]"));
      }
    } else if (names.isObject()) {
      result = fromIdMap(file, names);
    } else {
      throw new UserInputException(file + ": field 'names' must list the class names, or map "
          + "class ids to names");
    }
    if (result.isEmpty()) {
      throw new UserInputException(file + ": field 'names' is empty");
    }
    return result;
  }

  /**
   * Ultralytics' {@code {0: person, 1: bicycle}}. With n entries, each id 0..n-1 once means
   * every id has its name.
   */
  private static List<String> fromIdMap(Path file, JsonNode names) {
    String[] byId = new String[names.size()];
    Iterator<Map.Entry<String, JsonNode>> entries = names.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> e = entries.next();
      int id = classId(e.getKey(), byId.length);
      if (id < 0 || byId[id] != null) {
        throw new UserInputException(file + ": names." + e.getKey() + " is not a class id "
            + "or repeats one; the ids of " + byId.length + " names are 0 to "
            + (byId.length - 1) + ", each once");
      }
      byId[id] = scalar(file, e.getValue(), "names." + e.getKey());
    }
    return Arrays.asList(byId);
  }

  /** The key as an id below {@code count}, or -1. */
  private static int classId(String key, int count) {
    try {
      int id = Integer.parseInt(key.trim());
      return id >= 0 && id < count ? id : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String scalar(Path file, JsonNode node, String field) {
    if (!node.isValueNode() || node.isNull() || node.asText().isBlank()) {
      throw new UserInputException(file + ": " + field + " must be a class name");
    }
    return node.asText();
  }

  private static List<String> fromText(Path file) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
      lines.remove(lines.size() - 1);
    }
    if (lines.isEmpty()) {
      throw new UserInputException(file + ": no class names");
    }
    List<String> names = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      String name = lines.get(i).trim();
      if (name.isEmpty()) {
        // A blank line would shift every later class to another id, so it cannot be skipped.
        throw new UserInputException(file + ":" + (i + 1) + ": blank line; line n names the "
            + "class with id n-1");
      }
      names.add(name);
    }
    return names;
  }
}
