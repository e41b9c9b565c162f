package io.admlops.activities.train;

import io.admlops.activities.analyze.AxisScale;
import io.admlops.activities.train.PlotCanvas.Trace;
import io.admlops.activities.train.PlotStyle.Anchor;
import io.admlops.activities.train.PlotStyle.Line;
import io.admlops.activities.train.PlotStyle.Text;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Where everything of a run's curves plot goes, worked out once: four panels over one epoch
 * axis (the loss with its parts, the learning rate, validation mAP, training throughput), each
 * with its value axis, grid, series and legend. Painting replays the layout on a canvas, so
 * the SVG and the PNG show the same plot.
 */
final class CurvesLayout {

  private static final int WIDTH = 960;

  private static final int LEFT = 76;
  /** Room right of the plots for the legends. */
  private static final int LEGEND_WIDTH = 180;
  private static final int RIGHT = WIDTH - LEGEND_WIDTH;
  private static final int HEADER = 64;
  /** Above each plot, for its caption. */
  private static final int PANEL_TOP = 30;
  private static final int PLOT_HEIGHT = 170;
  /** Below each plot, for the epoch ticks. */
  private static final int PANEL_BOTTOM = 36;
  private static final int FOOTER = 24;
  /** Closer than this, dots on every epoch would merge into the line. */
  private static final double MIN_MARKER_SPACING = 12;

  private static final String TOTAL_COLOR = "#0f172a";
  private static final List<String> PART_COLORS = List.of("#2563eb", "#f97316", "#16a34a",
      "#dc2626", "#9333ea", "#0891b2", "#ca8a04", "#db2777");
  private static final String LEARNING_RATE_COLOR = "#0f766e";
  private static final String MAP_COLOR = "#7c3aed";
  private static final String THROUGHPUT_COLOR = "#ca8a04";

  private final String title;
  private final String subtitle;
  private final AxisScale epochs;
  private final boolean markers;
  private final List<Panel> panels = new ArrayList<>();

  CurvesLayout(TrainingRunCurves run) {
    title = "Training run " + run.id() + ": " + run.runKey();
    subtitle = run.modelName() + " on " + run.datasetVersion() + ", " + run.device() + ", seed "
        + run.seed() + ", " + run.status() + ", " + run.epochs().size()
        + (run.epochs().size() == 1 ? " epoch" : " epochs") + " recorded";
    List<EpochMetrics> recorded = run.epochs();
    epochs = recorded.isEmpty() ? AxisScale.epochs(0, 1) : AxisScale.epochs(
        recorded.get(0).epoch(), recorded.get(recorded.size() - 1).epoch());
    markers = recorded.size() == 1
        || (RIGHT - LEFT) / (epochs.max() - epochs.min()) >= MIN_MARKER_SPACING;

    List<Series> losses = new ArrayList<>();
    losses.add(new Series("total", TOTAL_COLOR, EpochMetrics::loss));
    TreeSet<String> parts = new TreeSet<>();
    recorded.forEach(e -> parts.addAll(e.lossParts().keySet()));
    for (String part : parts) {
      losses.add(new Series(part, PART_COLORS.get((losses.size() - 1) % PART_COLORS.size()),
          e -> e.lossParts().get(part)));
    }
    addPanel("Loss", "no epochs recorded", losses, recorded, false);
    addPanel("Learning rate", "no epochs recorded", List.of(new Series("learning rate",
        LEARNING_RATE_COLOR, EpochMetrics::learningRate)), recorded, true);
    addPanel("Validation mAP", "no validation mAP recorded",
        List.of(new Series("val mAP", MAP_COLOR, EpochMetrics::valMap)), recorded, true);
    addPanel("Throughput", "no throughput recorded", List.of(new Series("images/s",
        THROUGHPUT_COLOR, EpochMetrics::imagesPerSecond)), recorded, true);
  }

  int width() {
    return WIDTH;
  }

  int height() {
    return HEADER + panels.size() * (PANEL_TOP + PLOT_HEIGHT + PANEL_BOTTOM) + FOOTER;
  }

  String title() {
    return title;
  }

  void paint(PlotCanvas canvas) {
    canvas.text(LEFT, 28, title, Text.TITLE, Anchor.START);
    canvas.text(LEFT, 48, subtitle, Text.NOTE, Anchor.START);
    panels.forEach(panel -> paint(canvas, panel));
    canvas.text((LEFT + RIGHT) / 2.0, height() - 10, "epoch", Text.CAPTION, Anchor.MIDDLE);
  }

