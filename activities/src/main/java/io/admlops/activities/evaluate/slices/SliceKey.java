package io.admlops.activities.evaluate.slices;

import java.util.regex.Pattern;

/**
 * Names a slice as {@code dimension=value}, the form the registry's
 * {@code evaluation_slice.slice_key} accepts ({@code ^[a-z_]+=[A-Za-z0-9_.-]+$}). Scene
 * attributes and tags are free text ({@code dawn/dusk}, {@code city street},
 * {@code mined:uncertainty}), so every character the key does not allow becomes {@code _}:
 * {@code timeofday=dawn_dusk}, {@code scene=city_street}, {@code tag=mined_uncertainty}.
 */
final class SliceKey {

  static final String TIME_OF_DAY = "timeofday";
  static final String WEATHER = "weather";
  static final String SCENE = "scene";
  static final String SIZE = "size";
  static final String TAG = "tag";

  private static final Pattern NOT_ALLOWED = Pattern.compile("[^A-Za-z0-9_.-]");

  private SliceKey() {}

  /** The key of a value, or null for a value that is absent or blank: no slice. */
  static String of(String dimension, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return dimension + "=" + NOT_ALLOWED.matcher(value.strip()).replaceAll("_");
  }
}
