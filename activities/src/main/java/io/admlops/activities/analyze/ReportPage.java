package io.admlops.activities.analyze;

import io.admlops.activities.analyze.AnalysisResult.BoxSizes;
import io.admlops.activities.analyze.AnalysisResult.ClassStats;
import io.admlops.activities.analyze.AnalysisResult.Coverage;
import io.admlops.activities.analyze.AnalysisResult.Histogram;
import io.admlops.activities.analyze.AnalysisResult.TargetCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The analysis as one self-contained HTML page: warnings first, then the summary, coverage,
 * classes, box geometry, occlusion and truncation, and scene conditions. Charts are inline
 * SVG and the stylesheet is inline, so the page opens offline and can be mailed as one file.
 */
final class ReportPage {

  /** A chart in a half-width card. */
  private static final int HALF = 540;

  /** A chart across the page. */
  private static final int FULL = 1100;

  private static final String STYLESHEET = stylesheet();

  private final AnalysisResult result;
  private final StringBuilder html = new StringBuilder();

  private ReportPage(AnalysisResult result) {
    this.result = result;
  }

  static String render(AnalysisResult result) {
    return new ReportPage(result).page();
  }

  private String page() {
    String name = result.dataset() == null ? "Dataset analysis"
        : "Dataset analysis: " + result.dataset();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(Markup.escape(name)).append("</title>\n<style>\n")
        .append(STYLESHEET).append("</style>\n</head>\n<body>\n<main>\n<header><h1>")
        .append(Markup.escape(name)).append("</h1><p class=\"lead\">")
        .append(Numbers.grouped(result.frames())).append(" frames, ")
        .append(Numbers.grouped(result.objects())).append(" instances. ")
        .append("<span class=\"key boxes\"></span>blue charts count boxes, ")
        .append("<span class=\"key frames\"></span>teal charts count frames.</p></header>\n");
    warnings();
    summary();
    coverage();
    classes();
    geometry();
    shares();
    scenes();
    html.append("</main>\n</body>\n</html>\n");
    return html.toString();
  }

  private void warnings() {
    List<String> warnings = result.warnings();
    if (warnings.isEmpty()) {
      html.append("<section class=\"notice ok\"><h2>No warnings</h2><p>Every check passed."
          + "</p></section>\n");
      return;
    }
    html.append("<section class=\"notice warn\"><h2>").append(warnings.size())
        .append(warnings.size() == 1 ? " warning" : " warnings").append("</h2><ul>\n");
    warnings.forEach(w -> html.append("<li>").append(Markup.escape(w)).append("</li>\n"));
    html.append("</ul></section>\n");
  }

  private void summary() {
    html.append("<section class=\"tiles\">\n");
    tile("frames", Numbers.grouped(result.frames()));
    tile("instances", Numbers.grouped(result.objects()));
    tile("frames without instances", Numbers.grouped(result.framesWithoutObjects()));
    tile("mean instances per frame", Numbers.decimal(result.meanInstancesPerFrame()));
    tile("classes with instances", Long.toString(result.classes().values().stream()
        .filter(c -> c.objects() > 0).count()));
    tile("DontCare regions", Numbers.grouped(result.dontCareRegions()));
    tile("crowd regions", Numbers.grouped(result.crowdRegions()));
    html.append("</section>\n");
  }

  private void tile(String label, String value) {
    html.append("<div class=\"tile\"><div class=\"tile-value\">").append(value)
        .append("</div><div class=\"tile-label\">").append(Markup.escape(label))
        .append("</div></div>\n");
  }

