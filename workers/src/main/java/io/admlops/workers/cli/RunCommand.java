package io.admlops.workers.cli;

import io.admlops.activities.train.EpochMetrics;
import io.admlops.activities.train.TrainingCurvesPlot;
import io.admlops.activities.train.TrainingRunCurves;
import io.admlops.activities.train.TrainingRunLog;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.json.Mappers;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code admlops run ...}: training runs recorded in the registry, with their curves. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Training runs recorded in the registry.",
    subcommands = {RunCommand.Show.class})
class RunCommand {

  /** Shown for a metric an epoch did not record. */
  private static final String MISSING = "-";

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = {
          "Shows a training run: what it trained on, and per epoch its step, loss and loss",
          "parts, learning rate, images per second, validation mAP and checkpoint.",
          "Also writes the curves as a plot: to --plot, else to run-ID.svg in the current",
          "folder. With --json the plot is written only when --plot names a file."})
  static class Show implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID", description = "The run's id, or its run key.")
    String run;
    @Option(names = "--plot", paramLabel = "FILE",
        description = "Where to write the plot: a .svg or a .png file.")
    Path plot;
    @Option(names = "--no-plot", description = "Write no plot.")
    boolean noPlot;
    @Option(names = "--json", description = "The run and its epochs as one JSON object.")
    boolean json;
    @Mixin DatabaseOptions database;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      if (plot != null && noPlot) {
        throw new UserInputException("--plot and --no-plot cannot be given together");
      }
      if (plot != null) {
        // Refused before the database starts, which can take seconds when embedded.
        TrainingCurvesPlot.Format.of(plot);
      }
      TrainingRunCurves curves;
      try (RegistrySession session = RegistrySession.open(database.url, null)) {
        curves = new TrainingRunLog(session.database().dsl()).find(run)
            .orElseThrow(() -> new UserInputException("no training run '" + run + "'"));
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(Mappers.json().writeValueAsString(curves));
      } else {
        printRun(out, curves);
      }
      Path target = plot != null ? plot
          : noPlot || json ? null : Path.of("run-" + curves.id() + ".svg");
      if (target != null) {
        try {
          new TrainingCurvesPlot(curves).write(target);
        } catch (NoSuchFileException e) {
          throw new UserInputException(
              "cannot write the plot to " + target + ": its folder does not exist", e);
        }
        if (!json) {
          out.println("plot: " + target);
        }
      }
      return 0;
    }
  }

  private static void printRun(PrintWriter out, TrainingRunCurves run) {
    out.printf("run %d %s: %s on %s%n", run.id(), run.runKey(), run.modelName(),
        run.datasetVersion());
    out.printf("%s on %s, seed %d, started %s%s%n", run.status(), run.device(), run.seed(),
        run.startedAt(), run.finishedAt() == null ? "" : ", finished " + run.finishedAt());
    if (run.epochs().isEmpty()) {
      out.println("no epochs recorded yet");
      return;
    }
    TreeSet<String> parts = new TreeSet<>();
    run.epochs().forEach(e -> parts.addAll(e.lossParts().keySet()));
    List<String> header = new ArrayList<>(List.of("epoch", "step", "loss"));
    header.addAll(parts);
    header.addAll(List.of("lr", "images/s", "val mAP"));
    List<List<String>> rows = new ArrayList<>();
    for (EpochMetrics e : run.epochs()) {
      List<String> row = new ArrayList<>(List.of(Integer.toString(e.epoch()),
          Long.toString(e.step()), decimal(e.loss())));
      parts.forEach(part -> row.add(decimal(e.lossParts().get(part))));
      row.add(String.format(Locale.ROOT, "%.2e", e.learningRate()));
      row.add(e.imagesPerSecond() == null ? MISSING
          : String.format(Locale.ROOT, "%.1f", e.imagesPerSecond()));
      row.add(decimal(e.valMap()));
      rows.add(row);
    }
    int[] widths = new int[header.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = header.get(c).length();
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    out.println(line(header, widths) + "  checkpoint");
    for (int r = 0; r < rows.size(); r++) {
      String checkpoint = run.epochs().get(r).checkpointUri();
      out.println(line(rows.get(r), widths) + "  " + (checkpoint == null ? MISSING : checkpoint));
    }
  }

  /** Numbers right-aligned under their headers, two spaces apart. */
  private static String line(List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      line.append(c == 0 ? "" : "  ").append(" ".repeat(widths[c] - cells.get(c).length()))
          .append(cells.get(c));
    }
    return line.toString();
  }

  private static String decimal(Double value) {
    return value == null ? MISSING : String.format(Locale.ROOT, "%.4f", value);
  }
}
