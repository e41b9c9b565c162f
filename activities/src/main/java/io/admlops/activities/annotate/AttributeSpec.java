package io.admlops.activities.annotate;

import java.util.List;

/**
 * An attribute every box of a labeling job carries, e.g. its occlusion level.
 *
 * @param name the attribute's name in the labeling tools and in returned labels
 * @param description what it means, for the spec
 * @param values the allowed values, in order; the first is the default
 */
public record AttributeSpec(String name, String description, List<String> values) {

  public AttributeSpec {
    values = List.copyOf(values);
  }
}
