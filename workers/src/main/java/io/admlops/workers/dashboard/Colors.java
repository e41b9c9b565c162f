package io.admlops.workers.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * The dashboard's data colors: the candidate is violet and the production model slate on
 * every chart, frames teal and objects blue as in the analysis report.
 */
final class Colors {

  static final String CANDIDATE = "#7c3aed";
  static final String PRODUCTION = "#475569";
  static final String FRAMES = "#0f766e";
  static final String OBJECTS = "#2563eb";

  /** What a frame or object does not say is light gray, apart from every named value. */
  private static final String UNKNOWN = "#e2e8f0";
  private static final List<String> CATEGORIES = List.of("#2563eb", "#f97316", "#16a34a",
      "#dc2626", "#9333ea", "#0891b2", "#ca8a04", "#db2777", "#1e3a8a", "#65a30d");

  private Colors() {}

  /** One color per bin, in the bins' order; {@code unknown} is gray. */
  static List<String> of(List<String> bins) {
    List<String> colors = new ArrayList<>();
    int next = 0;
    for (String bin : bins) {
      colors.add(bin.equals(DatasetGrowth.UNKNOWN) ? UNKNOWN
          : CATEGORIES.get(next++ % CATEGORIES.size()));
    }
    return colors;
  }
}
