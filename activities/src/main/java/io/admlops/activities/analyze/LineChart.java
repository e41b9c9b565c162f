package io.admlops.activities.analyze;

import java.util.ArrayList;
import java.util.Collections;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleFunction;

/**
 * Series of values over an ordered row of positions (loop iterations, dataset versions), one
 * line per series with a dot on each value, over a value axis that starts at zero. A missing
 * value breaks its line instead of being drawn as zero. Each dot is classed
 * {@code point <series class>}, so a page can style a series and a test can count its points.
 */
public final class LineChart {

  private static final int LEFT = 58;
  private static final int RIGHT = 16;
  private static final int LEGEND = 28;
  private static final int PLOT_HEIGHT = 160;
  private static final int BOTTOM = 46;
  private static final double RADIUS = 3.5;
  /** About the width of a character of a tick or legend label. */
  private static final double CHAR_WIDTH = 6.6;

  private final String title;
  private final List<String> positions;
  private final String xTitle;
  private final String yTitle;
  private final DoubleFunction<String> valueText;

  /**
   * One line of the chart.
   *
   * @param name shown in the legend and in each dot's tooltip
   * @param cssClass the series' class on its line and dots, e.g. {@code candidate}
   * @param color its color as #rrggbb
   * @param values one per position, null where the series has no value
   */
  public record Series(String name, String cssClass, String color, List<Double> values) {

    public Series {
      // Nulls are gaps, which List.copyOf would refuse.
      values = Collections.unmodifiableList(new ArrayList<>(values));
    }
  }

  /**
   * @param title the chart's accessible title
   * @param positions the x axis' labels, in order
   * @param xTitle what the positions are
   * @param yTitle what the values measure
   * @param valueText how a value reads in a dot's tooltip
   */
  public LineChart(String title, List<String> positions, String xTitle, String yTitle,
      DoubleFunction<String> valueText) {
    this.title = title;
    this.positions = List.copyOf(positions);
    this.xTitle = xTitle;
    this.yTitle = yTitle;
    this.valueText = valueText;
  }

  /**
   * The chart as an inline SVG element.
   *
   * @param series the lines, each with one value (or null) per position
   * @param width the chart's width in pixels
   * @throws IllegalArgumentException when a series has not one value per position
   */
  public String render(List<Series> series, int width) {
    for (Series s : series) {
      if (s.values().size() != positions.size()) {
        throw new IllegalArgumentException("series " + s.name() + " has " + s.values().size()
            + " values for " + positions.size() + " positions");
      }
    }
    double axisY = LEGEND + PLOT_HEIGHT;
    int height = (int) axisY + BOTTOM;
    Svg svg = new Svg(title, width, height);
    legend(svg, series);
    DoubleSummaryStatistics range = series.stream().flatMap(s -> s.values().stream())
        .filter(Objects::nonNull).mapToDouble(Double::doubleValue).summaryStatistics();
    AxisScale axis = range.getCount() == 0 ? AxisScale.values(0, 1)
        : AxisScale.values(Math.min(0, range.getMin()), range.getMax());
    for (double tick : axis.ticks()) {
      double y = axisY - PLOT_HEIGHT * axis.fraction(tick);
      svg.line(LEFT, y, width - RIGHT, y, tick == axis.min() ? "axis" : "grid");
      svg.text(LEFT - 6, y + 4, axis.label(tick), "tick end");
    }
    svg.rotatedText(14, LEGEND + PLOT_HEIGHT / 2.0, -90, yTitle, "caption mid");
    double slot = (width - LEFT - RIGHT) / (double) Math.max(1, positions.size());
    int longest = positions.stream().mapToInt(String::length).max().orElse(1);
    int labelEvery = (int) Math.max(1, Math.ceil((longest * CHAR_WIDTH + 6) / slot));
    for (int i = 0; i < positions.size(); i += labelEvery) {
      svg.text(x(i, slot), axisY + 16, positions.get(i), "tick mid");
    }
    svg.text(LEFT + (width - LEFT - RIGHT) / 2.0, height - 8, xTitle, "caption mid");
    if (range.getCount() == 0) {
      svg.text(LEFT + (width - LEFT - RIGHT) / 2.0, LEGEND + PLOT_HEIGHT / 2.0,
          "no values yet", "tick mid");
    }
    for (Series s : series) {
      lines(svg, s, axis, slot, axisY);
      for (int i = 0; i < positions.size(); i++) {
        Double value = s.values().get(i);
        if (value != null) {
          svg.point(x(i, slot), y(value, axis, axisY), RADIUS, s.color(),
              "point " + s.cssClass(), s.name() + ", " + positions.get(i) + ": "
                  + valueText.apply(value));
        }
      }
    }
    return svg.render();
  }

  /** One polyline per run of consecutive values; a lone value shows as its dot only. */
  private void lines(Svg svg, Series s, AxisScale axis, double slot, double axisY) {
    int start = 0;
    while (start < positions.size()) {
      if (s.values().get(start) == null) {
        start++;
        continue;
      }
      int end = start;
      while (end + 1 < positions.size() && s.values().get(end + 1) != null) {
        end++;
      }
      if (end > start) {
        double[] xs = new double[end - start + 1];
        double[] ys = new double[xs.length];
        for (int i = start; i <= end; i++) {
          xs[i - start] = x(i, slot);
          ys[i - start] = y(s.values().get(i), axis, axisY);
        }
        svg.polyline(xs, ys, s.color(), "line " + s.cssClass(), s.name());
      }
      start = end + 1;
    }
  }

  private static void legend(Svg svg, List<Series> series) {
    double x = LEFT;
    for (Series s : series) {
      svg.rect(x, 6, 12, 12, s.color(), s.name());
      svg.text(x + 17, 16, s.name(), "tick start");
      x += 17 + s.name().length() * CHAR_WIDTH + 18;
    }
  }

  private static double x(int position, double slot) {
    return LEFT + slot * (position + 0.5);
  }

  private static double y(double value, AxisScale axis, double axisY) {
    return axisY - PLOT_HEIGHT * axis.fraction(value);
  }
}
