package io.admlops.activities.collect;

import io.admlops.activities.formats.StagedDirectory;
import io.admlops.activities.formats.Taxonomy;
import io.admlops.activities.formats.kitti.KittiWriter;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.ImageRef;
import io.admlops.schemas.json.Mappers;
import io.admlops.workflows.collect.CollectResult;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes one batch: the frames without their labels into {@code collected/<batch>/}, and,
 * when the source brought labels, the labeled frames and a KITTI copy into
 * {@code ground-truth/<batch>/}. Both folders appear only on {@link #publish}; the summary
 * that marks the batch complete is written into the collected folder, committed last.
 */
final class BatchWriter implements AutoCloseable {

  private final CollectedBatches batches;
  private final String batchId;
  private final StagedDirectory collected;
  private final BufferedWriter unlabeled;
  private final StagedDirectory groundTruth;
  private final BufferedWriter labeled;
  private final KittiWriter kitti;
  private int frames;

  BatchWriter(CollectedBatches batches, String batchId, boolean withGroundTruth)
      throws IOException {
    this.batches = batches;
    this.batchId = batchId;
    Path root = batches.store().root();
    this.collected = StagedDirectory.begin(
        root.resolve(CollectedBatches.COLLECTED).resolve(batchId));
    this.unlabeled = manifest(collected.path());
    if (withGroundTruth) {
      this.groundTruth = StagedDirectory.begin(
          root.resolve(CollectedBatches.GROUND_TRUTH).resolve(batchId));
      this.labeled = manifest(groundTruth.path());
      this.kitti = new KittiWriter(groundTruth.path().resolve("kitti"), Taxonomy.SOURCE);
    } else {
      this.groundTruth = null;
      this.labeled = null;
      this.kitti = null;
    }
  }

  /** Adds a frame whose image is in the store; its uri is relative to {@code $DATASET}. */
  void add(Frame stored) throws IOException {
    Frame listed = fromBatchFolder(stored);
    write(unlabeled, new Frame(listed.id(), listed.image(), listed.camera(), List.of(),
        List.of(), listed.scene(), listed.provenance()));
    if (labeled != null) {
      write(labeled, listed);
      kitti.write(batches.store().withAbsoluteImage(stored));
    }
    frames++;
  }

  /**
   * The frame with its image named relative to a batch folder, two levels below the store's
   * root, as the unified format reads uris relative to the manifest: a batch's frames.jsonl
   * imports as it is ({@code admlops dataset import --format frames}).
   */
  private static Frame fromBatchFolder(Frame stored) {
    ImageRef image = stored.image();
    return new Frame(stored.id(), new ImageRef("../../" + image.uri(), image.width(),
        image.height(), image.sha256()), stored.camera(), stored.objects(), stored.lanes(),
        stored.scene(), stored.provenance());
  }

  /** Completes the batch and returns what its collect returns, now and on any retry. */
  CollectResult publish(int duplicates) throws IOException {
    unlabeled.close();
    String groundTruthUri = null;
    if (groundTruth != null) {
      labeled.close();
      kitti.finish();
      groundTruth.commit();
      groundTruthUri = CollectedBatches.GROUND_TRUTH + "/" + batchId;
    }
    CollectResult result = new CollectResult(batchId,
        CollectedBatches.COLLECTED + "/" + batchId + "/" + CollectedBatches.MANIFEST,
        frames, duplicates, groundTruthUri);
    Mappers.json().writeValue(collected.path().resolve(CollectedBatches.SUMMARY).toFile(),
        result);
    collected.commit();
    return result;
  }

  @Override
  public void close() throws IOException {
    unlabeled.close();
    if (labeled != null) {
      labeled.close();
    }
    if (groundTruth != null) {
      groundTruth.close();
    }
    collected.close();
  }

  private static BufferedWriter manifest(Path folder) throws IOException {
    return Files.newBufferedWriter(folder.resolve(CollectedBatches.MANIFEST),
        StandardCharsets.UTF_8);
  }

  private static void write(BufferedWriter out, Frame frame) throws IOException {
    out.write(Mappers.json().writeValueAsString(frame));
    out.write('\n');
  }
}
