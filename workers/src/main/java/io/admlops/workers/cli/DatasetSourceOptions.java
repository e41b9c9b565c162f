package io.admlops.workers.cli;

import io.admlops.activities.formats.DatasetDefinition;
import io.admlops.activities.formats.DatasetFormat;
import io.admlops.activities.formats.ProblemLog;
import io.admlops.activities.formats.ReadContext;
import io.admlops.activities.formats.Taxonomy;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** A dataset to read: {@code --format}, {@code --src} and an optional {@code --classes}. */
public class DatasetSourceOptions {

  @Option(names = "--format", required = true, paramLabel = "FORMAT",
      completionCandidates = DatasetFormatNames.class,
      description = "Format of the source: ${COMPLETION-CANDIDATES}.")
  String format;

  @Option(names = "--src", required = true, paramLabel = "PATH",
      description = "The dataset: its folder, or its annotation file (COCO, BDD100K).")
  Path source;

  @Option(names = "--classes", paramLabel = "FILE",
      description = "Dataset definition (configs/datasets/*.yaml): its classes and map rename "
          + "the source's classes, others are errors; its targets set the coverage.")
  Path classes;

  private DatasetDefinition definition;

  DatasetFormat format() {
    return DatasetFormat.named(format);
  }

  Path source() {
    return source;
  }

  /** The definition of {@code --classes}, loaded once; null without the flag. */
  DatasetDefinition definition() {
    if (definition == null && classes != null) {
      definition = DatasetDefinition.load(classes);
    }
    return definition;
  }

  /** A fresh read context with the definition's taxonomy, or the source's own classes. */
  ReadContext readContext() {
    return new ReadContext(new ProblemLog(), taxonomy(classes == null ? null : definition()));
  }

  static Taxonomy taxonomy(DatasetDefinition definition) {
    return definition == null ? Taxonomy.SOURCE : Taxonomy.of(definition);
  }
}
