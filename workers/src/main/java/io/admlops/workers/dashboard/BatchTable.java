package io.admlops.workers.dashboard;

import static io.admlops.workers.dashboard.PageLayout.escape;
import static io.admlops.workers.dashboard.PageLayout.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The campaign's labeling batches: when each was requested and returned, what QA decided and
 * why, and how often it went back for rework.
 */
final class BatchTable {

  /** QA reasons a row shows; the rest are in the JSON. */
  private static final int REASONS = 3;

  private BatchTable() {}

  static void render(StringBuilder html, List<AnnotationBatchRow> batches) {
    html.append("<section id=\"annotation\"><h2>Labeling batches</h2>\n");
    if (batches.isEmpty()) {
      html.append("<p class=\"empty\" id=\"no-batches\">No frames were sent for labeling ")
          .append("yet.</p></section>\n");
      return;
    }
    html.append("<div class=\"card wide\"><table id=\"batches\">\n<thead><tr><th>Batch</th>")
        .append("<th class=\"num\">Iteration</th><th>Status</th><th class=\"num\">Frames</th>")
        .append("<th>Requested</th><th>Returned</th><th>Decided</th>")
        .append("<th class=\"num\">Rework</th><th>QA</th></tr></thead>\n<tbody>\n");
    for (int i = batches.size() - 1; i >= 0; i--) {
      row(html, batches.get(i));
    }
    html.append("</tbody></table></div></section>\n");
  }

  private static void row(StringBuilder html, AnnotationBatchRow b) {
    html.append("<tr class=\"batch\" data-batch=\"").append(escape(b.batch()))
        .append("\"><td title=\"").append(escape(b.exportUri())).append("\">")
        .append(escape(b.batch())).append("<br><span class=\"muted\">")
        .append(escape(b.vendor())).append("</span></td><td class=\"num\">")
        .append(b.iteration()).append("</td><td>").append(status(b.status()))
        .append("</td><td class=\"num\">")
        .append(b.frames() == null ? Readable.NONE : Readable.count(b.frames()))
        .append("</td><td>").append(Readable.time(b.requestedAt())).append("</td><td>")
        .append(Readable.time(b.returnedAt()));
    if (b.returnFormat() != null) {
      html.append("<br><span class=\"muted\">").append(escape(b.returnFormat()))
          .append("</span>");
    }
    html.append("</td><td>").append(Readable.time(b.decidedAt()))
        .append("</td><td class=\"num\">").append(b.reworkCount())
        .append("</td><td class=\"wrap qa\">").append(qa(b.qaReport())).append("</td></tr>\n");
  }

  /** The QA decision, the counts behind it and its first reasons. */
  private static String qa(JsonNode report) {
    if (report == null || report.isNull()) {
      return Readable.NONE;
    }
    StringBuilder qa = new StringBuilder();
    String decision = report.path("decision").asText("");
    qa.append("<strong>").append(decision.equals("ACCEPT") ? "accepted"
        : decision.equals("REWORK") ? "sent back" : escape(decision.toLowerCase(Locale.ROOT)))
        .append("</strong>: ");
    List<String> counts = new ArrayList<>();
    if (report.path("labeledFrames").isNumber()) {
      counts.add(report.path("labeledFrames").asInt() + " of "
          + report.path("requestedFrames").asInt() + " frames labeled");
    }
    if (report.path("labels").isNumber()) {
      counts.add(Readable.count(report.path("labels").asLong()) + " boxes");
    }
    if (report.path("flaggedShare").isNumber()) {
      counts.add(String.format(Locale.ROOT, "%.0f %% flagged",
          100 * report.path("flaggedShare").asDouble()));
    }
    qa.append(escape(String.join(", ", counts)));
    JsonNode reasons = report.path("reasons");
    for (int i = 0; i < Math.min(REASONS, reasons.size()); i++) {
      qa.append("<br>· ").append(escape(reasons.get(i).asText()));
    }
    if (reasons.size() > REASONS) {
      qa.append("<br>· and ").append(reasons.size() - REASONS).append(" more");
    }
    return qa.toString();
  }
}
