package io.admlops.workers.dashboard;

import static io.admlops.workers.dashboard.PageLayout.anchor;
import static io.admlops.workers.dashboard.PageLayout.escape;
import static io.admlops.workers.dashboard.PageLayout.status;

import java.util.List;

/** The dashboard's front page: every campaign, where it is and how its models do. */
final class CampaignListPage {

  private CampaignListPage() {}

  static String render(List<CampaignOverview> campaigns) {
    StringBuilder html = new StringBuilder();
    if (campaigns.isEmpty()) {
      html.append("<section class=\"empty\" id=\"no-campaigns\"><p>No campaigns yet. Start ")
          .append("one with <code>admlops campaign start --config FILE</code> (see ")
          .append("docs/campaigns.md), or run the whole loop once with ")
          .append("<code>admlops demo</code>.</p></section>\n");
    } else {
      html.append("<section><table id=\"campaigns\">\n<thead><tr><th>Campaign</th>")
          .append("<th>Status</th><th>Dataset</th><th class=\"num\">Iterations</th>")
          .append("<th>Newest iteration</th><th class=\"num\">Newest mAP</th>")
          .append("<th>Production</th><th>Updated</th></tr></thead>\n<tbody>\n");
      campaigns.forEach(c -> row(html, c));
      html.append("</tbody></table></section>\n");
    }
    html.append("<p class=\"note\">As JSON: ")
        .append(anchor(DashboardRoutes.API_CAMPAIGNS, DashboardRoutes.API_CAMPAIGNS))
        .append("</p>\n");
    return PageLayout.page("Campaigns", List.of(), html.toString());
  }

  private static void row(StringBuilder html, CampaignOverview c) {
    html.append("<tr class=\"campaign\" data-campaign=\"").append(escape(c.name()))
        .append("\"><td>").append(anchor(DashboardRoutes.campaign(c.name()), c.name()))
        .append("</td><td>").append(status(c.status())).append("</td><td>")
        .append(escape(c.dataset() == null ? Readable.NONE : c.dataset()))
        .append("</td><td class=\"num\">").append(c.iterations()).append("</td><td>");
    if (c.latestIteration() == null) {
      html.append("none yet");
    } else {
      html.append(c.latestIteration()).append(": ").append(escape(c.latestStage())).append(' ')
          .append(status(c.latestStatus()));
    }
    html.append("</td><td class=\"num\">").append(Readable.score(c.latestMap()))
        .append("</td><td>").append(escape(c.production() == null ? Readable.NONE
            : c.production()))
        .append("</td><td>").append(Readable.time(c.updatedAt())).append("</td></tr>\n");
  }
}