  private void paint(PlotCanvas canvas, Panel panel) {
    double top = panel.top();
    double bottom = top + PLOT_HEIGHT;
    canvas.text(LEFT, top - 12, panel.caption(), Text.CAPTION, Anchor.START);
    if (panel.traces().isEmpty()) {
      canvas.text((LEFT + RIGHT) / 2.0, top + PLOT_HEIGHT / 2.0, panel.emptyNote(), Text.NOTE,
          Anchor.MIDDLE);
    } else {
      for (double tick : panel.values().ticks()) {
        double y = bottom - PLOT_HEIGHT * panel.values().fraction(tick);
        canvas.rule(LEFT, y, RIGHT, y, Line.GRID);
        canvas.text(LEFT - 8, y + 4, panel.values().label(tick), Text.TICK, Anchor.END);
      }
    }
    for (double tick : epochs.ticks()) {
      double x = x(tick);
      canvas.rule(x, bottom, x, bottom + 5, Line.AXIS);
      canvas.text(x, bottom + 18, epochs.label(tick), Text.TICK, Anchor.MIDDLE);
    }
    canvas.rule(LEFT, top, LEFT, bottom, Line.AXIS);
    canvas.rule(LEFT, bottom, RIGHT, bottom, Line.AXIS);
    double legendY = top + 4;
    for (Trace trace : panel.traces()) {
      canvas.trace(trace);
      canvas.swatch(RIGHT + 20, legendY - 5, 16, 4, trace.color(), trace.name());
      canvas.text(RIGHT + 42, legendY, trace.name(), Text.LEGEND, Anchor.START);
      legendY += 20;
    }
  }

  /**
   * Places a panel below the ones before it. Values that are missing or not finite (a loss
   * that diverged) are left out of their series rather than breaking the axis.
   */
  private void addPanel(String caption, String emptyNote, List<Series> series,
      List<EpochMetrics> recorded, boolean fromZero) {
    double top = HEADER + panels.size() * (PANEL_TOP + PLOT_HEIGHT + PANEL_BOTTOM) + PANEL_TOP;
    Map<Series, SortedMap<Integer, Double>> shown = new LinkedHashMap<>();
    for (Series s : series) {
      SortedMap<Integer, Double> values = new TreeMap<>();
      for (EpochMetrics e : recorded) {
        Double value = s.value().apply(e);
        if (value != null && Double.isFinite(value)) {
          values.put(e.epoch(), value);
        }
      }
      if (!values.isEmpty()) {
        shown.put(s, values);
      }
    }
    if (shown.isEmpty()) {
      panels.add(new Panel(caption, emptyNote, top, null, List.of()));
      return;
    }
    DoubleSummaryStatistics range = shown.values().stream()
        .flatMap(values -> values.values().stream())
        .mapToDouble(Double::doubleValue).summaryStatistics();
    AxisScale axis = AxisScale.values(fromZero ? Math.min(0, range.getMin()) : range.getMin(),
        range.getMax());
    List<Trace> traces = new ArrayList<>();
    shown.forEach((s, values) -> {
      double[] xs = new double[values.size()];
      double[] ys = new double[values.size()];
      String[] notes = new String[values.size()];
      int p = 0;
      for (Map.Entry<Integer, Double> point : values.entrySet()) {
        xs[p] = x(point.getKey());
        ys[p] = top + PLOT_HEIGHT * (1 - axis.fraction(point.getValue()));
        notes[p] = String.format(Locale.ROOT, "%s, epoch %d: %.6g", s.name(), point.getKey(),
            point.getValue());
        p++;
      }
      traces.add(new Trace(s.name(), s.color(), xs, ys, notes, markers));
    });
    panels.add(new Panel(caption, emptyNote, top, axis, traces));
  }

  private double x(double epoch) {
    return LEFT + (RIGHT - LEFT) * epochs.fraction(epoch);
  }

  /** A metric drawn as one line: its name, color and where each epoch keeps it. */
  private record Series(String name, String color, Function<EpochMetrics, Double> value) {}

  /** One plot of the stack, placed; values is null when nothing in it was recorded. */
  private record Panel(String caption, String emptyNote, double top, AxisScale values,
      List<Trace> traces) {}
}
