package io.admlops.activities.datasets;

import static io.admlops.schemas.db.Tables.ANNOTATION;
import static io.admlops.schemas.db.Tables.DATASET_VERSION_SAMPLE;
import static io.admlops.schemas.db.Tables.SAMPLE;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.admlops.schemas.db.tables.records.AnnotationRecord;
import io.admlops.schemas.db.tables.records.DatasetVersionSampleRecord;
import io.admlops.schemas.db.tables.records.SampleRecord;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.Provenance;
import io.admlops.schemas.frame.SceneAttributes;
import io.admlops.schemas.json.Mappers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep3;
import org.jooq.InsertValuesStep4;
import org.jooq.InsertValuesStep9;
import org.jooq.JSONB;

/**
 * Writes a new version's rows from its manifest, inside the registering transaction: a
 * {@code sample} row per imported image (an image already known keeps its row), the imported
 * labels as {@code annotation} rows of origin {@code import}, and one
 * {@code dataset_version_sample} row per frame with its split. Frames are written in chunks
 * so a large version takes a few statements per thousand frames, not several per frame.
 */
final class VersionMembers {

  private static final int CHUNK = 500;
  private static final String ORIGIN = "import";

  private final DSLContext tx;
  private final long versionId;
  private final String dataset;
  private final Set<String> importedSamples;
  private final List<Frame> pending = new ArrayList<>();

  /**
   * @param tx the registering transaction
   * @param versionId the new version's row
   * @param dataset names the source of samples whose frames do not say where they came from
   * @param importedSamples the samples whose labels this import delivered
   */
  VersionMembers(DSLContext tx, long versionId, String dataset, Set<String> importedSamples) {
    this.tx = tx;
    this.versionId = versionId;
    this.dataset = dataset;
    this.importedSamples = importedSamples;
  }

  /** A frame of the version's manifest. */
  void add(Frame frame) throws JsonProcessingException {
    pending.add(frame);
    if (pending.size() == CHUNK) {
      flush();
    }
  }

  /** Writes the frames not yet written. */
  void flush() throws JsonProcessingException {
    if (pending.isEmpty()) {
      return;
    }
    List<Frame> imported = pending.stream()
        .filter(f -> importedSamples.contains(f.image().sha256())).toList();
    if (!imported.isEmpty()) {
      insertSamples(imported);
    }
    List<String> hashes = pending.stream().map(f -> f.image().sha256()).toList();
    Map<String, Long> ids = tx.select(SAMPLE.CONTENT_HASH, SAMPLE.ID).from(SAMPLE)
        .where(SAMPLE.CONTENT_HASH.in(hashes)).fetchMap(SAMPLE.CONTENT_HASH, SAMPLE.ID);
    if (!imported.isEmpty()) {
      insertLabels(imported, ids);
    }
    InsertValuesStep3<DatasetVersionSampleRecord, Long, Long, String> members =
        tx.insertInto(DATASET_VERSION_SAMPLE, DATASET_VERSION_SAMPLE.DATASET_VERSION_ID,
            DATASET_VERSION_SAMPLE.SAMPLE_ID, DATASET_VERSION_SAMPLE.SPLIT);
    for (String hash : hashes) {
      members = members.values(versionId, ids.get(hash), Split.of(hash).column());
    }
    members.execute();
    pending.clear();
  }

  private void insertSamples(List<Frame> frames) throws JsonProcessingException {
    InsertValuesStep9<SampleRecord, String, String, Integer, Integer, String, String, String,
        Integer, JSONB> samples = tx.insertInto(SAMPLE, SAMPLE.CONTENT_HASH, SAMPLE.URI,
            SAMPLE.WIDTH, SAMPLE.HEIGHT, SAMPLE.SOURCE, SAMPLE.ORIGINAL_ID, SAMPLE.SEQUENCE_ID,
            SAMPLE.FRAME_INDEX, SAMPLE.ATTRIBUTES);
    for (Frame f : frames) {
      Provenance p = f.provenance() == null ? Provenance.of(dataset, f.id()) : f.provenance();
      String attributes = Mappers.json()
          .writeValueAsString(new SampleAttributes(f.scene(), f.provenance()));
      samples = samples.values(f.image().sha256(), f.image().uri(), f.image().width(),
          f.image().height(), p.source() == null ? dataset : p.source(),
          p.originalId() == null ? f.id() : p.originalId(), p.sequenceId(), p.frameIndex(),
          JSONB.valueOf(attributes));
    }
    // A sample is its image's bytes: a row written by an earlier import stays as it is.
    samples.onConflict(SAMPLE.CONTENT_HASH).doNothing().execute();
  }

  private void insertLabels(List<Frame> frames, Map<String, Long> ids)
      throws JsonProcessingException {
    InsertValuesStep4<AnnotationRecord, Long, String, String, JSONB> labels =
        tx.insertInto(ANNOTATION, ANNOTATION.SAMPLE_ID, ANNOTATION.ORIGIN,
            ANNOTATION.CONTENT_HASH, ANNOTATION.OBJECTS);
    for (Frame f : frames) {
      Labels l = Labels.of(f.objects());
      labels = labels.values(ids.get(f.image().sha256()), ORIGIN, l.hash(),
          JSONB.valueOf(l.json()));
    }
    labels.onConflict(ANNOTATION.SAMPLE_ID, ANNOTATION.ORIGIN, ANNOTATION.CONTENT_HASH)
        .doNothing().execute();
  }

  /** What {@code sample.attributes} holds: the frame's conditions and where it came from. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  private record SampleAttributes(SceneAttributes scene, Provenance provenance) {}
}
