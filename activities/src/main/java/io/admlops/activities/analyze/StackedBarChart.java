package io.admlops.activities.analyze;

import java.util.List;
import java.util.Map;

/**
 * One bar per class split into the shares of its bins (occlusion codes, truncation ranges,
 * COCO sizes), each bar filling the width so classes of different sizes compare by share.
 * Shares wide enough carry their percentage, the bar its total; a legend names the bins.
 */
public final class StackedBarChart {

  private static final int ROW = 28;
  private static final int BAR = 18;
  private static final int LEGEND_ROW = 22;
  private static final int AXIS = 26;
  private static final int TOTAL_SPACE = 78;
  private static final double CHAR_WIDTH = 6.8;

  private StackedBarChart() {}

  /**
   * @param title the chart's accessible title
   * @param bins the bins' names, in stacking order
   * @param colors one color per bin
   * @param rows per class, its count in each bin
   * @param width the chart's width in pixels
   */
  public static String render(String title, List<String> bins, List<String> colors,
      Map<String, List<Long>> rows, int width) {
    int labelWidth = BarChart.labelWidth(rows);
    double plotWidth = width - labelWidth - TOTAL_SPACE;
    double[][] legend = legendLayout(bins, labelWidth, width);
    double top = legend[legend.length - 1][1] + LEGEND_ROW + 8;
    double axisY = top + rows.size() * ROW;
    Svg svg = new Svg(title, width, (int) axisY + AXIS);
    for (int i = 0; i < bins.size(); i++) {
      svg.rect(legend[i][0], legend[i][1] + 2, 12, 12, colors.get(i), bins.get(i));
      svg.text(legend[i][0] + 17, legend[i][1] + 12, bins.get(i), "tick start");
    }
    for (int quarter = 0; quarter <= 4; quarter++) {
      double x = labelWidth + plotWidth * quarter / 4;
      svg.line(x, top, x, axisY, quarter == 0 ? "axis" : "grid");
      svg.text(x, axisY + 16, quarter * 25 + " %", "tick mid");
    }
    int row = 0;
    for (Map.Entry<String, List<Long>> e : rows.entrySet()) {
      double y = top + row++ * ROW + (ROW - BAR) / 2.0;
      long total = e.getValue().stream().mapToLong(Long::longValue).sum();
      svg.text(labelWidth - 8, y + BAR - 5, BarChart.shortened(e.getKey()), "label end");
      svg.text(labelWidth + plotWidth + 8, y + BAR - 5, "n = " + Numbers.grouped(total),
          "value");
      if (total == 0) {
        svg.box(labelWidth, y, plotWidth, BAR, "track");
        svg.text(labelWidth + plotWidth / 2, y + BAR - 5, "no boxes", "tick mid");
        continue;
      }
      double x = labelWidth;
      for (int i = 0; i < bins.size(); i++) {
        long count = e.getValue().get(i);
        if (count == 0) {
          continue;
        }
        double share = (double) count / total;
        double w = plotWidth * share;
        svg.rect(x, y, w, BAR, colors.get(i), e.getKey() + ", " + bins.get(i) + ": "
            + Numbers.grouped(count) + " (" + Numbers.percent(share) + ")");
        if (w >= 34) {
          svg.coloredText(x + w / 2, y + BAR - 5, Math.round(100 * share) + "%", "cell mid",
              Palette.textOn(colors.get(i)));
        }
        x += w;
      }
    }
    return svg.render();
  }

  /** Where each bin's swatch goes: left to right, wrapped onto as many lines as needed. */
  private static double[][] legendLayout(List<String> bins, int left, int width) {
    double[][] at = new double[bins.size()][];
    double x = left;
    double y = 4;
    for (int i = 0; i < bins.size(); i++) {
      double itemWidth = legendItemWidth(bins.get(i));
      if (x + itemWidth > width && x > left) {
        x = left;
        y += LEGEND_ROW;
      }
      at[i] = new double[] {x, y};
      x += itemWidth;
    }
    return at;
  }

  private static double legendItemWidth(String bin) {
    return 17 + bin.length() * CHAR_WIDTH + 16;
  }
}
