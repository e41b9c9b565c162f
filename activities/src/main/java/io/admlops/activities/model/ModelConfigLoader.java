package io.admlops.activities.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.json.YamlFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads a model config and the chain of configs it {@code extends}, so trying a variant means
 * writing a few lines of YAML rather than code.
 *
 * <p>{@code extends: base.yaml} names a file relative to the extending file; the base may
 * extend another. The chain is merged from the farthest base to the named file: mappings merge
 * key by key, a list or scalar replaces the inherited one whole, and {@code ~} removes an
 * inherited field so its default applies (or, for a required field, so the error says who
 * removed it). The merged tree is then checked and bound by {@link ModelConfigBinder}.
 */
public final class ModelConfigLoader {

  private static final String EXTENDS = "extends";
  private static final String NAME = "name";

  private ModelConfigLoader() {}

  /**
   * Loads, merges and checks a model config.
   *
   * @throws UserInputException naming the file that introduced the problem and the field
   */
  public static ModelConfig load(Path file) {
    ConfigTree tree = new ConfigTree(file);
    List<Layer> chain = chain(file);
    Layer own = chain.get(chain.size() - 1);
    if (chain.size() > 1 && !own.mapping().has(NAME)) {
      // The name is the model zoo's folder and the registry's model: a variant that kept its
      // base's would file its versions, another architecture's weights, under that model.
      throw new UserInputException(file + ": name is missing; a config that extends another "
          + "names its own model, or its versions would count as " + chain.get(0).file()
          + "'s");
    }
    for (Layer layer : chain) {
      tree.merge(layer.file(), layer.mapping());
    }
    return new ModelConfigBinder(tree).bind();
  }

  /** A file of the chain and its mapping without the {@code extends} key. */
  private record Layer(Path file, ObjectNode mapping) {}

  /** The file and its bases, the farthest base first. */
  private static List<Layer> chain(Path file) {
    Deque<Layer> chain = new ArrayDeque<>();
    List<Path> seen = new ArrayList<>();
    for (Path next = file; next != null; ) {
      seen.add(next);
      ObjectNode mapping = parse(next);
      JsonNode base = mapping.remove(EXTENDS);
      chain.addFirst(new Layer(next, mapping));
      next = base == null || base.isNull() ? null : baseOf(next, base, seen);
    }
    return List.copyOf(chain);
  }

  private static Path baseOf(Path file, JsonNode name, List<Path> seen) {
    if (!name.isTextual() || name.asText().isBlank()) {
      throw new UserInputException(file + ": extends must name a config file, got " + name);
    }
    Path base = file.resolveSibling(name.asText()).normalize();
    Path target = base.toAbsolutePath().normalize();
    if (seen.stream().anyMatch(p -> p.toAbsolutePath().normalize().equals(target))) {
      String cycle = seen.stream().map(Path::toString).collect(Collectors.joining(" -> "));
      throw new UserInputException(file + ": extends " + name.asText()
          + " closes a cycle: " + cycle + " -> " + base);
    }
    if (!Files.isRegularFile(base)) {
      throw new UserInputException(file + ": extends " + name.asText() + ", but " + base
          + " does not exist");
    }
    return base;
  }

  private static ObjectNode parse(Path file) {
    JsonNode root = YamlFiles.read(file, "model config");
    if (root == null || !root.isObject()) {
      throw new UserInputException(file + ": expected a mapping with name, input, classes, "
          + "backbone, head and training");
    }
    return (ObjectNode) root;
  }
}
