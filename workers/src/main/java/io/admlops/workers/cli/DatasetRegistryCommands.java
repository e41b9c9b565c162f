package io.admlops.workers.cli;

import io.admlops.activities.datasets.DatasetRegistry;
import io.admlops.activities.datasets.DatasetSummary;
import io.admlops.activities.datasets.DatasetVersionInfo;
import io.admlops.activities.datasets.FrameSource;
import io.admlops.activities.datasets.VersionDetail;
import io.admlops.activities.datasets.VersionDiff;
import io.admlops.activities.formats.DatasetFormat;
import io.admlops.activities.formats.DatasetWriter;
import io.admlops.activities.formats.ReadContext;
import io.admlops.activities.formats.StagedDirectory;
import io.admlops.activities.formats.Taxonomy;
import io.admlops.schemas.UserInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The registry side of {@code admlops dataset}: immutable, versioned datasets in PostgreSQL
 * with their images and manifests under {@code $DATASET}.
 */
final class DatasetRegistryCommands {

  private DatasetRegistryCommands() {}

  /** Opens the registry, runs the command's work, closes what it started. */
  abstract static class RegistryCommand implements Callable<Integer> {
    @Mixin DatabaseOptions database;
    @Mixin DatasetStoreOption store;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      try (RegistrySession session = RegistrySession.open(database.url, store.path)) {
        return run(session.registry(), spec.commandLine().getOut());
      }
    }

    abstract int run(DatasetRegistry registry, PrintWriter out) throws IOException;
  }

  @Command(name = "import", mixinStandardHelpOptions = true,
      description = {
          "Imports a dataset in any format admlops reads as a new immutable version. With",
          "--parent N the version holds version N's samples plus these; importing the same",
          "content again returns the existing version."})
  static class Import extends RegistryCommand {
    @Option(names = "--name", required = true, paramLabel = "DATASET") String name;
    @Mixin DatasetSourceOptions dataset;
    @Option(names = "--parent", paramLabel = "N", description = "The version this one extends.")
    Integer parent;
    @Option(names = "--note", paramLabel = "TEXT") String note;
    @Option(names = "--drop-invalid",
        description = "Import the valid records and list the invalid ones.")
    boolean dropInvalid;

    @Override
    int run(DatasetRegistry registry, PrintWriter out) throws IOException {
      ReadContext context = dataset.readContext();
      DatasetVersionInfo v;
      try {
        v = registry.importVersion(name, dataset.definition(), FrameSource.read(
            dataset.format().reader(), dataset.source(), context, dropInvalid), parent, note);
      } catch (UserInputException e) {
        DatasetCommand.printProblems(spec.commandLine().getErr(), context.problems());
        throw e;
      }
      DatasetCommand.printProblems(out, context.problems());
      printVersion(out, v);
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Lists the registry's datasets with their newest version.")
  static class ListDatasets extends RegistryCommand {
    @Override
    int run(DatasetRegistry registry, PrintWriter out) {
      var all = registry.list();
      if (all.isEmpty()) {
        out.println("no datasets; 'admlops dataset import' adds one");
      }
      for (DatasetSummary d : all) {
        DatasetVersionInfo latest = d.latest();
        out.printf("%-24s %-14s %3d versions  %s%n", d.name(), d.task(), d.versions(),
            latest == null ? "" : "v" + latest.version() + ": " + latest.frames() + " frames, "
                + latest.objects() + " objects");
      }
      return 0;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Shows a dataset version: counts, splits, objects per class, lineage.")
  static class Show extends RegistryCommand {
    @Parameters(index = "0", paramLabel = "DATASET") String name;
    @Parameters(index = "1", paramLabel = "VERSION") int version;

    @Override
    int run(DatasetRegistry registry, PrintWriter out) throws IOException {
      VersionDetail detail = registry.show(name, version);
      printVersion(out, detail.info());
      detail.objectsPerClass().forEach((c, n) -> out.printf("  %-22s %8d%n", c, n));
      return 0;
    }
  }

  @Command(name = "diff", mixinStandardHelpOptions = true,
      description = "What a version added over its parent: samples and per-class objects.")
  static class Diff extends RegistryCommand {
    @Parameters(index = "0", paramLabel = "DATASET") String name;
    @Parameters(index = "1", paramLabel = "VERSION") int version;

    @Override
    int run(DatasetRegistry registry, PrintWriter out) throws IOException {
      VersionDiff d = registry.diff(name, version);
      out.printf("%s v%d over %s: %d samples added, %d relabeled%n", d.dataset(), d.version(),
          d.parentVersion() == null ? "nothing" : "v" + d.parentVersion(), d.samplesAdded(),
          d.samplesRelabeled());
      if (!d.addedFrameIds().isEmpty()) {
        out.printf("  added frames: %s%s%n", String.join(", ", d.addedFrameIds()),
            d.samplesAdded() > d.addedFrameIds().size() ? ", ..." : "");
      }
      for (VersionDiff.ClassDelta c : d.classes()) {
        out.printf("  %-22s %8d -> %8d  (%+d)%n", c.category(), c.before(), c.after(),
            c.change());
      }
      return 0;
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Writes a registered version in any format admlops writes.")
  static class Export extends RegistryCommand {
    @Parameters(index = "0", paramLabel = "DATASET") String name;
    @Parameters(index = "1", paramLabel = "VERSION") int version;
    @Option(names = "--to", required = true, paramLabel = "FORMAT",
        completionCandidates = DatasetFormatNames.class,
        description = "Format to write: ${COMPLETION-CANDIDATES}.")
    String format;
    @Option(names = "--out", required = true, paramLabel = "DIR") Path out;

    @Override
    int run(DatasetRegistry registry, PrintWriter stdout) throws IOException {
      Taxonomy taxonomy = registry.definition(name).map(Taxonomy::of).orElse(Taxonomy.SOURCE);
      DatasetVersionInfo v;
      try (StagedDirectory staged = StagedDirectory.begin(out);
           DatasetWriter writer =
               DatasetFormat.named(format).openWriter(staged.path(), taxonomy)) {
        v = registry.exportVersion(name, version, writer::write);
        writer.finish();
        staged.commit();
      }
      stdout.printf("wrote %s v%d (%d frames) as %s to %s%n", name, v.version(), v.frames(),
          format, out);
      return 0;
    }
  }

  static void printVersion(PrintWriter out, DatasetVersionInfo v) {
    out.printf("%s v%d%s: %d frames, %d objects; train %d / val %d / test %d%n", v.dataset(),
        v.version(), v.parentVersion() == null ? "" : " (parent v" + v.parentVersion() + ")",
        v.frames(), v.objects(), v.splits().train(), v.splits().val(), v.splits().test());
    out.printf("  content sha256 %s, manifest %s%s%n", v.contentHash(), v.manifestUri(),
        v.note() == null ? "" : ", note: " + v.note());
  }
}
