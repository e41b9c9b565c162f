package io.admlops.workers.dashboard;

import static io.admlops.workers.dashboard.PageLayout.escape;

import io.admlops.activities.train.EpochMetrics;
import io.admlops.activities.train.TrainingRunCurves;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * A training run: what was trained on what, its curves (the loss and its parts, learning
 * rate, validation mAP, images per second, as {@code admlops run show} plots them) and its
 * epochs as a table.
 */
final class TrainingRunPage {

  private TrainingRunPage() {}

  static String render(TrainingRunCurves run) {
    StringBuilder html = new StringBuilder();
    html.append("<section class=\"card wide\" id=\"run\" data-run=\"").append(run.id())
        .append("\"><dl class=\"facts\">");
    fact(html, "run key", run.runKey());
    fact(html, "model", run.modelName());
    fact(html, "dataset version", run.datasetVersion());
    fact(html, "device", run.device());
    fact(html, "seed", Long.toString(run.seed()));
    html.append("<dt>status</dt><dd>").append(PageLayout.status(run.status())).append("</dd>");
    fact(html, "started", Readable.time(run.startedAt()));
    fact(html, "finished", Readable.time(run.finishedAt()));
    html.append("</dl></section>\n<section><h2>Curves</h2>")
        .append("<img class=\"curves\" id=\"training-curves\" src=\"")
        .append(DashboardRoutes.runCurves(run.id()))
        .append("\" alt=\"loss, learning rate, validation mAP and images per second per ")
        .append("epoch\"></section>\n");
    epochs(html, run.epochs());
    String api = DashboardRoutes.api(DashboardRoutes.run(run.id()));
    html.append("<p class=\"note\">As JSON: ").append(PageLayout.anchor(api, api))
        .append("</p>\n");
    return PageLayout.page("Training run " + run.id(),
        List.of(new PageLayout.Link("Campaigns", DashboardRoutes.CAMPAIGNS)), html.toString());
  }

  private static void fact(StringBuilder html, String name, String value) {
    html.append("<dt>").append(escape(name)).append("</dt><dd>")
        .append(escape(value == null ? Readable.NONE : value)).append("</dd>");
  }

  private static void epochs(StringBuilder html, List<EpochMetrics> epochs) {
    html.append("<section><h2>Epochs</h2>\n");
    if (epochs.isEmpty()) {
      html.append("<p class=\"empty\" id=\"no-epochs\">No epoch has been recorded yet.</p>")
          .append("</section>\n");
      return;
    }
    TreeSet<String> parts = new TreeSet<>();
    epochs.forEach(e -> parts.addAll(e.lossParts().keySet()));
    html.append("<div class=\"card wide\"><table id=\"epochs\">\n<thead><tr>")
        .append("<th class=\"num\">Epoch</th><th class=\"num\">Step</th>")
        .append("<th class=\"num\">Loss</th>");
    parts.forEach(p -> html.append("<th class=\"num\">").append(escape(p)).append("</th>"));
    html.append("<th class=\"num\">Learning rate</th><th class=\"num\">Images/s</th>")
        .append("<th class=\"num\">Val mAP</th></tr></thead>\n<tbody>\n");
    for (EpochMetrics e : epochs) {
      html.append("<tr class=\"epoch\" data-epoch=\"").append(e.epoch()).append("\">")
          .append("<td class=\"num\">").append(e.epoch()).append("</td><td class=\"num\">")
          .append(Readable.count(e.step())).append("</td>").append(number("%.4f", e.loss()));
      parts.forEach(p -> html.append(number("%.4f", e.lossParts().get(p))));
      html.append(number("%.2e", e.learningRate())).append(number("%.1f", e.imagesPerSecond()))
          .append("<td class=\"num\">").append(Readable.score(e.valMap())).append("</td></tr>\n");
    }
    html.append("</tbody></table></div></section>\n");
  }

  private static String number(String format, Double value) {
    return "<td class=\"num\">" + (value == null ? Readable.NONE
        : String.format(Locale.ROOT, format, value)) + "</td>";
  }
}
