package io.admlops.activities.collect;

import io.admlops.activities.datasets.DatasetStore;
import io.admlops.activities.formats.DatasetFormat;
import io.admlops.activities.formats.ImageHeaders;
import io.admlops.activities.formats.ImagePlacer;
import io.admlops.activities.formats.ProblemLog;
import io.admlops.activities.formats.ReadContext;
import io.admlops.activities.formats.Taxonomy;
import io.admlops.activities.store.Sha256;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.ImageRef;
import io.admlops.schemas.frame.Provenance;
import io.admlops.workflows.collect.CollectResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * Collects the frames dropped into an inbox folder: bare images, or a dataset in any format
 * admlops reads when {@code labelsFormat} is named (its labels become ground truth). Frames
 * whose image bytes an earlier batch already holds are left out as duplicates. Once the batch
 * is complete the inbox's contents move into {@code collected/<batch>/received/}, so the
 * inbox is empty again; the batch id is derived from the images' hashes, so a retry after a
 * crash finds the batch and only finishes the move.
 */
public final class InboxCollection {

  private static final String RECEIVED = "received";

  private final CollectedBatches batches;

  public InboxCollection(CollectedBatches batches) {
    this.batches = batches;
  }

  /**
   * @throws UserInputException when the inbox is missing, empty, or its labels have errors
   */
  public CollectResult collect(Path inbox, String labelsFormat, IntConsumer progress)
      throws IOException {
    if (!Files.isDirectory(inbox)) {
      throw new UserInputException("inbox " + inbox + " is not a folder");
    }
    List<Frame> frames = labelsFormat == null ? bareImages(inbox) : labeled(inbox, labelsFormat);
    if (frames.isEmpty()) {
      throw new UserInputException("inbox " + inbox + " holds no frames");
    }
    List<String> hashes = new ArrayList<>();
    for (Frame f : frames) {
      hashes.add(Sha256.of(Path.of(f.image().uri())));
    }
    String batchId = "inbox-" + Sha256.of(String.join("\n", hashes.stream().sorted().toList()))
        .substring(0, 16);
    Optional<CollectResult> done = batches.find(batchId);
    if (done.isPresent()) {
      moveReceived(inbox, batchId);
      return done.get();
    }
    Set<String> known = batches.collectedImages();
    Set<String> inThisBatch = new HashSet<>();
    DatasetStore store = batches.store();
    int duplicates = 0;
    CollectResult result;
    try (BatchWriter batch = new BatchWriter(batches, batchId, labelsFormat != null)) {
      for (int i = 0; i < frames.size(); i++) {
        String sha = hashes.get(i);
        if (known.contains(sha) || !inThisBatch.add(sha)) {
          duplicates++;
          continue;
        }
        Frame f = frames.get(i);
        DatasetStore.StoredImage image = store.storeImage(Path.of(f.image().uri()));
        batch.add(new Frame(f.id(), new ImageRef(image.uri(), f.image().width(),
            f.image().height(), image.sha256()), f.camera(), f.objects(), f.lanes(), f.scene(),
            f.provenance()));
        progress.accept(inThisBatch.size());
      }
      result = batch.publish(duplicates);
    }
    moveReceived(inbox, batchId);
    return result;
  }

  private static List<Frame> bareImages(Path inbox) throws IOException {
    List<Path> images;
    try (Stream<Path> walk = Files.walk(inbox)) {
      images = walk.filter(Files::isRegularFile).filter(InboxCollection::isImage).sorted()
          .toList();
    }
    List<Frame> frames = new ArrayList<>();
    for (Path image : images) {
      ImageHeaders.Size size = ImageHeaders.read(image);
      String relative = inbox.relativize(image).toString();
      String id = ImagePlacer.fileStem(relative.substring(0, relative.lastIndexOf('.')));
      frames.add(new Frame(id, new ImageRef(image.toAbsolutePath().toString(), size.width(),
          size.height(), null), null, List.of(), List.of(), null,
          Provenance.of("folder", relative)));
    }
    return frames;
  }

  private static List<Frame> labeled(Path inbox, String labelsFormat) throws IOException {
    ReadContext context = new ReadContext(new ProblemLog(), Taxonomy.SOURCE);
    List<Frame> frames = new ArrayList<>();
    DatasetFormat.named(labelsFormat).reader().read(inbox, context, frames::add);
    if (context.problems().hasErrors()) {
      throw new UserInputException("inbox " + inbox + ": " + context.problems().summary()
          + "; first: " + context.problems().problems().get(0)
          + " ('admlops dataset validate' lists them all)");
    }
    return frames;
  }

  private void moveReceived(Path inbox, String batchId) throws IOException {
    List<Path> entries;
    try (Stream<Path> list = Files.list(inbox)) {
      entries = list.toList();
    }
    if (entries.isEmpty()) {
      return;
    }
    Path received = Files.createDirectories(batches.store().root()
        .resolve(CollectedBatches.COLLECTED).resolve(batchId).resolve(RECEIVED));
    for (Path entry : entries) {
      Files.move(entry, received.resolve(entry.getFileName().toString()));
    }
  }

  private static boolean isImage(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg");
  }
}
