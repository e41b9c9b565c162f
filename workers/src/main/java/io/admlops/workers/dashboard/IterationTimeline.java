package io.admlops.workers.dashboard;

import static io.admlops.workers.dashboard.PageLayout.anchor;
import static io.admlops.workers.dashboard.PageLayout.escape;
import static io.admlops.workers.dashboard.PageLayout.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The campaign's iterations as a table, one row each: every stage's status and how long it
 * took (or has taken so far), what it produced, the outcome and links to the mined frames and
 * the candidate's training run.
 */
final class IterationTimeline {

  private final Clock clock;

  /** @param clock tells how long a running iteration has taken so far */
  IterationTimeline(Clock clock) {
    this.clock = clock;
  }

  void render(StringBuilder html, CampaignHistory campaign) {
    html.append("<section id=\"timeline\"><h2>Iterations</h2>\n");
    if (campaign.iterations().isEmpty()) {
      html.append("<p class=\"empty\" id=\"no-iterations\">No iteration has started yet.</p>")
          .append("</section>\n");
      return;
    }
    html.append("<div class=\"card wide\"><table id=\"iterations\">\n<thead><tr>")
        .append("<th>Iteration</th><th>Started, took</th>");
    LoopJournal.STAGES.forEach(s -> html.append("<th>").append(s).append("</th>"));
    html.append("<th>Outcome</th></tr></thead>\n<tbody>\n");
    // Newest first: the running iteration is what people come to look at.
    for (int i = campaign.iterations().size() - 1; i >= 0; i--) {
      row(html, campaign.name(), campaign.iterations().get(i));
    }
    html.append("</tbody></table></div></section>\n");
  }

  private void row(StringBuilder html, String campaign, IterationHistory iteration) {
    html.append("<tr class=\"iteration\" data-iteration=\"").append(iteration.number())
        .append("\"><td><strong>").append(iteration.number()).append("</strong> ")
        .append(status(iteration.status())).append("</td><td>")
        .append(Readable.time(iteration.startedAt())).append("<br><span class=\"muted\">")
        .append(Readable.duration(Duration.between(iteration.startedAt(),
            iteration.finishedAt() != null ? iteration.finishedAt() : clock.instant())
            .toMillis() / 1000.0))
        .append("</span></td>");
    for (String stage : LoopJournal.STAGES) {
      Optional<StageRun> run = iteration.stageRun(stage);
      if (run.isEmpty()) {
        html.append("<td class=\"stage not-reached\" data-stage=\"").append(stage)
            .append("\">").append(Readable.NONE).append("</td>");
      } else {
        stageCell(html, run.get());
      }
    }
    String outcome = iteration.summary() == null ? null
        : iteration.summary().path("outcome").textValue();
    html.append("<td class=\"wrap\">").append(escape(outcome != null ? outcome
            : "at " + iteration.stage()))
        .append("<br>")
        .append(anchor(DashboardRoutes.gallery(campaign, iteration.number()), "mined frames"));
    if (iteration.trainingRun() != null) {
      html.append(" · ").append(anchor(DashboardRoutes.run(iteration.trainingRun()),
          "training run"));
    }
    html.append("</td></tr>\n");
  }

  private static void stageCell(StringBuilder html, StageRun run) {
    String tooltip = run.stage() + ": " + run.status() + ", attempt " + run.attempts()
        + ", from " + Readable.time(run.startedAt()) + " to " + Readable.time(run.finishedAt())
        + (run.detail() == null ? "" : "\n" + run.detail());
    html.append("<td class=\"stage ").append(escape(run.status())).append("\" data-stage=\"")
        .append(run.stage()).append("\" title=\"").append(escape(tooltip)).append("\">")
        .append("<span class=\"took\">").append(Readable.duration(run.seconds()))
        .append("</span>");
    String what = run.detail() == null ? "" : produced(run.stage(), run.detail());
    if (!what.isEmpty()) {
      html.append("<br><span class=\"what\">").append(escape(what)).append("</span>");
    }
    html.append("</td>");
  }

  /** What a stage produced, in a few words. */
  private static String produced(String stage, JsonNode detail) {
    return switch (stage) {
      case "collect" -> count(detail, "frames", "frame");
      case "mine" -> detail.path("chosen").isNumber()
          ? Readable.count(detail.path("chosen").longValue()) + " chosen" : "";
      case "annotate" -> detail.hasNonNull("gaveUp") ? "gave up"
          : count(detail, "frames", "frame") + (detail.path("rework").asInt() > 0
              ? ", " + detail.path("rework").asInt() + " rework" : "");
      case "convert" -> detail.path("datasetVersion").asText("");
      case "train" -> detail.path("candidate").asText("");
      case "evaluate" -> detail.path("map").isNumber()
          ? "mAP " + Readable.score(detail.path("map").doubleValue()) : "";
      case "deploy" -> detail.path("promoted").asBoolean() ? "promoted"
          : detail.hasNonNull("production") ? "kept " + detail.path("production").asText()
          : "";
      default -> "";
    };
  }

  private static String count(JsonNode detail, String field, String unit) {
    return detail.path(field).isNumber() ? Readable.count(detail.path(field).longValue(), unit)
        : "";
  }
}
