package io.admlops.activities.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.admlops.schemas.UserInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The tree of a config and the configs it extends, merged layer by layer, remembering which
 * file set each value so an error can point at the file that introduced the bad value rather
 * than at the variant the user happened to load.
 *
 * <p>Merging: mappings merge key by key; a list or scalar in a later layer replaces the
 * earlier one whole; {@code ~} (null) removes the key, so an optional field falls back to its
 * default and a required one is reported missing, naming the file that removed it.
 */
final class ConfigTree {

  private final Path top;
  private final ObjectNode root = JsonNodeFactory.instance.objectNode();
  /** Dotted path to the file that last set or removed it; children inherit from parents. */
  private final Map<String, Path> origins = new HashMap<>();
  /** The files in merge order, the farthest base first. */
  private final List<Path> layers = new ArrayList<>();

  /** @param top the file the user named, blamed when nothing more precise is known */
  ConfigTree(Path top) {
    this.top = top;
  }

  /** Lays a file's mapping over what is merged so far. */
  void merge(Path file, ObjectNode layer) {
    layers.add(file);
    merge(root, layer, "", file);
  }

  ObjectNode root() {
    return root;
  }

  /** The file that set the value at a dotted path, or at its nearest set ancestor. */
  Path fileOf(String path) {
    for (String p = path; !p.isEmpty(); p = parentOf(p)) {
      Path file = origins.get(p);
      if (file != null) {
        return file;
      }
    }
    return top;
  }

  /** An error such as {@code a.yaml: training.epochs must be ...}, blaming the right file. */
  UserInputException error(String path, String message) {
    return new UserInputException(fileOf(path) + ": " + path + " " + message);
  }

  /**
   * A missing field: blamed on the file that removed it with {@code ~}, else on the top file,
   * since no file can be said to have left it out.
   */
  UserInputException missing(String path) {
    return new UserInputException(origins.getOrDefault(path, top) + ": " + path
        + " is missing");
  }

  /**
   * An error about fields that disagree, such as warm-up epochs and epochs: blamed on the
   * last file of the chain that set any of them or anything below them.
   */
  UserInputException conflict(String path, List<String> involved, String message) {
    Path latest = Stream.concat(Stream.of(path), involved.stream())
        .flatMap(this::filesAtOrBelow)
        .max(Comparator.comparingInt(layers::indexOf))
        .orElse(top);
    return new UserInputException(latest + ": " + path + " " + message);
  }

  private Stream<Path> filesAtOrBelow(String path) {
    Stream<Path> below = origins.entrySet().stream()
        .filter(e -> e.getKey().startsWith(path + ".") || e.getKey().startsWith(path + "["))
        .map(Map.Entry::getValue);
    return Stream.concat(Stream.of(fileOf(path)), below);
  }

  private void merge(ObjectNode into, ObjectNode layer, String prefix, Path file) {
    for (Iterator<Map.Entry<String, JsonNode>> it = layer.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String path = prefix + field.getKey();
      JsonNode value = field.getValue();
      JsonNode current = into.get(field.getKey());
      if (value.isObject() && current != null && current.isObject()) {
        merge((ObjectNode) current, (ObjectNode) value, path + ".", file);
        continue;
      }
      if (value.isNull()) {
        into.remove(field.getKey());
      } else {
        into.set(field.getKey(), value.deepCopy());
      }
      origins.keySet().removeIf(p -> p.startsWith(path + ".") || p.startsWith(path + "["));
      origins.put(path, file);
    }
  }

  private static String parentOf(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut < 0 ? "" : path.substring(0, cut);
  }
}
