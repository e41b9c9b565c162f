package io.admlops.activities.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.DoublePredicate;

/**
 * One mapping of a merged config, read field by field: every accessor checks type and range
 * and reports a problem with the file and the dotted path of the field, and a section only
 * accepts the keys it declares, so a misspelt key is an error rather than silently ignored.
 */
final class ConfigSection {

  /** What a number must be, in words for the message and as a test. */
  record Bound(String description, DoublePredicate test) {}

  static final Bound POSITIVE = new Bound("a positive number", v -> v > 0);
  static final Bound NON_NEGATIVE = new Bound("a number of at least 0", v -> v >= 0);
  static final Bound PROBABILITY = new Bound("a probability between 0 and 1",
      v -> v >= 0 && v <= 1);
  static final Bound FRACTION = new Bound("a fraction between 0 and 1",
      v -> v >= 0 && v <= 1);
  static final Bound OPEN_PROBABILITY = new Bound("a probability strictly between 0 and 1",
      v -> v > 0 && v < 1);

  private final ConfigTree tree;
  private final String path;
  private final JsonNode node;

  private ConfigSection(ConfigTree tree, String path, JsonNode node) {
    this.tree = tree;
    this.path = path;
    this.node = node;
  }

  /** The top-level mapping, accepting only the given keys. */
  static ConfigSection root(ConfigTree tree, List<String> keys) {
    ConfigSection root = new ConfigSection(tree, "", tree.root());
    root.knownKeys(keys);
    return root;
  }

  /** A required nested mapping accepting only the given keys. */
  ConfigSection section(String key, List<String> keys) {
    JsonNode child = required(key);
    if (!child.isObject()) {
      throw tree.error(pathOf(key), "must be a mapping of " + keys + ", got " + child);
    }
    ConfigSection section = new ConfigSection(tree, pathOf(key), child);
    section.knownKeys(keys);
    return section;
  }

  /** A nested mapping that may be left out; absent, every field in it takes its default. */
  ConfigSection optionalSection(String key, List<String> keys) {
    if (!has(key)) {
      return new ConfigSection(tree, pathOf(key), JsonNodeFactory.instance.objectNode());
    }
    return section(key, keys);
  }

  boolean has(String key) {
    return node.has(key);
  }

  /** A required field's value of whatever type, for fields that take more than one form. */
  JsonNode raw(String key) {
    return required(key);
  }

  /** A whole number of at least 1. */
  int count(String key) {
    return wholeNumber(key, 1);
  }

  /** A count that may be left out. */
  int count(String key, int fallback) {
    return has(key) ? count(key) : fallback;
  }

  /** A whole number of at least {@code min}. */
  int wholeNumber(String key, int min) {
    JsonNode value = required(key);
    if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < min) {
      throw invalid(key, "a whole number of at least " + min, value);
    }
    return value.asInt();
  }

  /** A whole number that may be left out. */
  int wholeNumber(String key, int min, int fallback) {
    return has(key) ? wholeNumber(key, min) : fallback;
  }

  /** Any whole number, such as a seed. */
  long anyWholeNumber(String key, long fallback) {
    if (!has(key)) {
      return fallback;
    }
    JsonNode value = node.get(key);
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw invalid(key, "a whole number", value);
    }
    return value.asLong();
  }

  double number(String key, Bound bound) {
    JsonNode value = required(key);
    if (!value.isNumber() || !Double.isFinite(value.asDouble())
        || !bound.test().test(value.asDouble())) {
      throw invalid(key, bound.description(), value);
    }
    return value.asDouble();
  }

  double number(String key, Bound bound, double fallback) {
    return has(key) ? number(key, bound) : fallback;
  }

  /** One of a fixed set of names. */
  String choice(String key, List<String> names) {
    JsonNode value = required(key);
    if (!value.isTextual() || !names.contains(value.asText())) {
      throw invalid(key, "one of " + names, value);
    }
    return value.asText();
  }

  /** Non-blank text matching a pattern described in words. */
  String text(String key, String pattern, String description) {
    JsonNode value = required(key);
    if (!value.isTextual() || !value.asText().matches(pattern)) {
      throw invalid(key, description, value);
    }
    return value.asText();
  }

  /** A non-empty list of whole numbers of at least 1, each checked with its index. */
  List<Integer> counts(String key) {
    JsonNode value = required(key);
    if (!value.isArray() || value.isEmpty()) {
      throw invalid(key, "a non-empty list of whole numbers", value);
    }
    List<Integer> counts = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (!item.isIntegralNumber() || !item.canConvertToInt() || item.asInt() < 1) {
        throw tree.error(pathOf(key) + "[" + i + "]",
            "must be a whole number of at least 1, got " + item);
      }
      counts.add(item.asInt());
    }
    return counts;
  }

  /** A problem with a field of this section that no type or range check covers. */
  RuntimeException problem(String key, String message) {
    return tree.error(pathOf(key), message);
  }

  /** A field that disagrees with others, given by their full dotted paths. */
  RuntimeException conflict(String key, List<String> involved, String message) {
    return tree.conflict(pathOf(key), involved, message);
  }

  String pathOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private JsonNode required(String key) {
    JsonNode value = node.get(key);
    if (value == null) {
      throw tree.missing(pathOf(key));
    }
    return value;
  }

  private RuntimeException invalid(String key, String expected, JsonNode value) {
    return tree.error(pathOf(key), "must be " + expected + ", got " + value);
  }

  private void knownKeys(List<String> keys) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!keys.contains(name)) {
        throw tree.error(pathOf(name), "is not a known field; expected one of " + keys);
      }
    }
  }
}
