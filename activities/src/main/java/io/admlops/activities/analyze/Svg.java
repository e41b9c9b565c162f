package io.admlops.activities.analyze;

import java.util.Locale;

/**
 * A small SVG writer for the report's charts. Styling comes from the page's stylesheet
 * through class names, so every chart shares the page's typography and colors; only the data
 * colors are set on the shapes. A chart saved as a file of its own carries its stylesheet
 * instead ({@link #document}). All text is escaped.
 */
public final class Svg {

  private final StringBuilder body = new StringBuilder();
  private final String title;
  private final int width;
  private final int height;

  /** A chart of the given size in pixels, titled for screen readers and tooltips. */
  public Svg(String title, int width, int height) {
    this.title = title;
    this.width = width;
    this.height = height;
  }

  /** A filled rectangle; its tooltip shows on hover. */
  public void rect(double x, double y, double w, double h, String fill, String tooltip) {
    body.append(String.format(Locale.ROOT,
        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">", x, y, w, h,
        fill));
    body.append("<title>").append(Markup.escape(tooltip)).append("</title></rect>\n");
  }

  /** A rectangle styled by the page, such as an empty track or a cell border. */
  public void box(double x, double y, double w, double h, String cssClass) {
    body.append(String.format(Locale.ROOT,
        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" class=\"%s\"/>\n",
        x, y, w, h, cssClass));
  }

  /** Text whose anchor and look come from its classes, e.g. {@code "tick end"}. */
  public void text(double x, double y, String text, String cssClass) {
    body.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" class=\"%s\">%s</text>%n",
        x, y, cssClass, Markup.escape(text)));
  }

  /** Text in a given color, for values inside colored bars. */
  public void coloredText(double x, double y, String text, String cssClass, String color) {
    body.append(String.format(Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" class=\"%s\" fill=\"%s\">%s</text>%n", x, y, cssClass,
        color, Markup.escape(text)));
  }

  /** Text turned by {@code degrees} around its anchor point: axis titles, long bin labels. */
  public void rotatedText(double x, double y, double degrees, String text, String cssClass) {
    body.append(String.format(Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" transform=\"rotate(%.0f %.1f %.1f)\" class=\"%s\">%s"
            + "</text>%n", x, y, degrees, x, y, cssClass, Markup.escape(text)));
  }

  public void line(double x1, double y1, double x2, double y2, String cssClass) {
    body.append(String.format(Locale.ROOT,
        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"%s\"/>%n",
        x1, y1, x2, y2, cssClass));
  }

  /** A line through points in order, such as a metric over epochs. */
  public void polyline(double[] xs, double[] ys, String stroke, String cssClass,
      String tooltip) {
    body.append("<polyline points=\"");
    for (int i = 0; i < xs.length; i++) {
      body.append(String.format(Locale.ROOT, i == 0 ? "%.1f,%.1f" : " %.1f,%.1f", xs[i], ys[i]));
    }
    body.append("\" stroke=\"").append(stroke).append("\" class=\"").append(cssClass)
        .append("\"><title>").append(Markup.escape(tooltip)).append("</title></polyline>\n");
  }

  /** A filled dot marking one value; its tooltip shows on hover. */
  public void circle(double cx, double cy, double r, String fill, String tooltip) {
    dot(cx, cy, r, fill, "", tooltip);
  }

  /**
   * A dot marking one value of a series, classed by its series so that a page can style the
   * series and find each of its points; its tooltip shows on hover.
   */
  public void point(double cx, double cy, double r, String fill, String cssClass,
      String tooltip) {
    dot(cx, cy, r, fill, " class=\"" + cssClass + "\"", tooltip);
  }

  private void dot(double cx, double cy, double r, String fill, String classAttribute,
      String tooltip) {
    body.append(String.format(Locale.ROOT,
        "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"%s>", cx, cy, r, fill,
        classAttribute));
    body.append("<title>").append(Markup.escape(tooltip)).append("</title></circle>\n");
  }

  /** The finished element, to be placed inline in the page. */
  public String render() {
    return start() + body + "</svg>";
  }

  /**
   * The chart as a file of its own. No page styles it there, so it carries a stylesheet for
   * the class names its shapes use.
   */
  public String document(String stylesheet) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + start() + "<style><![CDATA[\n"
        + stylesheet + "]]></style>\n" + body + "</svg>\n";
  }

  private String start() {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\""
        + width + "\" height=\"" + height + "\" viewBox=\"0 0 " + width + " " + height
        + "\" aria-label=\"" + Markup.escape(title) + "\">\n<title>" + Markup.escape(title)
        + "</title>\n";
  }
}
