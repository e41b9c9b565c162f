package io.admlops.workers.dashboard;

import static io.admlops.schemas.db.Tables.ANNOTATION;
import static io.admlops.schemas.db.Tables.DATASET;
import static io.admlops.schemas.db.Tables.DATASET_VERSION;
import static io.admlops.schemas.db.Tables.DATASET_VERSION_SAMPLE;
import static io.admlops.schemas.db.Tables.SAMPLE;

import io.admlops.schemas.db.tables.DatasetVersion;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Record3;
import org.jooq.SelectJoinStep;
import org.jooq.SelectSelectStep;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * How a dataset grew, version by version: frames and objects, frames per scene condition
 * (from {@code sample.attributes}) and objects per class (from the labels each version's
 * frames were imported with).
 */
final class DatasetGrowth {

  /** A condition a frame does not state. */
  static final String UNKNOWN = "unknown";

  private static final DatasetVersion PARENT = DATASET_VERSION.as("parent");
  private static final Field<String> TIME_OF_DAY =
      DSL.field("{0}->'scene'->>'timeOfDay'", String.class, SAMPLE.ATTRIBUTES);
  private static final Field<String> WEATHER =
      DSL.field("{0}->'scene'->>'weather'", String.class, SAMPLE.ATTRIBUTES);

  private final DSLContext dsl;

  DatasetGrowth(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Every version of the dataset, oldest first; none when the registry has no such dataset. */
  List<VersionComposition> of(String dataset) {
    Map<Integer, Map<String, Integer>> timesOfDay = framesBy(dataset, TIME_OF_DAY);
    Map<Integer, Map<String, Integer>> weathers = framesBy(dataset, WEATHER);
    Map<Integer, Map<String, Integer>> classes = objectsByClass(dataset);
    return dsl.select(DATASET_VERSION.VERSION, PARENT.VERSION, DATASET_VERSION.FRAME_COUNT,
            DATASET_VERSION.OBJECT_COUNT, DATASET_VERSION.NOTE, DATASET_VERSION.CREATED_AT)
        .from(DATASET_VERSION)
        .join(DATASET).on(DATASET.ID.eq(DATASET_VERSION.DATASET_ID))
        .leftJoin(PARENT).on(PARENT.ID.eq(DATASET_VERSION.PARENT_VERSION_ID))
        .where(DATASET.NAME.eq(dataset))
        .orderBy(DATASET_VERSION.VERSION)
        .fetch(r -> new VersionComposition(r.value1(), r.value2(), r.value3(), r.value4(),
            r.value5(), LoopJournal.instant(r.value6()),
            timesOfDay.getOrDefault(r.value1(), Map.of()),
            weathers.getOrDefault(r.value1(), Map.of()),
            classes.getOrDefault(r.value1(), Map.of())));
  }

  /** Frames per value of a scene condition, per version. */
  private Map<Integer, Map<String, Integer>> framesBy(String dataset, Field<String> condition) {
    return counts(members(dsl.select(DATASET_VERSION.VERSION, condition, DSL.count()))
        .join(SAMPLE).on(SAMPLE.ID.eq(DATASET_VERSION_SAMPLE.SAMPLE_ID))
        .where(DATASET.NAME.eq(dataset))
        .groupBy(DATASET_VERSION.VERSION, condition)
        .fetch());
  }

  /**
   * Objects per class, per version. A frame relabeled by a later import has several labels;
   * a version counts the newest it was registered with, as its manifest holds.
   */
  private Map<Integer, Map<String, Integer>> objectsByClass(String dataset) {
    Table<?> labels = DSL.lateral(DSL.select(ANNOTATION.OBJECTS).from(ANNOTATION)
        .where(ANNOTATION.SAMPLE_ID.eq(DATASET_VERSION_SAMPLE.SAMPLE_ID),
            ANNOTATION.ORIGIN.eq("import"),
            ANNOTATION.CREATED_AT.le(DATASET_VERSION.CREATED_AT))
        .orderBy(ANNOTATION.ID.desc()).limit(1)).as("labels");
    Field<JSONB> objects = labels.field(ANNOTATION.OBJECTS);
    Table<?> object = DSL.table("jsonb_array_elements({0})", objects).as("object", "value");
    // A plain SQL table has no known columns, so its one column is named.
    Field<String> category = DSL.field("{0}->>'category'", String.class,
        DSL.field(DSL.name("object", "value"), JSONB.class));
    return counts(members(dsl.select(DATASET_VERSION.VERSION, category, DSL.count()))
        .crossJoin(labels).crossJoin(object)
        .where(DATASET.NAME.eq(dataset))
        .groupBy(DATASET_VERSION.VERSION, category)
        .fetch());
  }

  /** The query over every frame of every version of a dataset. */
  private static <R extends Record> SelectJoinStep<R> members(SelectSelectStep<R> select) {
    return select.from(DATASET_VERSION)
        .join(DATASET).on(DATASET.ID.eq(DATASET_VERSION.DATASET_ID))
        .join(DATASET_VERSION_SAMPLE)
        .on(DATASET_VERSION_SAMPLE.DATASET_VERSION_ID.eq(DATASET_VERSION.ID));
  }

  private static Map<Integer, Map<String, Integer>> counts(
      List<Record3<Integer, String, Integer>> rows) {
    Map<Integer, Map<String, Integer>> counts = new HashMap<>();
    for (Record3<Integer, String, Integer> row : rows) {
      counts.computeIfAbsent(row.value1(), v -> new TreeMap<>())
          .merge(row.value2() == null ? UNKNOWN : row.value2(), row.value3(), Integer::sum);
    }
    return counts;
  }
}