  private void coverage() {
    html.append("<section><h2>Coverage</h2>\n");
    Coverage coverage = result.coverage();
    if (coverage.isEmpty()) {
      html.append("<p class=\"muted\">").append(result.dataset() == null
          ? "Analyzed without a dataset definition, so no coverage targets were checked."
          : "The dataset definition sets no coverage targets.").append("</p></section>\n");
      return;
    }
    html.append("<div class=\"cards\">\n");
    if (!coverage.instancesPerClass().isEmpty()) {
      html.append("<div class=\"card\"><h3>Instances per class</h3><table>\n<thead><tr>")
          .append("<th>Class</th><th class=\"num\">Actual</th><th class=\"num\">Target</th>")
          .append("<th>Ratio</th><th>Status</th></tr></thead>\n<tbody>\n");
      coverage.instancesPerClass().forEach((name, check) -> targetRow(List.of(name), check));
      html.append("</tbody></table></div>\n");
    }
    if (!coverage.framesPerCondition().isEmpty()) {
      html.append("<div class=\"card\"><h3>Frames per condition</h3><table>\n<thead><tr>")
          .append("<th>Condition</th><th>Value</th><th class=\"num\">Actual</th>")
          .append("<th class=\"num\">Target</th><th>Ratio</th><th>Status</th></tr></thead>\n")
          .append("<tbody>\n");
      coverage.framesPerCondition().forEach((condition, checks) -> checks.forEach(
          (value, check) -> targetRow(List.of(condition, value), check)));
      html.append("</tbody></table></div>\n");
    }
    html.append("</div></section>\n");
  }

  /** A coverage row: its names, the numbers, a meter of the ratio and met or unmet. */
  private void targetRow(List<String> names, TargetCheck check) {
    html.append("<tr class=\"").append(check.met() ? "met" : "unmet").append("\">");
    names.forEach(n -> html.append("<td>").append(Markup.escape(n)).append("</td>"));
    html.append("<td class=\"num\">").append(Numbers.grouped(check.actual()))
        .append("</td><td class=\"num\">").append(Numbers.grouped(check.target()))
        .append("</td><td><span class=\"meter\"><span style=\"width:")
        .append(Math.round(100 * Math.min(1, check.ratio()))).append("%\"></span></span> ")
        .append(Numbers.percent(check.ratio())).append("</td><td><span class=\"badge\">")
        .append(check.met() ? "met" : "unmet").append("</span></td></tr>\n");
  }

  private void classes() {
    html.append("<section><h2>Classes</h2>\n<div class=\"cards\">\n");
    figure("Instances per class", BarChart.render("Instances per class",
        perClass(ClassStats::objects), "instances", Palette.BOXES, HALF), "");
    figure("Instances per frame", ColumnChart.render("Instances per frame",
        result.instancesPerFrame(), "instances in the frame", "frames", Palette.FRAMES, HALF),
        "Mean " + Numbers.decimal(result.meanInstancesPerFrame()) + " instances per frame.");
    html.append("<div class=\"card wide\"><h3>Per class</h3><table>\n<thead><tr>")
        .append("<th>Class</th><th class=\"num\">Instances</th><th class=\"num\">Frames</th>")
        .append("<th class=\"num\">Crowd regions</th><th class=\"num\">Small</th>")
        .append("<th class=\"num\">Medium</th><th class=\"num\">Large</th>")
        .append("<th class=\"num\">Small share</th></tr></thead>\n<tbody>\n");
    result.classes().forEach((name, c) -> {
      BoxSizes s = c.sizes();
      html.append("<tr").append(c.objects() == 0 ? " class=\"unmet\"" : "").append("><td>")
          .append(Markup.escape(name)).append("</td>");
      for (long n : new long[] {c.objects(), c.frames(), c.crowdRegions(), s.small(),
          s.medium(), s.large()}) {
        html.append("<td class=\"num\">").append(Numbers.grouped(n)).append("</td>");
      }
      html.append("<td class=\"num\">").append(s.total() == 0 ? "–"
          : Numbers.percent((double) s.small() / s.total())).append("</td></tr>\n");
    });
    html.append("</tbody></table>\n<p class=\"note\">Small, medium and large are COCO's ")
        .append("area ranges: below 32², below 96², and 96² pixels or more. Crowd regions are ")
        .append("not counted as instances.</p></div>\n</div></section>\n");
  }

