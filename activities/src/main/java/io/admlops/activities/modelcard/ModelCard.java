package io.admlops.activities.modelcard;

import io.admlops.activities.modelzoo.ModelLineage;
import io.admlops.activities.modelzoo.ModelLineage.DataVersion;
import io.admlops.activities.modelzoo.ModelLineage.Evaluation;
import io.admlops.activities.modelzoo.ModelLineage.Slice;
import io.admlops.activities.modelzoo.ModelVersions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A model version's card as Markdown: where it came from, the data it saw, its metrics per
 * slice from every evaluation, its known weak slices, and its ONNX export. Pure, so what it
 * says follows from the registry alone.
 */
public final class ModelCard {

  private static final String NONE = "-";

  private ModelCard() {}

  /**
   * Renders the card.
   *
   * @param lineage the version's lineage
   * @param data the train split of the dataset version it was trained on
   * @param baseline the lineage of the version its weak slices are compared with (the
   *     model's production version when that is another one), or null
   */
  public static String render(ModelLineage lineage, DataSeen data, ModelLineage baseline) {
    StringBuilder md = new StringBuilder();
    md.append("# Model card: ").append(lineage.version()).append("\n\n");
    md.append("Generated from the admlops registry when the version is registered, evaluated "
        + "or exported; edits here are overwritten.\n\n");
    identity(md, lineage);
    dataSeen(md, lineage, data);
    List<String> weak = new ArrayList<>();
    md.append("## Metrics per slice\n\n");
    if (lineage.evaluations().isEmpty()) {
      md.append("Not evaluated yet.\n\n");
    }
    for (Evaluation evaluation : lineage.evaluations()) {
      metrics(md, evaluation);
      Optional<Evaluation> before = baselineOf(evaluation, baseline);
      for (WeakSlice slice : WeakSlice.of(evaluation, before.orElse(null),
          baseline == null ? null : baseline.version())) {
        weak.add(String.format(Locale.ROOT, "- `%s` on %s %s: mAP %.4f, %s", slice.key(),
            evaluation.data(), evaluation.split(), slice.map(), slice.why()));
      }
    }
    md.append("## Known weak slices\n\n");
    if (lineage.evaluations().isEmpty()) {
      md.append("Unknown until the version is evaluated.\n");
    } else if (weak.isEmpty()) {
      md.append(String.format(Locale.ROOT, "None: no slice is below %.0f%% of the overall mAP"
          + "%s.\n", WeakSlice.FAR_BELOW_SHARE * 100, baseline == null ? ""
              : String.format(Locale.ROOT, " or more than %.2f below %s", WeakSlice.REGRESSION,
                  baseline.version())));
    } else {
      weak.forEach(line -> md.append(line).append('\n'));
    }
    return md.toString();
  }

  private static void identity(StringBuilder md, ModelLineage lineage) {
    md.append("| | |\n|---|---|\n");
    row(md, "registered", lineage.registeredAt().toString());
    row(md, "weights", ModelVersions.PARAMETERS + ", sha256 `" + lineage.paramsSha256() + "`");
    row(md, "config", Path.of(lineage.config().file()).getFileName() + ", sha256 "
        + (lineage.config().sha256() == null ? "not recorded"
            : "`" + lineage.config().sha256() + "`"));
    row(md, "code", "commit " + lineage.codeVersion());
    ModelLineage.Run run = lineage.run();
    row(md, "training run", run == null ? NONE : String.format(Locale.ROOT,
        "%d `%s`: %s, %d epochs on %s, seed %d, last validation mAP %s", run.id(),
        run.runKey(), run.status(), run.epochs(), run.device(), run.seed(),
        decimal(run.lastValMap())));
    row(md, "ONNX", lineage.onnx() == null ? "not exported"
        : Path.of(lineage.onnx()).getFileName() + ", verified against DJL by ONNX Runtime");
    md.append('\n');
  }

  private static void dataSeen(StringBuilder md, ModelLineage lineage, DataSeen data) {
    DataVersion trained = lineage.trainedOn();
    md.append("## Data it saw\n\n");
    md.append(String.format(Locale.ROOT, "Trained on %s: %d frames (%d train, %d val, %d test)"
        + ", %d objects, content sha256 `%s`.", trained.label(), trained.frames(),
        data.version().splits().train(), data.version().splits().val(),
        data.version().splits().test(), trained.objects(), trained.contentSha256()));
    if (trained.note() != null) {
      md.append(' ').append(trained.note()).append('.');
    }
    md.append("\n\n");
    if (!lineage.dataAncestry().isEmpty()) {
      md.append("Built over:\n\n");
      for (DataVersion parent : lineage.dataAncestry()) {
        md.append("- ").append(parent.label()).append(": ").append(parent.frames())
            .append(" frames").append(parent.note() == null ? "" : ", " + parent.note())
            .append('\n');
      }
      md.append('\n');
    }
    md.append("Objects per class in the ").append(data.trainFrames())
        .append(" frames of the train split:\n\n| class | objects |\n|---|---:|\n");
    data.objectsPerClass().forEach((c, n) -> md.append("| ").append(c).append(" | ")
        .append(n).append(" |\n"));
    md.append("\nConditions of those frames:\n\n| condition | frames | share |\n|---|---:|---:|\n");
    data.framesPerCondition().forEach((condition, frames) -> md.append(String.format(
        Locale.ROOT, "| %s | %d | %.1f%% |\n", condition, frames,
        data.trainFrames() == 0 ? 0.0 : 100.0 * frames / data.trainFrames())));
    md.append('\n');
  }

  private static void metrics(StringBuilder md, Evaluation evaluation) {
    md.append(String.format(Locale.ROOT, "### %s %s (%s), evaluated %s\n\n", evaluation.data(),
        evaluation.split(), evaluation.protocol(), evaluation.evaluatedAt()));
    md.append("| slice | frames | objects | mAP |\n|---|---:|---:|---:|\n");
    md.append(String.format(Locale.ROOT, "| overall | | | %.4f |\n", evaluation.map()));
    for (Slice slice : evaluation.slices()) {
      md.append(String.format(Locale.ROOT, "| %s | %d | %d | %s |\n", slice.key(),
          slice.frames(), slice.objects(), decimal(slice.map())));
    }
    md.append('\n');
  }

  /** The baseline's evaluation of the same frames by the same protocol. */
  private static Optional<Evaluation> baselineOf(Evaluation evaluation, ModelLineage baseline) {
    if (baseline == null) {
      return Optional.empty();
    }
    return baseline.evaluations().stream().filter(b -> b.data().equals(evaluation.data())
        && b.split().equals(evaluation.split())
        && b.protocol().equals(evaluation.protocol())).findFirst();
  }

  private static void row(StringBuilder md, String name, String value) {
    md.append("| ").append(name).append(" | ").append(value).append(" |\n");
  }

  private static String decimal(Double value) {
    return value == null ? NONE : String.format(Locale.ROOT, "%.4f", value);
  }
}
