package io.admlops.activities.formats;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a source's class names into the dataset's. A name is kept when it is one of the
 * classes, renamed or dropped when the definition's {@code map} says so, and unknown
 * otherwise. Matching ignores case when no exact match exists, because datasets disagree on
 * it ({@code Car} in KITTI, {@code car} in BDD100K).
 */
public final class Taxonomy {

  /** KITTI's ignore regions: kept under this name whatever the taxonomy. */
  public static final String DONT_CARE = "DontCare";

  /** Keeps every source class as it is: conversion without a definition. */
  public static final Taxonomy SOURCE = new Taxonomy(List.of(), Map.of(), true);

  private final List<String> classes;
  private final Map<String, String> exact = new HashMap<>();
  private final Map<String, String> folded = new HashMap<>();
  private final boolean keepsEverything;

  private Taxonomy(List<String> classes, Map<String, String> map, boolean keepsEverything) {
    this.classes = List.copyOf(classes);
    this.keepsEverything = keepsEverything;
    for (String c : classes) {
      remember(c, c);
    }
    map.forEach(this::remember);
  }

  /** The taxonomy of a dataset definition. */
  public static Taxonomy of(DatasetDefinition definition) {
    return new Taxonomy(definition.classes(), definition.map(), false);
  }

  /** The dataset's classes in order; empty when source classes are kept. */
  public List<String> classes() {
    return classes;
  }

  /** What becomes of a source class. */
  public Resolution resolve(String sourceClass) {
    if (keepsEverything || DONT_CARE.equals(sourceClass)) {
      return new Resolution(sourceClass, true);
    }
    if (exact.containsKey(sourceClass)) {
      return new Resolution(exact.get(sourceClass), true);
    }
    String lower = sourceClass.toLowerCase(Locale.ROOT);
    if (folded.containsKey(lower)) {
      return new Resolution(folded.get(lower), true);
    }
    return new Resolution(null, false);
  }

  private void remember(String source, String target) {
    exact.put(source, target);
    folded.putIfAbsent(source.toLowerCase(Locale.ROOT), target);
  }

  /**
   * @param category the dataset's class; null when the object is dropped or unknown
   * @param known whether the taxonomy knows the source class at all
   */
  public record Resolution(String category, boolean known) {

    /** Known and mapped to a class (not dropped). */
    public boolean kept() {
      return known && category != null;
    }
  }
}
