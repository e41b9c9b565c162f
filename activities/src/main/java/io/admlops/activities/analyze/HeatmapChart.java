package io.admlops.activities.analyze;

import io.admlops.activities.analyze.AnalysisResult.Heatmap;
import java.util.List;
import java.util.Locale;

/**
 * Box centers on the image plane: a grid of cells shaded by their count and labeled with it,
 * drawn in a 16:9 frame like a camera image. Shades follow the square root of the count, so
 * a few crowded cells (the road ahead) do not wash out the rest.
 */
final class HeatmapChart {

  private static final int CELL_WIDTH = 46;
  private static final int CELL_HEIGHT = 26;
  private static final int LEFT = 44;
  private static final int TOP = 8;
  private static final int LEGEND_STEPS = 5;

  private HeatmapChart() {}

  static String render(String title, Heatmap heatmap) {
    List<List<Long>> rows = heatmap.counts();
    int columns = rows.get(0).size();
    int planeWidth = columns * CELL_WIDTH;
    int planeHeight = rows.size() * CELL_HEIGHT;
    int width = LEFT + planeWidth + 16;
    int height = TOP + planeHeight + 84;
    long max = rows.stream().flatMap(List::stream).mapToLong(Long::longValue).max().orElse(0);
    Svg svg = new Svg(title, width, height);
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < columns; c++) {
        long count = rows.get(r).get(c);
        double x = LEFT + c * CELL_WIDTH;
        double y = TOP + r * CELL_HEIGHT;
        String fill = shade(max == 0 ? 0 : Math.sqrt((double) count / max));
        svg.rect(x, y, CELL_WIDTH, CELL_HEIGHT, fill, String.format(Locale.ROOT,
            "x %.1f–%.1f, y %.1f–%.1f: %s boxes", (double) c / columns,
            (double) (c + 1) / columns, (double) r / rows.size(), (double) (r + 1) / rows.size(),
            Numbers.grouped(count)));
        if (count > 0) {
          svg.coloredText(x + CELL_WIDTH / 2.0, y + CELL_HEIGHT / 2.0 + 4,
              Numbers.compact(count), "cell mid", Palette.textOn(fill));
        }
      }
    }
    svg.box(LEFT, TOP, planeWidth, planeHeight, "frame");
    double bottom = TOP + planeHeight;
    String[] ticks = {"0", "0.5", "1"};
    for (int i = 0; i < ticks.length; i++) {
      double at = i / (ticks.length - 1.0);
      svg.text(LEFT + planeWidth * at, bottom + 15, ticks[i], "tick mid");
      svg.text(LEFT - 6, TOP + planeHeight * at + 4, ticks[i], "tick end");
    }
    svg.text(LEFT + planeWidth / 2.0, bottom + 32, "box center x (0 = left, 1 = right)",
        "caption mid");
    svg.rotatedText(14, TOP + planeHeight / 2.0, -90, "center y (0 = top)", "caption mid");
    legend(svg, max, LEFT + planeWidth / 2.0, bottom + 48);
    return svg.render();
  }

  /** Swatches from no boxes to the fullest cell's count. */
  private static void legend(Svg svg, long max, double center, double y) {
    double swatch = 28;
    double start = center - LEGEND_STEPS * swatch / 2;
    svg.text(start - 8, y + 13, "0", "tick end");
    for (int i = 0; i < LEGEND_STEPS; i++) {
      double t = (double) i / (LEGEND_STEPS - 1);
      long count = Math.round(t * t * max);
      svg.rect(start + i * swatch, y, swatch, 16, shade(t),
          "about " + Numbers.grouped(count) + " boxes");
    }
    svg.text(start + LEGEND_STEPS * swatch + 8, y + 13,
        Numbers.grouped(max) + " boxes per cell", "tick start");
  }

  /** The color at {@code t} from 0 (no boxes) to 1 (the fullest cell). */
  private static String shade(double t) {
    int[] rgb = new int[3];
    for (int i = 0; i < 3; i++) {
      rgb[i] = (int) Math.round(Palette.HEAT_LOW[i]
          + t * (Palette.HEAT_HIGH[i] - Palette.HEAT_LOW[i]));
    }
    return String.format(Locale.ROOT, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
  }
}
