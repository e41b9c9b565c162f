package io.admlops.workers.cli;

import io.admlops.activities.modelzoo.ModelCatalog;
import io.admlops.activities.modelzoo.ModelLineage;
import io.admlops.activities.modelzoo.ModelLineage.AliasMove;
import io.admlops.activities.modelzoo.ModelLineage.DataVersion;
import io.admlops.activities.modelzoo.ModelLineage.Evaluation;
import io.admlops.activities.modelzoo.ModelLineage.Slice;
import io.admlops.activities.modelzoo.ModelLineages;
import io.admlops.activities.modelzoo.ModelVersions;
import io.admlops.schemas.json.Mappers;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jooq.DSLContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The read side of {@code admlops model}: the registered versions, everything about one, and
 * the chain of data, run and evaluations behind it.
 */
final class ModelRegistryCommands {

  private static final String NONE = "-";

  private ModelRegistryCommands() {}

  /** Opens the registry, prints, closes what it started. */
  abstract static class RegistryRead implements Callable<Integer> {
    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;
    @Mixin DatabaseOptions database;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      Object result;
      try (RegistrySession session = RegistrySession.open(database.url, null)) {
        result = read(session.database().dsl());
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(Mappers.json().writeValueAsString(result));
      } else {
        print(result, out);
      }
      return 0;
    }

    abstract Object read(DSLContext dsl);

    abstract void print(Object result, PrintWriter out);
  }

  /** Reads one version's lineage; the reference is resolved as every model command does. */
  abstract static class OneVersion extends RegistryRead {
    @Parameters(index = "0", paramLabel = "MODEL[:VERSION|@ALIAS]",
        description = "E.g. centernet-tiny:2, centernet-tiny@production, or a model name for "
            + "its newest version.")
    String reference;

    @Override
    Object read(DSLContext dsl) {
      return new ModelLineages(dsl).of(new ModelVersions(dsl).resolve(reference));
    }

    @Override
    void print(Object result, PrintWriter out) {
      print((ModelLineage) result, out);
    }

    abstract void print(ModelLineage lineage, PrintWriter out);
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Lists every registered model version with its aliases, the dataset "
          + "version it was trained on and the mAP of its newest evaluation.")
  static class ListVersions extends RegistryRead {
    @Override
    Object read(DSLContext dsl) {
      return new ModelCatalog(dsl).list();
    }

    @Override
    void print(Object result, PrintWriter out) {
      @SuppressWarnings("unchecked")
      List<ModelCatalog.Listing> listings = (List<ModelCatalog.Listing>) result;
      if (listings.isEmpty()) {
        out.println("no model version is registered yet");
        return;
      }
      TextTable table = new TextTable("version", "aliases", "trained on", "mAP",
          "evaluated on", "registered");
      for (ModelCatalog.Listing l : listings) {
        table.row(l.version(), l.aliases().isEmpty() ? NONE : String.join(",", l.aliases()),
            l.trainedOn(), decimal(l.map()), l.evaluatedOn() == null ? NONE : l.evaluatedOn(),
            l.registeredAt().toString());
      }
      table.print(out);
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = {"Shows everything the registry knows about one model version: its",
          "weights, config and code, the data and run that made it, its evaluations per",
          "slice, its aliases with their promotion and rollback history, its ONNX export",
          "and its model card."})
  static class Show extends OneVersion {
    @Override
    void print(ModelLineage l, PrintWriter out) {
      out.println(l.version() + (l.aliases().isEmpty() ? ""
          : "  (" + String.join(", ", l.aliases()) + ")"));
      field(out, "registered", l.registeredAt().toString());
      field(out, "weights", l.folder() + "  sha256 " + l.paramsSha256());
      field(out, "config", l.config().file() + "  sha256 "
          + (l.config().sha256() == null ? "not recorded" : l.config().sha256()));
      field(out, "code", "commit " + l.codeVersion());
      field(out, "trained on", data(l.trainedOn()));
      field(out, "run", run(l.run()));
      field(out, "onnx", l.onnx() == null ? "not exported" : l.onnx());
      field(out, "model card", l.card());
      out.println();
      evaluations(out, l.evaluations());
      out.println();
      if (l.aliasHistory().isEmpty()) {
        out.println("alias history: no alias ever pointed at it");
        return;
      }
      out.println("alias history:");
      for (AliasMove m : l.aliasHistory()) {
        out.printf("  %s  %s: %s -> %s  by %s: %s%n", m.movedAt(), m.alias(),
            m.from() == null ? "(none)" : m.from(), m.to(), m.actor(), m.reason());
      }
    }
  }

  @Command(name = "lineage", mixinStandardHelpOptions = true,
      description = {"Shows where a model version came from: the training run that made it,",
          "the dataset version it was trained on and every version that one was built over,",
          "back to the first import; then its evaluations."})
  static class Lineage extends OneVersion {
    @Override
    void print(ModelLineage l, PrintWriter out) {
      out.println(l.version() + "  code " + l.codeVersion() + ", config "
          + (l.config().sha256() == null ? "not recorded" : l.config().sha256()));
      out.println("  <- run " + run(l.run()));
      List<DataVersion> chain = new ArrayList<>();
      chain.add(l.trainedOn());
      chain.addAll(l.dataAncestry());
      for (DataVersion data : chain) {
        out.println("  <- " + data(data));
      }
      out.println();
      evaluations(out, l.evaluations());
    }
  }

  private static void evaluations(PrintWriter out, List<Evaluation> evaluations) {
    if (evaluations.isEmpty()) {
      out.println("evaluations: none yet");
      return;
    }
    out.println("evaluations:");
    for (Evaluation e : evaluations) {
      out.printf(Locale.ROOT, "  %s %s (%s)  mAP %.4f  %s%n", e.data(), e.split(),
          e.protocol(), e.map(), e.evaluatedAt());
      TextTable slices = new TextTable("    slice", "frames", "objects", "mAP");
      for (Slice s : e.slices()) {
        slices.row("    " + s.key(), Integer.toString(s.frames()),
            Integer.toString(s.objects()), decimal(s.map()));
      }
      if (!e.slices().isEmpty()) {
        slices.print(out);
      }
    }
  }

  private static void field(PrintWriter out, String name, String value) {
    out.printf("  %-11s %s%n", name, value);
  }

  private static String data(DataVersion d) {
    return d.label() + " (" + d.frames() + " frames, " + d.objects() + " objects)"
        + (d.note() == null ? "" : ": " + d.note());
  }

  private static String run(ModelLineage.Run r) {
    return r == null ? "none recorded" : String.format(Locale.ROOT,
        "%d %s: %s, %d epochs on %s, seed %d, last val mAP %s", r.id(), r.runKey(), r.status(),
        r.epochs(), r.device(), r.seed(), decimal(r.lastValMap()));
  }

  private static String decimal(Double value) {
    return value == null ? NONE : String.format(Locale.ROOT, "%.4f", value);
  }
}
