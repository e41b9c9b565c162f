package io.admlops.activities.train;

import io.admlops.activities.train.PlotStyle.Anchor;
import io.admlops.activities.train.PlotStyle.Line;
import io.admlops.activities.train.PlotStyle.Text;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/** Paints the curves plot into a raster image with Java2D, for a PNG. */
final class ImageCanvas implements PlotCanvas {

  private static final BasicStroke RULE = new BasicStroke(1f);
  private static final BasicStroke TRACE = new BasicStroke(PlotStyle.TRACE_WIDTH,
      BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

  private final BufferedImage image;
  private final Graphics2D graphics;

  ImageCanvas(int width, int height) {
    image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    graphics = image.createGraphics();
    graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING,
        RenderingHints.VALUE_ANTIALIAS_ON);
    graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    graphics.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL,
        RenderingHints.VALUE_STROKE_PURE);
    graphics.setColor(Color.decode(PlotStyle.BACKGROUND));
    graphics.fillRect(0, 0, width, height);
  }

  @Override
  public void rule(double x1, double y1, double x2, double y2, Line line) {
    graphics.setColor(Color.decode(line.color));
    graphics.setStroke(RULE);
    graphics.draw(new Line2D.Double(x1, y1, x2, y2));
  }

  @Override
  public void text(double x, double y, String text, Text style, Anchor anchor) {
    graphics.setFont(new Font(Font.SANS_SERIF, style.bold ? Font.BOLD : Font.PLAIN,
        style.size));
    graphics.setColor(Color.decode(style.color));
    double width = graphics.getFontMetrics().getStringBounds(text, graphics).getWidth();
    double start = switch (anchor) {
      case START -> x;
      case MIDDLE -> x - width / 2;
      case END -> x - width;
    };
    graphics.drawString(text, (float) start, (float) y);
  }

  @Override
  public void trace(Trace trace) {
    graphics.setColor(Color.decode(trace.color()));
    Path2D.Double line = new Path2D.Double();
    line.moveTo(trace.xs()[0], trace.ys()[0]);
    for (int i = 1; i < trace.xs().length; i++) {
      line.lineTo(trace.xs()[i], trace.ys()[i]);
    }
    graphics.setStroke(TRACE);
    graphics.draw(line);
    if (trace.markers()) {
      double r = PlotStyle.MARKER_RADIUS;
      for (int i = 0; i < trace.xs().length; i++) {
        graphics.fill(new Ellipse2D.Double(trace.xs()[i] - r, trace.ys()[i] - r, 2 * r, 2 * r));
      }
    }
  }

  @Override
  public void swatch(double x, double y, double width, double height, String color,
      String name) {
    graphics.setColor(Color.decode(color));
    graphics.fill(new Rectangle2D.Double(x, y, width, height));
  }

  /** The painted image; the canvas is done with. */
  BufferedImage finish() {
    graphics.dispose();
    return image;
  }
}
