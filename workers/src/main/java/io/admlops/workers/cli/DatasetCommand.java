package io.admlops.workers.cli;

import io.admlops.activities.analyze.AnalysisReport;
import io.admlops.activities.analyze.AnalysisResult;
import io.admlops.activities.analyze.DatasetAnalysis;
import io.admlops.activities.formats.DatasetConversion;
import io.admlops.activities.formats.DatasetDefinition;
import io.admlops.activities.formats.DatasetFormat;
import io.admlops.activities.formats.Problem;
import io.admlops.activities.formats.ProblemLog;
import io.admlops.activities.formats.ReadContext;
import io.admlops.activities.formats.StagedDirectory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code admlops dataset ...}: convert and validate dataset files directly, without the
 * database; the registry commands are in {@link DatasetRegistryCommands}.
 */
@Command(name = "dataset", mixinStandardHelpOptions = true,
    description = {
        "Datasets: convert and validate files on disk (no database needed); import, list,",
        "show, diff and export versions in the registry."},
    subcommands = {
        DatasetCommand.Convert.class,
        DatasetCommand.Validate.class,
        DatasetCommand.Analyze.class,
        DatasetRegistryCommands.Import.class,
        DatasetRegistryCommands.ListDatasets.class,
        DatasetRegistryCommands.Show.class,
        DatasetRegistryCommands.Diff.class,
        DatasetRegistryCommands.Export.class})
class DatasetCommand {

  static void printProblems(PrintWriter out, ProblemLog problems) {
    for (Problem p : problems.problems()) {
      out.println(p);
    }
  }

  @Command(name = "convert", mixinStandardHelpOptions = true,
      description = {
          "Converts a dataset from one format to another.",
          "The output folder appears only when the conversion succeeded. A dataset with",
          "errors is refused unless --drop-invalid, which leaves the invalid records out",
          "and lists them in problems.txt in the output."})
  static class Convert implements Callable<Integer> {
    @Option(names = "--from", required = true, paramLabel = "FORMAT",
        completionCandidates = DatasetFormatNames.class,
        description = "Format of the source: ${COMPLETION-CANDIDATES}.")
    String from;
    @Option(names = "--to", required = true, paramLabel = "FORMAT",
        completionCandidates = DatasetFormatNames.class,
        description = "Format to write: ${COMPLETION-CANDIDATES}.")
    String to;
    @Option(names = "--src", required = true, paramLabel = "PATH",
        description = "The dataset: its folder, or its annotation file (COCO).")
    Path source;
    @Option(names = "--out", required = true, paramLabel = "DIR",
        description = "A new folder to write into.")
    Path out;
    @Option(names = "--classes", paramLabel = "FILE",
        description = "Dataset definition (configs/datasets/*.yaml) whose classes and map "
            + "rename the source's classes.")
    Path classes;
    @Option(names = "--drop-invalid",
        description = "Write the valid records and report the invalid ones.")
    boolean dropInvalid;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      DatasetFormat source = DatasetFormat.named(from);
      DatasetFormat target = DatasetFormat.named(to);
      DatasetConversion.Outcome outcome;
      try {
        outcome = DatasetConversion.convert(source, this.source, target, out,
            DatasetSourceOptions.taxonomy(
                classes == null ? null : DatasetDefinition.load(classes)), dropInvalid);
      } catch (DatasetConversion.DatasetRejected e) {
        printProblems(spec.commandLine().getErr(), e.problems());
        throw e;
      }
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.printf("wrote %d frames (%d objects) as %s to %s%n", outcome.frames(),
          outcome.objects(), target.cliName(), out);
      if (!outcome.problems().problems().isEmpty()) {
        stdout.printf("%s; see %s%n", outcome.problems().summary(),
            out.resolve(DatasetConversion.REPORT));
      }
      return 0;
    }
  }

  @Command(name = "analyze", mixinStandardHelpOptions = true,
      description = {
          "Writes what to check before training into a new folder: analysis.json for",
          "machines, report.html (self-contained, opens offline) for people. With --classes,",
          "coverage against the definition's targets. Invalid records are left out and",
          "counted in the summary line."})
  static class Analyze implements Callable<Integer> {
    @Mixin DatasetSourceOptions dataset;
    @Option(names = "--out", required = true, paramLabel = "DIR") Path out;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      // Refused before the read, which may take minutes on a large dataset.
      StagedDirectory.refuseExisting(out);
      ReadContext context = dataset.readContext();
      DatasetAnalysis analysis = new DatasetAnalysis();
      dataset.format().reader().read(dataset.source(), context, analysis);
      AnalysisResult result = analysis.result(dataset.definition());
      AnalysisReport.write(result, out);
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.printf("analyzed %d frames, %d objects; %d warnings; %s and %s in %s%n",
          result.frames(), result.objects(), result.warnings().size(), AnalysisReport.JSON,
          AnalysisReport.HTML, out);
      if (!context.problems().problems().isEmpty()) {
        stdout.printf("%s in the source (left out); 'admlops dataset validate' lists them%n",
            context.problems().summary());
      }
      return 0;
    }
  }

  @Command(name = "validate", mixinStandardHelpOptions = true,
      description = {
          "Reads a whole dataset and lists every problem with its",
          "location (file:line or file#/json/pointer). Exit status 1 when there are errors."})
  static class Validate implements Callable<Integer> {
    @Mixin DatasetSourceOptions dataset;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      DatasetConversion.Outcome outcome = DatasetConversion.validate(dataset.format(),
          dataset.source(), dataset.readContext().taxonomy());
      PrintWriter out = spec.commandLine().getOut();
      printProblems(out, outcome.problems());
      out.printf("%s: %d valid frames, %d objects; %s%n", dataset.source(), outcome.frames(),
          outcome.objects(), outcome.problems().summary());
      return outcome.problems().hasErrors() ? 1 : 0;
    }
  }
}
