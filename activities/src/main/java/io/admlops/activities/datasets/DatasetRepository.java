package io.admlops.activities.datasets;

import static io.admlops.schemas.db.Tables.DATASET;
import static io.admlops.schemas.db.Tables.DATASET_VERSION;
import static io.admlops.schemas.db.Tables.DATASET_VERSION_SAMPLE;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.max;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.activities.datasets.VersionAssembly.Assembled;
import io.admlops.activities.formats.DatasetDefinition;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.db.tables.DatasetVersion;
import io.admlops.schemas.json.Mappers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** The registry's dataset tables through jOOQ: datasets, their versions and members. */
final class DatasetRepository {

  /** The task of a dataset imported without a definition, as definitions default to it. */
  private static final String DEFAULT_TASK = "detection-2d";

  private static final DatasetVersion VERSION = DATASET_VERSION.as("v");
  private static final DatasetVersion PARENT = DATASET_VERSION.as("p");

  private final DSLContext dsl;
  private final DatasetStore store;

  DatasetRepository(DSLContext dsl, DatasetStore store) {
    this.dsl = dsl;
    this.store = store;
  }

  /**
   * Registers an assembled version in one transaction, or returns the version of the dataset
   * that already holds the same content. The dataset is created on its first version; a
   * definition given replaces the stored one. Concurrent imports into one dataset wait for
   * each other on the dataset's row, so version numbers never collide.
   */
  DatasetVersionInfo register(String dataset, DatasetDefinition definition, Assembled assembled,
      Integer parentVersion, String note) throws IOException {
    try {
      return dsl.transactionResult(configuration -> {
        DSLContext tx = DSL.using(configuration);
        long datasetId = lockDataset(tx, dataset, definition);
        Integer existing = tx.select(DATASET_VERSION.VERSION).from(DATASET_VERSION)
            .where(DATASET_VERSION.DATASET_ID.eq(datasetId),
                DATASET_VERSION.CONTENT_HASH.eq(assembled.contentHash()))
            .fetchOne(DATASET_VERSION.VERSION);
        if (existing != null) {
          return info(tx, dataset, existing);
        }
        int number = tx.select(DSL.coalesce(max(DATASET_VERSION.VERSION), 0))
            .from(DATASET_VERSION).where(DATASET_VERSION.DATASET_ID.eq(datasetId))
            .fetchOne(0, Integer.class) + 1;
        long versionId = tx.insertInto(DATASET_VERSION)
            .set(DATASET_VERSION.DATASET_ID, datasetId)
            .set(DATASET_VERSION.VERSION, number)
            .set(DATASET_VERSION.PARENT_VERSION_ID,
                parentVersion == null ? null : versionId(tx, dataset, parentVersion))
            .set(DATASET_VERSION.CONTENT_HASH, assembled.contentHash())
            .set(DATASET_VERSION.MANIFEST_URI, assembled.manifestUri())
            .set(DATASET_VERSION.FRAME_COUNT, assembled.frames())
            .set(DATASET_VERSION.OBJECT_COUNT, assembled.objects())
            .set(DATASET_VERSION.NOTE, note)
            .returning(DATASET_VERSION.ID).fetchOne(DATASET_VERSION.ID);
        VersionMembers members =
            new VersionMembers(tx, versionId, dataset, assembled.importedSamples());
        try {
          store.readManifest(assembled.manifestUri(), members::add);
          members.flush();
        } catch (IOException e) {
          // jOOQ would wrap a checked exception; unwrapped below so callers see the file.
          throw new UncheckedIOException(e);
        }
        return info(tx, dataset, number);
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * @throws UserInputException naming the dataset, and the versions it has, when either is
   *     unknown
   */
  DatasetVersionInfo info(String dataset, int version) {
    return info(dsl, dataset, version);
  }

  /** Every dataset by name, with its newest version. */
  List<DatasetSummary> list() {
    List<DatasetSummary> summaries = new ArrayList<>();
    for (Record r : dsl.select(DATASET.NAME, DATASET.TASK, count(DATASET_VERSION.ID),
            max(DATASET_VERSION.VERSION))
        .from(DATASET).leftJoin(DATASET_VERSION).on(DATASET_VERSION.DATASET_ID.eq(DATASET.ID))
        .groupBy(DATASET.NAME, DATASET.TASK).orderBy(DATASET.NAME).fetch()) {
      Integer newest = r.get(max(DATASET_VERSION.VERSION));
      summaries.add(new DatasetSummary(r.get(DATASET.NAME), r.get(DATASET.TASK),
          r.get(count(DATASET_VERSION.ID)),
          newest == null ? null : info(dsl, r.get(DATASET.NAME), newest)));
    }
    return summaries;
  }

  /**
   * The definition the dataset was last imported with, if any.
   *
   * @throws UserInputException when the dataset is unknown, naming it
   */
  Optional<DatasetDefinition> definition(String dataset) throws JsonProcessingException {
    JSONB stored = dsl.select(DATASET.DEFINITION).from(DATASET)
        .where(DATASET.NAME.eq(dataset)).fetchOne(DATASET.DEFINITION);
    if (stored == null) {
      throw unknownDataset(dsl, dataset);
    }
    JsonNode json = Mappers.json().readTree(stored.data());
    return json.isEmpty() ? Optional.empty()
        : Optional.of(Mappers.json().treeToValue(json, DatasetDefinition.class));
  }

  private static long lockDataset(DSLContext tx, String dataset, DatasetDefinition definition)
      throws JsonProcessingException {
    if (definition == null) {
      tx.insertInto(DATASET, DATASET.NAME, DATASET.TASK, DATASET.DEFINITION)
          .values(dataset, DEFAULT_TASK, JSONB.valueOf("{}"))
          .onConflict(DATASET.NAME).doNothing().execute();
    } else {
      JSONB json = JSONB.valueOf(Mappers.json().writeValueAsString(definition));
      String task = definition.task() == null ? DEFAULT_TASK : definition.task();
      tx.insertInto(DATASET, DATASET.NAME, DATASET.TASK, DATASET.DEFINITION)
          .values(dataset, task, json)
          .onConflict(DATASET.NAME).doUpdate()
          .set(DATASET.TASK, task).set(DATASET.DEFINITION, json).execute();
    }
    return tx.select(DATASET.ID).from(DATASET).where(DATASET.NAME.eq(dataset)).forUpdate()
        .fetchOne(DATASET.ID);
  }

  private static long versionId(DSLContext q, String dataset, int version) {
    Long id = q.select(DATASET_VERSION.ID).from(DATASET_VERSION).join(DATASET)
        .on(DATASET.ID.eq(DATASET_VERSION.DATASET_ID))
        .where(DATASET.NAME.eq(dataset), DATASET_VERSION.VERSION.eq(version))
        .fetchOne(DATASET_VERSION.ID);
    if (id == null) {
      throw unknownVersion(q, dataset, version);
    }
    return id;
  }

  private static DatasetVersionInfo info(DSLContext q, String dataset, int version) {
    Record r = q.select(VERSION.ID, VERSION.VERSION, VERSION.CONTENT_HASH, VERSION.FRAME_COUNT,
            VERSION.OBJECT_COUNT, PARENT.VERSION, VERSION.MANIFEST_URI, VERSION.NOTE,
            VERSION.CREATED_AT)
        .from(VERSION).join(DATASET).on(DATASET.ID.eq(VERSION.DATASET_ID))
        .leftJoin(PARENT).on(PARENT.ID.eq(VERSION.PARENT_VERSION_ID))
        .where(DATASET.NAME.eq(dataset), VERSION.VERSION.eq(version))
        .fetchOne();
    if (r == null) {
      throw unknownVersion(q, dataset, version);
    }
    Map<String, Integer> splits = q.select(DATASET_VERSION_SAMPLE.SPLIT, count())
        .from(DATASET_VERSION_SAMPLE)
        .where(DATASET_VERSION_SAMPLE.DATASET_VERSION_ID.eq(r.get(VERSION.ID)))
        .groupBy(DATASET_VERSION_SAMPLE.SPLIT)
        .fetchMap(DATASET_VERSION_SAMPLE.SPLIT, count());
    return new DatasetVersionInfo(r.get(VERSION.ID), dataset, version,
        r.get(VERSION.CONTENT_HASH),
        r.get(VERSION.FRAME_COUNT), r.get(VERSION.OBJECT_COUNT), SplitCounts.of(splits),
        r.get(PARENT.VERSION), r.get(VERSION.MANIFEST_URI), r.get(VERSION.NOTE),
        r.get(VERSION.CREATED_AT));
  }

  private static UserInputException unknownVersion(DSLContext q, String dataset, int version) {
    Record r = q.select(DATASET.ID, max(DATASET_VERSION.VERSION)).from(DATASET)
        .leftJoin(DATASET_VERSION).on(DATASET_VERSION.DATASET_ID.eq(DATASET.ID))
        .where(DATASET.NAME.eq(dataset)).groupBy(DATASET.ID).fetchOne();
    if (r == null) {
      return unknownDataset(q, dataset);
    }
    Integer newest = r.get(max(DATASET_VERSION.VERSION));
    return new UserInputException("dataset '" + dataset + "' has no version " + version
        + (newest == null ? "; it has no versions yet"
            : "; its versions are 1 to " + newest));
  }

  private static UserInputException unknownDataset(DSLContext q, String dataset) {
    List<String> names = q.select(DATASET.NAME).from(DATASET).orderBy(DATASET.NAME)
        .fetch(DATASET.NAME);
    return new UserInputException("unknown dataset '" + dataset + "'; "
        + (names.isEmpty() ? "the registry holds no datasets yet"
            : "the registry holds " + String.join(", ", names)));
  }
}
