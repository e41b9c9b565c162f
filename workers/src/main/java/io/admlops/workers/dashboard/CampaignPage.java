package io.admlops.workers.dashboard;

import static io.admlops.workers.dashboard.PageLayout.anchor;
import static io.admlops.workers.dashboard.PageLayout.escape;
import static io.admlops.workers.dashboard.PageLayout.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.List;

/**
 * One campaign: its settings, the iteration timeline, model quality across iterations, the
 * dataset's growth and the labeling batches, with links to each iteration's mined frames and
 * training run and to the same data as JSON.
 */
final class CampaignPage {

  private final IterationTimeline timeline;

  /** @param clock tells how long running iterations and stages have taken so far */
  CampaignPage(Clock clock) {
    timeline = new IterationTimeline(clock);
  }

  String render(CampaignHistory campaign, EvaluationTrend trend,
      List<VersionComposition> versions, List<AnnotationBatchRow> batches) {
    StringBuilder html = new StringBuilder();
    JsonNode config = campaign.config();
    html.append("<p class=\"lead\" id=\"campaign\" data-campaign=\"")
        .append(escape(campaign.name())).append("\">").append(status(campaign.status()))
        .append(" Grows dataset <strong>").append(escape(campaign.dataset()))
        .append("</strong> with model config ")
        .append(escape(config.path("modelConfig").asText(Readable.NONE)))
        .append(", mining strategy ")
        .append(escape(config.path("mining").path("strategy").asText("mined")))
        .append(", cadence ").append(escape(config.path("cadence").asText("P7D")))
        .append(". Started ").append(Readable.time(campaign.createdAt()))
        .append(", last changed ").append(Readable.time(campaign.updatedAt()))
        .append(". Workflow <code>").append(escape(campaign.workflowId()))
        .append("</code>.</p>\n");
    tiles(html, campaign, trend);
    timeline.render(html, campaign);
    EvaluationSection.render(html, trend);
    DatasetSection.render(html, campaign.dataset(), versions);
    BatchTable.render(html, batches);
    String page = DashboardRoutes.campaign(campaign.name());
    html.append("<p class=\"note\" id=\"json-links\">As JSON: ");
    for (String part : List.of("", "/evaluations", "/datasets", "/batches")) {
      String href = DashboardRoutes.api(page) + part;
      html.append(anchor(href, href)).append(' ');
    }
    html.append("</p>\n");
    return PageLayout.page("Campaign " + campaign.name(),
        List.of(new PageLayout.Link("Campaigns", DashboardRoutes.CAMPAIGNS)), html.toString());
  }

  private static void tiles(StringBuilder html, CampaignHistory campaign,
      EvaluationTrend trend) {
    long labeled = campaign.iterations().stream().map(IterationHistory::summary)
        .filter(s -> s != null && s.path("labeled").isNumber())
        .mapToLong(s -> s.path("labeled").asLong()).sum();
    List<EvaluatedIteration> evaluated = trend.iterations();
    CampaignOverview overview = CampaignOverview.of(campaign);
    html.append("<section class=\"tiles\">\n");
    tile(html, "iterations", Integer.toString(campaign.iterations().size()));
    tile(html, "frames labeled", Readable.count(labeled));
    tile(html, "newest candidate mAP", evaluated.isEmpty() ? Readable.NONE
        : Readable.score(evaluated.get(evaluated.size() - 1).candidate().map()));
    tile(html, "production model",
        overview.production() == null ? Readable.NONE : overview.production());
    html.append("</section>\n");
  }

  private static void tile(StringBuilder html, String label, String value) {
    html.append("<div class=\"tile\"><div class=\"tile-value\">").append(escape(value))
        .append("</div><div class=\"tile-label\">").append(escape(label))
        .append("</div></div>\n");
  }
}
