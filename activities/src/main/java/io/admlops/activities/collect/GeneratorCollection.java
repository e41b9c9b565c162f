package io.admlops.activities.collect;

import io.admlops.activities.collect.generator.DriveLogGenerator;
import io.admlops.activities.collect.generator.ScenarioMix;
import io.admlops.activities.datasets.DatasetStore;
import io.admlops.activities.store.Sha256;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.ImageRef;
import io.admlops.schemas.frame.Provenance;
import io.admlops.workflows.collect.CollectResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * Collects a batch from the scenario generator. The batch id is derived from the mix, the
 * seed and the frame count, which fully determine the frames, so a retried collect either
 * finds the completed batch or renders the same bytes again: never a second batch.
 */
public final class GeneratorCollection {

  private final CollectedBatches batches;

  public GeneratorCollection(CollectedBatches batches) {
    this.batches = batches;
  }

  /**
   * @param progress told the number of frames stored so far, for heartbeats
   * @throws UserInputException when the mix file cannot be read or is invalid, naming it
   */
  public CollectResult collect(Path mixFile, long seed, int frames, IntConsumer progress)
      throws IOException {
    if (frames <= 0) {
      throw new UserInputException("frames must be positive, got " + frames);
    }
    ScenarioMix mix = ScenarioMix.load(mixFile);
    String batchId = batchId(mixFile, seed, frames);
    Optional<CollectResult> done = batches.find(batchId);
    if (done.isPresent()) {
      return done.get();
    }
    DatasetStore store = batches.store();
    int[] stored = {0};
    try (BatchWriter batch = new BatchWriter(batches, batchId, true)) {
      new DriveLogGenerator(mix, seed).generate(frames, generated -> {
        Frame frame = generated.frame();
        DatasetStore.StoredImage image = store.storeImage(generated.png(), ".png");
        // Sequence numbers restart with every generator run; the batch id keeps frame and
        // sequence ids unique across batches.
        String id = batchId + "-" + frame.id().replace('/', '-');
        Provenance p = frame.provenance();
        batch.add(new Frame(id, new ImageRef(image.uri(), frame.image().width(),
            frame.image().height(), image.sha256()), frame.camera(), frame.objects(),
            frame.lanes(), frame.scene(), new Provenance(p.source(), id,
                batchId + "-" + p.sequenceId(), p.frameIndex(), p.iteration())));
        progress.accept(++stored[0]);
      });
      return batch.publish(0);
    }
  }

  static String batchId(Path mixFile, long seed, int frames) throws IOException {
    String identity = Files.readString(mixFile, StandardCharsets.UTF_8) + "\nseed=" + seed
        + "\nframes=" + frames;
    return "gen-" + Sha256.of(identity).substring(0, 16);
  }
}
