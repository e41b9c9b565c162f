package io.admlops.activities.analyze;

import java.util.List;

/**
 * The report's data colors. Blue marks counts of boxes and teal counts of frames throughout,
 * so a reader knows what a bar counts before reading its axis. Ordered scales run from green
 * (easy to learn) to red (hard), with gray for what the labels do not say.
 */
final class Palette {

  static final String BOXES = "#2563eb";
  static final String FRAMES = "#0f766e";

  /** Light to dark for the box center heatmap. */
  static final int[] HEAT_LOW = {239, 246, 255};
  static final int[] HEAT_HIGH = {30, 58, 138};

  /** Small, medium, large. */
  static final List<String> SIZES = List.of("#f97316", "#93c5fd", "#1d4ed8");

  /** Occlusion codes 0 to 3, then not given. */
  static final List<String> OCCLUSION = List.of("#16a34a", "#eab308", "#dc2626", "#94a3b8",
      "#e2e8f0");

  /** Truncation from none to more than half, then unknown. */
  static final List<String> TRUNCATION = List.of("#16a34a", "#84cc16", "#eab308", "#f97316",
      "#dc2626", "#e2e8f0");

  private Palette() {}

  /** Dark text on light colors, white on dark ones, by the color's perceived lightness. */
  static String textOn(String hexColor) {
    int r = Integer.parseInt(hexColor.substring(1, 3), 16);
    int g = Integer.parseInt(hexColor.substring(3, 5), 16);
    int b = Integer.parseInt(hexColor.substring(5, 7), 16);
    return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? "#0f172a" : "#ffffff";
  }
}
