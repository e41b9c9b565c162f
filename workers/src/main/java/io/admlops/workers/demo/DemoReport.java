package io.admlops.workers.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.admlops.activities.export.AtomicFile;
import io.admlops.schemas.json.Mappers;
import io.admlops.workflows.loop.IterationSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The demo's account of a campaign, one row per iteration: what was collected, mined and
 * labeled, the dataset version trained on, the candidate's mAP overall and on the slices
 * the demo follows, and whether it was promoted; also as JSON for {@code --summary}.
 */
public final class DemoReport {

  private final String strategy;
  /** Slice keys shown as columns, e.g. {@code timeofday=night}, in order. */
  private final List<String> slices;

  public DemoReport(String strategy, List<String> slices) {
    this.strategy = strategy;
    this.slices = List.copyOf(slices);
  }

  /** The table's header line. */
  public void printHeader(PrintWriter out) {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
        "%-4s %9s %6s %7s %-10s %7s", "iter", "collected", "mined", "labeled", "dataset",
        "mAP"));
    for (String slice : slices) {
      line.append(String.format(Locale.ROOT, " %9s", shortName(slice)));
    }
    out.println(line.append("  promoted"));
    out.flush();
  }

  /** One iteration's row. */
  public void printRow(PrintWriter out, IterationSummary summary) {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
        "%-4d %9d %6d %7d %-10s %7s", summary.iteration(), summary.collected(),
        summary.mined(), summary.labeled(),
        summary.datasetVersion() == null ? "-" : summary.datasetVersion(),
        number(summary.map())));
    for (String slice : slices) {
      line.append(String.format(Locale.ROOT, " %9s", number(summary.sliceMaps().get(slice))));
    }
    line.append("  ").append(summary.promoted() ? "yes" : "no");
    out.println(line);
    out.println("     " + summary.outcome());
    // Why the gate decided as it did: which slice fell short, by how much.
    summary.reasons().forEach(reason -> out.println("       " + reason));
    out.flush();
  }

  /**
   * Writes {@code {"strategy": .., "iterations": [{"iteration": 1, "datasetVersion": ..,
   * "labeled": .., "map": .., "slices": {"night": .., ..}, "promoted": ..}, ..]}}; slices are
   * named by their value ({@code timeofday=night} is {@code night}).
   */
  public void writeJson(List<IterationSummary> history, Path file) throws IOException {
    ObjectNode root = Mappers.json().createObjectNode();
    root.put("strategy", strategy);
    ArrayNode rows = root.putArray("iterations");
    for (IterationSummary summary : history) {
      ObjectNode row = rows.addObject();
      row.put("iteration", summary.iteration());
      row.put("collected", summary.collected());
      row.put("mined", summary.mined());
      row.put("labeled", summary.labeled());
      row.put("datasetVersion", summary.datasetVersion());
      row.put("model", summary.candidate());
      putNumber(row, "map", summary.map());
      ObjectNode sliceMaps = row.putObject("slices");
      attributeSlices(summary).forEach((name, map) -> putNumber(sliceMaps, name, map));
      row.put("promoted", summary.promoted());
      row.put("production", summary.production());
      row.put("outcome", summary.outcome());
      summary.reasons().forEach(row.putArray("reasons")::add);
    }
    AtomicFile.write(file, Mappers.json().writerWithDefaultPrettyPrinter()
        .writeValueAsBytes(root));
  }

  /** The time-of-day and weather slices by their value, the way people name conditions. */
  private static Map<String, Double> attributeSlices(IterationSummary summary) {
    Map<String, Double> named = new LinkedHashMap<>();
    summary.sliceMaps().forEach((key, map) -> {
      if (key.startsWith("timeofday=") || key.startsWith("weather=")) {
        named.put(shortName(key), map);
      }
    });
    return named;
  }

  private static String shortName(String sliceKey) {
    return sliceKey.substring(sliceKey.indexOf('=') + 1);
  }

  private static void putNumber(ObjectNode node, String field, Double value) {
    if (value == null) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }

  private static String number(Double value) {
    return value == null ? "-" : String.format(Locale.ROOT, "%.4f", value);
  }
}
