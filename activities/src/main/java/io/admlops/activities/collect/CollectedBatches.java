package io.admlops.activities.collect;

import io.admlops.activities.datasets.DatasetStore;
import io.admlops.schemas.json.Mappers;
import io.admlops.workflows.collect.CollectResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The batches collected so far under {@code $DATASET}: {@code collected/<batch>/} holds the
 * frames the loop sees and a {@value #SUMMARY} written last, {@code ground-truth/<batch>/}
 * the labels kept apart. A batch without its summary was never completed.
 */
public final class CollectedBatches {

  static final String COLLECTED = "collected";
  static final String GROUND_TRUTH = "ground-truth";
  static final String MANIFEST = "frames.jsonl";
  static final String SUMMARY = "batch.json";

  private final DatasetStore store;

  public CollectedBatches(DatasetStore store) {
    this.store = store;
  }

  DatasetStore store() {
    return store;
  }

  /** A completed batch of that id, as its collect returned it: how a retry finds its work. */
  public Optional<CollectResult> find(String batchId) throws IOException {
    Path summary = store.root().resolve(COLLECTED).resolve(batchId).resolve(SUMMARY);
    if (!Files.isRegularFile(summary)) {
      return Optional.empty();
    }
    return Optional.of(Mappers.json().readValue(summary.toFile(), CollectResult.class));
  }

  /** The image hashes of every completed batch, against which new frames are deduplicated. */
  Set<String> collectedImages() throws IOException {
    Set<String> hashes = new HashSet<>();
    Path collected = store.root().resolve(COLLECTED);
    if (!Files.isDirectory(collected)) {
      return hashes;
    }
    List<Path> batches;
    try (Stream<Path> list = Files.list(collected)) {
      batches = list.filter(b -> Files.isRegularFile(b.resolve(SUMMARY))).toList();
    }
    for (Path batch : batches) {
      store.readManifest(store.root().relativize(batch.resolve(MANIFEST)).toString(),
          frame -> hashes.add(frame.image().sha256()));
    }
    return hashes;
  }
}
