package io.admlops.activities.analyze;

import java.util.Locale;

/**
 * A small SVG writer for the report's charts. Styling comes from the page's stylesheet
 * through class names, so every chart shares the page's typography and colors; only the data
 * colors are set on the shapes. All text is escaped.
 */
final class Svg {

  private final StringBuilder body = new StringBuilder();
  private final String title;
  private final int width;
  private final int height;

  /** A chart of the given size in pixels, titled for screen readers and tooltips. */
  Svg(String title, int width, int height) {
    this.title = title;
    this.width = width;
    this.height = height;
  }

  /** A filled rectangle; its tooltip shows on hover. */
  void rect(double x, double y, double w, double h, String fill, String tooltip) {
    body.append(String.format(Locale.ROOT,
        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">", x, y, w, h,
        fill));
    body.append("<title>").append(Markup.escape(tooltip)).append("</title></rect>\n");
  }

  /** A rectangle styled by the page, such as an empty track or a cell border. */
  void box(double x, double y, double w, double h, String cssClass) {
    body.append(String.format(Locale.ROOT,
        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" class=\"%s\"/>\n",
        x, y, w, h, cssClass));
  }

  /** Text whose anchor and look come from its classes, e.g. {@code "tick end"}. */
  void text(double x, double y, String text, String cssClass) {
    body.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" class=\"%s\">%s</text>%n",
        x, y, cssClass, Markup.escape(text)));
  }

  /** Text in a given color, for values inside colored bars. */
  void coloredText(double x, double y, String text, String cssClass, String color) {
    body.append(String.format(Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" class=\"%s\" fill=\"%s\">%s</text>%n", x, y, cssClass,
        color, Markup.escape(text)));
  }

  /** Text turned by {@code degrees} around its anchor point: axis titles, long bin labels. */
  void rotatedText(double x, double y, double degrees, String text, String cssClass) {
    body.append(String.format(Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" transform=\"rotate(%.0f %.1f %.1f)\" class=\"%s\">%s"
            + "</text>%n", x, y, degrees, x, y, cssClass, Markup.escape(text)));
  }

  void line(double x1, double y1, double x2, double y2, String cssClass) {
    body.append(String.format(Locale.ROOT,
        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"%s\"/>%n",
        x1, y1, x2, y2, cssClass));
  }

  /** The finished element, to be placed inline in the page. */
  String render() {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\""
        + width + "\" height=\"" + height + "\" viewBox=\"0 0 " + width + " " + height
        + "\" aria-label=\"" + Markup.escape(title) + "\">\n<title>" + Markup.escape(title)
        + "</title>\n" + body + "</svg>";
  }
}
