package io.admlops.activities.analyze;

import java.util.Map;

/**
 * Horizontal bars, one per named count (classes, scene conditions, image sizes), in the
 * order given, each with its value at its end. A zero shows as a red 0: in a coverage
 * report it is a gap.
 */
final class BarChart {

  private static final int ROW = 26;
  private static final int BAR = 16;
  private static final int TOP = 6;
  private static final int AXIS = 46;
  private static final int VALUE_SPACE = 64;
  private static final int MAX_LABEL_CHARS = 26;

  private BarChart() {}

  /**
   * @param title the chart's accessible title
   * @param values the bars, in order
   * @param unit what the values count, the axis title (e.g. {@code instances})
   * @param color the bars' color
   * @param width the chart's width in pixels
   */
  static String render(String title, Map<String, Long> values, String unit, String color,
      int width) {
    int labelWidth = labelWidth(values);
    double plotWidth = width - labelWidth - VALUE_SPACE;
    int height = TOP + values.size() * ROW + AXIS;
    double axisY = TOP + values.size() * ROW;
    long max = values.values().stream().mapToLong(Long::longValue).max().orElse(0);
    long step = Numbers.tickStep(max);
    long axisMax = Numbers.axisMax(max);
    Svg svg = new Svg(title, width, height);
    for (long tick = 0; tick <= axisMax; tick += step) {
      double x = labelWidth + plotWidth * tick / axisMax;
      svg.line(x, TOP, x, axisY, tick == 0 ? "axis" : "grid");
      svg.text(x, axisY + 16, Numbers.compact(tick), "tick mid");
    }
    svg.text(labelWidth + plotWidth / 2, axisY + 38, unit, "caption mid");
    int row = 0;
    for (Map.Entry<String, Long> e : values.entrySet()) {
      double y = TOP + row++ * ROW + (ROW - BAR) / 2.0;
      double barWidth = plotWidth * e.getValue() / axisMax;
      svg.text(labelWidth - 8, y + BAR - 4, shortened(e.getKey()), "label end");
      if (e.getValue() > 0) {
        svg.rect(labelWidth, y, barWidth, BAR, color,
            e.getKey() + ": " + Numbers.grouped(e.getValue()) + " " + unit);
      }
      svg.text(labelWidth + barWidth + 6, y + BAR - 4, Numbers.grouped(e.getValue()),
          e.getValue() == 0 ? "value zero" : "value");
    }
    return svg.render();
  }

  /** Room for the longest label, about 8 pixels a character, within bounds. */
  static int labelWidth(Map<String, ?> rows) {
    int longest = rows.keySet().stream().mapToInt(k -> shortened(k).length()).max().orElse(4);
    return Math.max(60, Math.min(220, longest * 8 + 14));
  }

  /** A label cut to fit the label column; the full name stays in the bar's tooltip. */
  static String shortened(String label) {
    return label.length() <= MAX_LABEL_CHARS ? label
        : label.substring(0, MAX_LABEL_CHARS - 1) + "…";
  }
}