  private void geometry() {
    ClassStats all = result.allObjects();
    html.append("<section><h2>Box geometry, all classes</h2>\n<div class=\"cards\">\n");
    histogram("Box widths", all.widths(), "width in pixels");
    histogram("Box heights", all.heights(), "height in pixels");
    histogram("Aspect ratios", all.aspectRatios(), "width / height (log-spaced bins)");
    figure("Box centers", HeatmapChart.render("Box centers", all.centers()),
        "Where box centers fall on the image, on a 10 × 10 grid of normalized coordinates.");
    html.append("</div></section>\n");
  }

  private void histogram(String title, Histogram histogram, String xTitle) {
    figure(title, ColumnChart.render(title, histogram, xTitle, "boxes", Palette.BOXES, HALF),
        "");
  }

  /** Shares per class, each across the page so small shares stay readable. */
  private void shares() {
    html.append("<section><h2>Size, occlusion and truncation per class</h2>\n")
        .append("<div class=\"cards\">\n");
    wideFigure("Box sizes (COCO area ranges)", StackedBarChart.render("Box sizes per class",
        List.of("small", "medium", "large"), Palette.SIZES,
        perClass(c -> List.of(c.sizes().small(), c.sizes().medium(), c.sizes().large())),
        FULL));
    wideFigure("Occlusion (KITTI codes)", StackedBarChart.render("Occlusion per class",
        ClassTally.OCCLUSION_BINS, Palette.OCCLUSION, perClass(c -> c.occlusion().counts()),
        FULL));
    wideFigure("Truncation (fraction of the object outside the image)",
        StackedBarChart.render("Truncation per class", ClassTally.TRUNCATION_BINS,
            Palette.TRUNCATION, perClass(c -> c.truncation().counts()), FULL));
    html.append("</div></section>\n");
  }

  private void scenes() {
    html.append("<section><h2>Scene conditions</h2>\n<div class=\"cards\">\n");
    Map<String, String> titles = Map.of(SceneVocabulary.TIME_OF_DAY, "Time of day",
        SceneVocabulary.WEATHER, "Weather", SceneVocabulary.SCENE_TYPE, "Scene type",
        SceneVocabulary.TAGS, "Tags");
    for (String condition : SceneVocabulary.CONDITIONS) {
      Map<String, Long> counts = result.scenes().condition(condition);
      String title = titles.get(condition);
      if (counts.isEmpty()) {
        html.append("<div class=\"card\"><h3>").append(title)
            .append("</h3><p class=\"muted\">No frame has any.</p></div>\n");
      } else {
        figure(title, BarChart.render(title, counts, "frames", Palette.FRAMES, HALF), "");
      }
    }
    wideFigure("Image sizes", BarChart.render("Image sizes", result.imageSizes(), "frames",
        Palette.FRAMES, FULL));
    html.append("</div></section>\n");
  }

  private <T> Map<String, T> perClass(Function<ClassStats, T> value) {
    Map<String, T> values = new LinkedHashMap<>();
    result.classes().forEach((name, stats) -> values.put(name, value.apply(stats)));
    return values;
  }

  /** A chart in a half-width card, with a note below when it is not empty. */
  private void figure(String caption, String svg, String note) {
    card("card", caption, svg, note);
  }

  /** A chart in a card across the page. */
  private void wideFigure(String caption, String svg) {
    card("card wide", caption, svg, "");
  }

  private void card(String cssClass, String caption, String svg, String note) {
    html.append("<figure class=\"").append(cssClass).append("\"><figcaption>")
        .append(Markup.escape(caption)).append("</figcaption>\n").append(svg).append('\n');
    if (!note.isEmpty()) {
      html.append("<p class=\"note\">").append(Markup.escape(note)).append("</p>");
    }
    html.append("</figure>\n");
  }

  private static String stylesheet() {
    try (InputStream in = ReportPage.class.getResourceAsStream("report.css")) {
      if (in == null) {
        throw new IllegalStateException("report.css is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read report.css", e);
    }
  }
}
