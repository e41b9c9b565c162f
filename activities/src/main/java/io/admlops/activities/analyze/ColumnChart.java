package io.admlops.activities.analyze;

import io.admlops.activities.analyze.AnalysisResult.Histogram;
import java.util.List;

/**
 * A histogram as vertical columns, one per bin, with the count above each non-empty column
 * and a y axis with grid lines. Bin labels turn when they would overlap.
 */
final class ColumnChart {

  private static final int LEFT = 58;
  private static final int RIGHT = 12;
  private static final int PLOT_HEIGHT = 190;
  /** About the width of a character of a tick label, and of a bold value above a column. */
  private static final double CHAR_WIDTH = 6.6;
  private static final double VALUE_CHAR_WIDTH = 7.6;

  private ColumnChart() {}

  /**
   * @param title the chart's accessible title
   * @param histogram the bins and counts
   * @param xTitle what the bins measure
   * @param yTitle what the counts count
   * @param color the columns' color
   * @param width the chart's width in pixels
   */
  static String render(String title, Histogram histogram, String xTitle, String yTitle,
      String color, int width) {
    List<String> bins = histogram.bins();
    double plotWidth = width - LEFT - RIGHT;
    double column = plotWidth / bins.size();
    int longest = bins.stream().mapToInt(String::length).max().orElse(1);
    boolean binsTurned = longest * CHAR_WIDTH > column - 4;
    int labelHeight = binsTurned ? (int) Math.ceil(longest * CHAR_WIDTH * 0.6) + 14 : 18;
    long max = histogram.counts().stream().mapToLong(Long::longValue).max().orElse(0);
    // Counts too wide for their column stand upright above it, with room kept at the top.
    int widestValue = histogram.counts().stream().mapToInt(n -> Numbers.compact(n).length())
        .max().orElse(1);
    boolean valuesTurned = widestValue * VALUE_CHAR_WIDTH > column - 2;
    int top = valuesTurned ? (int) Math.ceil(widestValue * VALUE_CHAR_WIDTH) + 10 : 20;
    double axisY = top + PLOT_HEIGHT;
    int height = (int) axisY + labelHeight + 30;
    long step = Numbers.tickStep(max);
    long axisMax = Numbers.axisMax(max);
    Svg svg = new Svg(title, width, height);
    for (long tick = 0; tick <= axisMax; tick += step) {
      double y = axisY - PLOT_HEIGHT * (double) tick / axisMax;
      svg.line(LEFT, y, width - RIGHT, y, tick == 0 ? "axis" : "grid");
      svg.text(LEFT - 6, y + 4, Numbers.compact(tick), "tick end");
    }
    svg.rotatedText(14, top + PLOT_HEIGHT / 2.0, -90, yTitle, "caption mid");
    for (int i = 0; i < bins.size(); i++) {
      long count = histogram.counts().get(i);
      double center = LEFT + column * (i + 0.5);
      double barHeight = PLOT_HEIGHT * (double) count / axisMax;
      if (count > 0) {
        double barWidth = Math.max(2, column * 0.78);
        svg.rect(center - barWidth / 2, axisY - barHeight, barWidth, barHeight, color,
            bins.get(i) + ": " + Numbers.grouped(count) + " " + yTitle);
        if (valuesTurned) {
          svg.rotatedText(center + 4, axisY - barHeight - 5, -90, Numbers.compact(count),
              "value start");
        } else {
          svg.text(center, axisY - barHeight - 5, Numbers.compact(count), "value mid");
        }
      }
      if (binsTurned) {
        svg.rotatedText(center + 4, axisY + 14, -40, bins.get(i), "tick end");
      } else {
        svg.text(center, axisY + 15, bins.get(i), "tick mid");
      }
    }
    svg.text(LEFT + plotWidth / 2, height - 8, xTitle, "caption mid");
    return svg.render();
  }
}
