package io.admlops.activities.modelcard;

import io.admlops.activities.datasets.DatasetRegistry;
import io.admlops.activities.export.AtomicFile;
import io.admlops.activities.modelzoo.ModelLineage;
import io.admlops.activities.modelzoo.ModelLineages;
import io.admlops.activities.modelzoo.ModelVersion;
import io.admlops.activities.modelzoo.ModelVersions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Writes a version's {@code MODEL_CARD.md} from the registry, replacing the earlier card: run
 * when the version is registered, evaluated or exported, so the card follows each change.
 * Weak slices are judged against the model's production version when that is another one.
 */
public final class ModelCardWriter {

  private static final String BASELINE_ALIAS = "production";

  private final DSLContext dsl;
  private final DatasetRegistry datasets;

  public ModelCardWriter(DSLContext dsl, DatasetRegistry datasets) {
    this.dsl = dsl;
    this.datasets = datasets;
  }

  /** Writes the card into the version's folder; returns where it is. */
  public Path write(ModelVersion version) throws IOException {
    ModelLineages lineages = new ModelLineages(dsl);
    ModelLineage lineage = lineages.of(version);
    DataSeen data = DataSeen.of(datasets, lineage.trainedOn().dataset(),
        lineage.trainedOn().version());
    Optional<ModelVersion> production = new ModelVersions(dsl)
        .find(version.model() + "@" + BASELINE_ALIAS).filter(p -> p.id() != version.id());
    String card = ModelCard.render(lineage, data, production.map(lineages::of).orElse(null));
    AtomicFile.write(version.card(), card.getBytes(StandardCharsets.UTF_8));
    return version.card();
  }
}
