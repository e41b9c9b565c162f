package io.admlops.workers.dashboard;

import io.admlops.activities.analyze.Markup;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The frame of every dashboard page: the trail of links back up, the title and the inline
 * stylesheet (the analysis report's, which styles the charts, and the dashboard's own), so a
 * page needs nothing but itself and the frame images it names.
 */
final class PageLayout {

  private static final String STYLESHEET =
      resource("/io/admlops/activities/analyze/report.css") + resource("dashboard.css");

  /** A link in the trail above a page's title. */
  record Link(String label, String href) {}

  private PageLayout() {}

  /**
   * @param title the page's title, also its heading
   * @param trail the pages above this one, outermost first
   * @param body the page's content below the heading, as HTML
   */
  static String page(String title, List<Link> trail, String body) {
    StringBuilder html = new StringBuilder(body.length() + STYLESHEET.length() + 1024);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(escape(title)).append(" · admlops</title>\n<style>\n")
        .append(STYLESHEET).append("</style>\n</head>\n<body>\n<main>\n<header>");
    if (!trail.isEmpty()) {
      html.append("<nav class=\"trail\">");
      for (Link link : trail) {
        html.append(anchor(link.href(), link.label())).append(" / ");
      }
      html.append("</nav>");
    }
    html.append("<h1>").append(escape(title)).append("</h1></header>\n").append(body)
        .append("</main>\n</body>\n</html>\n");
    return html.toString();
  }

  /** A page that says what was not found or went wrong. */
  static String error(String title, String message) {
    return page(title, List.of(new Link("Campaigns", "/")),
        "<section class=\"empty\" id=\"error\"><p>" + escape(message) + "</p></section>\n");
  }

  static String escape(String text) {
    return Markup.escape(text);
  }

  static String anchor(String href, String label) {
    return "<a href=\"" + escape(href) + "\">" + escape(label) + "</a>";
  }

  /** A status as a colored pill, classed by the status so a test can find it. */
  static String status(String status) {
    return "<span class=\"status " + escape(status) + "\">" + escape(status) + "</span>";
  }

  private static String resource(String name) {
    try (InputStream in = PageLayout.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }
}
