package io.admlops.workers.dashboard;

import static io.admlops.workers.dashboard.PageLayout.escape;

import io.admlops.activities.analyze.LineChart;
import io.admlops.activities.analyze.LineChart.Series;
import io.admlops.activities.analyze.StackedBarChart;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * How the campaign's dataset grew and what it is made of, version by version: frames and
 * objects, the share of frames per time of day and weather, and of objects per class.
 */
final class DatasetSection {

  private static final int FULL = 1100;
  private static final int HALF = 540;

  private DatasetSection() {}

  static void render(StringBuilder html, String dataset, List<VersionComposition> versions) {
    html.append("<section id=\"dataset\"><h2>Dataset ").append(escape(dataset))
        .append("</h2>\n");
    if (versions.isEmpty()) {
      html.append("<p class=\"empty\" id=\"no-versions\">The registry holds no version of ")
          .append("dataset ").append(escape(dataset)).append(" yet.</p></section>\n");
      return;
    }
    List<String> positions = versions.stream().map(v -> "v" + v.version()).toList();
    html.append("<figure class=\"card wide\" id=\"dataset-growth\"><figcaption>Frames and ")
        .append("objects per version</figcaption>")
        .append(new LineChart("Frames and objects per version of " + dataset, positions,
            "version", "count", v -> Readable.count(Math.round(v))).render(List.of(
                new Series("frames", "frames", Colors.FRAMES,
                    versions.stream().map(v -> (double) v.frames()).toList()),
                new Series("objects", "objects", Colors.OBJECTS,
                    versions.stream().map(v -> (double) v.objects()).toList())), FULL))
        .append("</figure>\n<div class=\"cards\">\n");
    composition(html, "composition-timeofday", "Frames per time of day", positions, versions,
        VersionComposition::framesByTimeOfDay);
    composition(html, "composition-weather", "Frames per weather", positions, versions,
        VersionComposition::framesByWeather);
    composition(html, "composition-classes", "Objects per class", positions, versions,
        VersionComposition::objectsByClass);
    html.append("</div>\n");
    table(html, versions);
    html.append("</section>\n");
  }

  /** One bar per version, split into the shares of its counts. */
  private static void composition(StringBuilder html, String id, String caption,
      List<String> positions, List<VersionComposition> versions,
      Function<VersionComposition, Map<String, Integer>> counts) {
    TreeSet<String> named = new TreeSet<>();
    versions.forEach(v -> named.addAll(counts.apply(v).keySet()));
    // What frames do not say goes last, after every named value.
    boolean unknown = named.remove(DatasetGrowth.UNKNOWN);
    List<String> bins = new ArrayList<>(named);
    if (unknown) {
      bins.add(DatasetGrowth.UNKNOWN);
    }
    Map<String, List<Long>> rows = new LinkedHashMap<>();
    for (int i = 0; i < versions.size(); i++) {
      Map<String, Integer> version = counts.apply(versions.get(i));
      rows.put(positions.get(i), bins.stream()
          .map(b -> (long) version.getOrDefault(b, 0)).toList());
    }
    html.append("<figure class=\"card\" id=\"").append(id).append("\"><figcaption>")
        .append(escape(caption)).append("</figcaption>");
    if (bins.isEmpty()) {
      html.append("<p class=\"muted\">Nothing to count.</p>");
    } else {
      html.append(StackedBarChart.render(caption + " per version", bins, Colors.of(bins), rows,
          HALF));
    }
    html.append("</figure>\n");
  }

  private static void table(StringBuilder html, List<VersionComposition> versions) {
    html.append("<div class=\"card wide\"><table id=\"dataset-versions\">\n<thead><tr>")
        .append("<th>Version</th><th>Parent</th><th class=\"num\">Frames</th>")
        .append("<th class=\"num\">Objects</th><th>Registered</th><th>Note</th></tr></thead>")
        .append("\n<tbody>\n");
    for (int i = versions.size() - 1; i >= 0; i--) {
      VersionComposition v = versions.get(i);
      html.append("<tr class=\"dataset-version\" data-version=\"").append(v.version())
          .append("\"><td>v").append(v.version()).append("</td><td>")
          .append(v.parent() == null ? Readable.NONE : "v" + v.parent())
          .append("</td><td class=\"num\">").append(Readable.count(v.frames()))
          .append("</td><td class=\"num\">").append(Readable.count(v.objects()))
          .append("</td><td>").append(Readable.time(v.createdAt())).append("</td><td>")
          .append(escape(v.note() == null ? "" : v.note())).append("</td></tr>\n");
    }
    html.append("</tbody></table></div>\n");
  }
}
