package io.admlops.activities.train;

import io.admlops.activities.train.PlotStyle.Anchor;
import io.admlops.activities.train.PlotStyle.Line;
import io.admlops.activities.train.PlotStyle.Text;

/** What the training curves plot is painted on: an SVG document or a raster image. */
interface PlotCanvas {

  /** A straight line that is not data: an axis, a grid line, a tick. */
  void rule(double x1, double y1, double x2, double y2, Line line);

  /** Text whose baseline is at y. */
  void text(double x, double y, String text, Text style, Anchor anchor);

  /** A series as a line through its points, with a dot on each when it asks for markers. */
  void trace(Trace trace);

  /** A filled rectangle in a series' color, for the legend. */
  void swatch(double x, double y, double width, double height, String color, String name);

  /**
   * A series placed on the canvas.
   *
   * @param name the series' name, shown in the legend and as a tooltip
   * @param color its color as #rrggbb
   * @param xs the points' x coordinates, in epoch order
   * @param ys their y coordinates
   * @param notes what each point says, e.g. {@code epoch 3: 0.4120}
   * @param markers whether each point gets a dot, when points are far enough apart to tell
   */
  record Trace(String name, String color, double[] xs, double[] ys, String[] notes,
      boolean markers) {}
}
