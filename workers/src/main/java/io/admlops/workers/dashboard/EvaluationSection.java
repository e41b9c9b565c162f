package io.admlops.workers.dashboard;

import static io.admlops.workers.dashboard.PageLayout.escape;

import io.admlops.activities.analyze.LineChart;
import io.admlops.activities.analyze.LineChart.Series;
import io.admlops.workers.dashboard.ModelScore.SliceScore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * How the campaign's models scored: overall mAP and mAP per slice across iterations, the
 * candidate against the production model it was compared with, and the newest candidate's AP
 * per class. One point per evaluated iteration.
 */
final class EvaluationSection {

  private static final int FULL = 1100;
  private static final int SMALL = 360;

  private EvaluationSection() {}

  static void render(StringBuilder html, EvaluationTrend trend) {
    html.append("<section id=\"evaluation\"><h2>Model quality</h2>\n");
    List<EvaluatedIteration> evaluated = trend.iterations();
    if (evaluated.isEmpty()) {
      html.append("<p class=\"empty\" id=\"no-evaluations\">No iteration has been evaluated ")
          .append("yet: the curves start when the first candidate is scored.</p></section>\n");
      return;
    }
    EvaluatedIteration first = evaluated.get(0);
    html.append("<p class=\"lead\">Each candidate and the production model it was compared ")
        .append("with, on the ").append(escape(first.split())).append(" split of ")
        .append(escape(first.benchmark()))
        .append(evaluated.stream().anyMatch(e -> !e.benchmark().equals(first.benchmark()))
            ? " and later benchmarks (see the JSON for each iteration's)" : "")
        .append(". COCO mAP over IoU 0.50:0.95.</p>\n");
    List<String> positions = evaluated.stream().map(e -> Integer.toString(e.iteration()))
        .toList();
    html.append("<figure class=\"card wide\" id=\"map-overall\"><figcaption>Overall mAP")
        .append("</figcaption>")
        .append(chart("Overall mAP per iteration", positions, evaluated, ModelScore::map, FULL))
        .append("</figure>\n");
    html.append("<h3>mAP per slice</h3>\n<div class=\"slice-charts\">\n");
    for (String key : trend.sliceKeys()) {
      html.append("<figure class=\"card slice-chart\" data-slice=\"").append(escape(key))
          .append("\"><figcaption>").append(escape(key)).append("</figcaption>")
          .append(chart("mAP of slice " + key + " per iteration", positions, evaluated,
              s -> Optional.ofNullable(s.slices().get(key)).map(SliceScore::map).orElse(null),
              SMALL))
          .append("</figure>\n");
    }
    html.append("</div>\n");
    perClass(html, evaluated.get(evaluated.size() - 1));
    html.append("</section>\n");
  }

  /** The candidate's and the production model's line; a missing score leaves a gap. */
  private static String chart(String title, List<String> positions,
      List<EvaluatedIteration> evaluated, Function<ModelScore, Double> value, int width) {
    List<Double> candidate = evaluated.stream().map(e -> value.apply(e.candidate())).toList();
    List<Double> production = evaluated.stream()
        .map(e -> e.production() == null ? null : value.apply(e.production())).toList();
    return new LineChart(title, positions, "iteration", "mAP", Readable::score).render(
        List.of(new Series("candidate", "candidate", Colors.CANDIDATE, candidate),
            new Series("production", "production", Colors.PRODUCTION, production)), width);
  }

  private static void perClass(StringBuilder html, EvaluatedIteration newest) {
    ModelScore candidate = newest.candidate();
    Map<String, Double> production = newest.production() == null ? Map.of()
        : newest.production().perClassAp();
    TreeSet<String> classes = new TreeSet<>(candidate.perClassAp().keySet());
    classes.addAll(production.keySet());
    html.append("<div class=\"card wide\"><h3>AP per class, iteration ")
        .append(newest.iteration()).append(": ").append(escape(candidate.model()));
    if (newest.production() != null) {
      html.append(" against ").append(escape(newest.production().model()));
    }
    html.append("</h3>\n<table id=\"per-class-ap\">\n<thead><tr><th>Class</th>")
        .append("<th class=\"num\">Candidate AP</th><th></th>")
        .append("<th class=\"num\">Production AP</th><th class=\"num\">Change</th></tr>")
        .append("</thead>\n<tbody>\n");
    for (String name : classes) {
      Double mine = candidate.perClassAp().get(name);
      Double theirs = production.get(name);
      html.append("<tr class=\"class-ap\" data-class=\"").append(escape(name)).append("\"><td>")
          .append(escape(name)).append("</td><td class=\"num\">").append(Readable.score(mine))
          .append("</td><td><span class=\"meter\"><span style=\"width:")
          .append(mine == null ? 0 : Math.round(100 * mine)).append("%\"></span></span></td>")
          .append("<td class=\"num\">").append(Readable.score(theirs)).append("</td>");
      if (mine != null && theirs != null) {
        html.append("<td class=\"num ").append(mine >= theirs ? "up" : "down").append("\">")
            .append(Readable.change(mine - theirs)).append("</td>");
      } else {
        html.append("<td class=\"num\">").append(Readable.NONE).append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</tbody></table></div>\n");
  }
}
