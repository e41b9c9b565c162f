package io.admlops.activities.train;

import io.admlops.activities.analyze.Svg;
import io.admlops.activities.train.PlotStyle.Anchor;
import io.admlops.activities.train.PlotStyle.Line;
import io.admlops.activities.train.PlotStyle.Text;
import java.util.Locale;

/** Paints the curves plot as a standalone SVG file, styled by class names. */
final class SvgCanvas implements PlotCanvas {

  private static final String STYLESHEET = stylesheet();

  private final Svg svg;

  SvgCanvas(String title, int width, int height) {
    svg = new Svg(title, width, height);
    svg.box(0, 0, width, height, "background");
  }

  @Override
  public void rule(double x1, double y1, double x2, double y2, Line line) {
    svg.line(x1, y1, x2, y2, line.cssClass());
  }

  @Override
  public void text(double x, double y, String text, Text style, Anchor anchor) {
    svg.text(x, y, text, style.cssClass() + " " + anchor.cssClass);
  }

  @Override
  public void trace(Trace trace) {
    svg.polyline(trace.xs(), trace.ys(), trace.color(), "trace", trace.name());
    if (trace.markers()) {
      for (int i = 0; i < trace.xs().length; i++) {
        svg.circle(trace.xs()[i], trace.ys()[i], PlotStyle.MARKER_RADIUS, trace.color(),
            trace.notes()[i]);
      }
    }
  }

  @Override
  public void swatch(double x, double y, double width, double height, String color,
      String name) {
    svg.rect(x, y, width, height, color, name);
  }

  /** The finished file. */
  String document() {
    return svg.document(STYLESHEET);
  }

  /** Rules for the class names the canvas uses, from the style the PNG painter shares. */
  private static String stylesheet() {
    StringBuilder css = new StringBuilder()
        .append(".chart { font-family: \"DejaVu Sans\", Helvetica, Arial, sans-serif; }\n")
        .append(".background { fill: ").append(PlotStyle.BACKGROUND).append("; }\n")
        .append(String.format(Locale.ROOT, ".trace { fill: none; stroke-width: %.1f; "
            + "stroke-linejoin: round; stroke-linecap: round; }%n", PlotStyle.TRACE_WIDTH));
    for (Line line : Line.values()) {
      css.append('.').append(line.cssClass()).append(" { stroke: ").append(line.color)
          .append("; stroke-width: 1; }\n");
    }
    for (Text text : Text.values()) {
      css.append('.').append(text.cssClass()).append(" { font-size: ").append(text.size)
          .append("px; font-weight: ").append(text.bold ? 600 : 400).append("; fill: ")
          .append(text.color).append("; }\n");
    }
    for (Anchor anchor : Anchor.values()) {
      css.append('.').append(anchor.cssClass).append(" { text-anchor: ")
          .append(anchor == Anchor.MIDDLE ? "middle" : anchor.cssClass).append("; }\n");
    }
    return css.toString();
  }
}
