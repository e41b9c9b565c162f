package io.admlops.workers.demo;

import io.admlops.activities.collect.CollectedBatches;
import io.admlops.activities.collect.GeneratorCollection;
import io.admlops.activities.datasets.DatasetRegistry;
import io.admlops.activities.datasets.DatasetVersionInfo;
import io.admlops.activities.datasets.FrameSource;
import io.admlops.activities.formats.DatasetDefinition;
import io.admlops.activities.formats.ProblemLog;
import io.admlops.activities.formats.ReadContext;
import io.admlops.activities.formats.Taxonomy;
import io.admlops.activities.formats.frames.FramesReader;
import io.admlops.activities.datasets.DatasetStore;
import io.admlops.workflows.collect.CollectResult;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A labeled dataset the demo starts from: a generated drive whose ground truth becomes a
 * dataset's first version, as a team's already-labeled data would be. The frames go through
 * the collect stage like any other, so they sit in the dataset store beside what the loop
 * collects later.
 *
 * @param mix the generator's scenario mix
 * @param frames how many frames to drive
 * @param seed the generator's seed
 */
public record DemoDrive(Path mix, int frames, long seed) {

  /**
   * Drives and imports the drive's ground truth as a version of {@code dataset}.
   *
   * @param store the dataset store the registry keeps its versions in
   */
  public DatasetVersionInfo importAs(String dataset, DatasetDefinition definition,
      DatasetRegistry registry, Path store) throws IOException {
    CollectResult drive = new GeneratorCollection(new CollectedBatches(new DatasetStore(store)))
        .collect(mix, seed, frames, done -> { });
    Path groundTruth = store.resolve(drive.groundTruth()).resolve("frames.jsonl");
    ReadContext context = new ReadContext(new ProblemLog(), Taxonomy.of(definition));
    return registry.importVersion(dataset, definition,
        FrameSource.read(new FramesReader(), groundTruth, context, false), null,
        "demo: " + frames + " generated frames of " + mix.getFileName() + ", seed " + seed);
  }
}
