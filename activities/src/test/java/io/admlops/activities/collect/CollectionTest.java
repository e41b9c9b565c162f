package io.admlops.activities.collect;

import static io.admlops.activities.RepositoryFiles.locate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admlops.activities.datasets.DatasetStore;
import io.admlops.activities.formats.DatasetConversion;
import io.admlops.activities.formats.DatasetFormat;
import io.admlops.activities.formats.Taxonomy;
import io.admlops.activities.formats.TestImages;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.json.Mappers;
import io.admlops.workflows.collect.CollectResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectionTest {

  private static final Path FLEET = locate("configs/collect/fleet.yaml");

  @TempDir Path dir;
  private Path root;
  private CollectedBatches batches;

  @BeforeEach
  void emptyStore() {
    root = dir.resolve("dataset");
    batches = new CollectedBatches(new DatasetStore(root));
  }

  @Test
  void generatedFramesEnterUnlabeledWithTheirGroundTruthKeptApart() throws Exception {
    CollectResult result = new GeneratorCollection(batches).collect(FLEET, 7, 40, n -> { });

    assertEquals(40, result.frames());
    List<Frame> seen = manifest(root.resolve(result.manifest()));
    List<Frame> truth = manifest(root.resolve(result.groundTruth()).resolve("frames.jsonl"));
    assertEquals(40, seen.size());
    assertTrue(seen.stream().allMatch(f -> f.objects().isEmpty()), "the loop sees no labels");
    assertTrue(truth.stream().mapToInt(f -> f.objects().size()).sum() > 40);
    assertEquals(seen.stream().map(Frame::id).toList(),
        truth.stream().map(Frame::id).toList());
    assertEquals(40, count(root.resolve(result.groundTruth()).resolve("kitti/label_2")));
    assertEquals(40, countImages());
  }

  @Test
  void aBatchsFramesReadAsTheUnifiedFormatWithTheirImages() throws Exception {
    CollectResult result = new GeneratorCollection(batches).collect(FLEET, 7, 20, n -> { });

    for (Path manifest : List.of(root.resolve(result.manifest()),
        root.resolve(result.groundTruth()).resolve("frames.jsonl"))) {
      DatasetConversion.Outcome read = DatasetConversion.validate(DatasetFormat.FRAMES,
          manifest, Taxonomy.SOURCE);
      assertFalse(read.problems().hasErrors(), read.problems().problems().toString());
      assertEquals(20, read.frames());
    }
  }

  @Test
  void collectingTheSameRequestAgainReturnsTheSameBatchAndWritesNothing() throws Exception {
    GeneratorCollection collection = new GeneratorCollection(batches);
    CollectResult first = collection.collect(FLEET, 7, 20, n -> { });

    CollectResult again = collection.collect(FLEET, 7, 20, n -> { });

    assertEquals(first, again);
    assertEquals(1, count(root.resolve("collected")));
    assertEquals(20, countImages());
  }

  @Test
  void aCollectThatDiedMidwayLeavesNoBatchAndItsRetryWritesItOnce() throws Exception {
    GeneratorCollection collection = new GeneratorCollection(batches);
    assertThrows(IllegalStateException.class, () -> collection.collect(FLEET, 7, 30, n -> {
      if (n == 12) {
        throw new IllegalStateException("worker lost");
      }
    }));
    assertFalse(Files.exists(root.resolve("collected")) && count(root.resolve("collected")) > 0,
        "no half-written batch");

    List<Integer> progress = new ArrayList<>();
    CollectResult retried = collection.collect(FLEET, 7, 30, progress::add);

    assertEquals(30, retried.frames());
    assertEquals(30, progress.get(progress.size() - 1));
    assertEquals(30, countImages(), "images stored by the first attempt are reused");
    assertEquals(1, count(root.resolve("collected")));
  }

  @Test
  void anInboxIsDeduplicatedByContentAndEmptiedIntoTheBatch() throws Exception {
    Path inbox = Files.createDirectories(dir.resolve("inbox"));
    TestImages.write(inbox.resolve("drive-1/a.png"), 64, 32);
    TestImages.write(inbox.resolve("drive-1/b.png"), 65, 32);
    Files.copy(inbox.resolve("drive-1/a.png"), inbox.resolve("drive-1/a-again.png"));

    CollectResult first = new InboxCollection(batches).collect(inbox, null, n -> { });

    assertEquals(2, first.frames());
    assertEquals(1, first.duplicates());
    assertNull(first.groundTruth(), "bare images bring no labels");
    assertEquals(0, count(inbox), "the inbox is emptied");
    assertTrue(Files.isRegularFile(root.resolve("collected").resolve(first.batchId())
        .resolve("received/drive-1/a-again.png")));

    TestImages.write(inbox.resolve("c.png"), 66, 32);
    Files.copy(root.resolve("collected").resolve(first.batchId())
        .resolve("received/drive-1/b.png"), inbox.resolve("b-dropped-twice.png"));
    CollectResult second = new InboxCollection(batches).collect(inbox, null, n -> { });

    assertEquals(1, second.frames());
    assertEquals(1, second.duplicates(), "b was collected by the earlier batch");
  }

  @Test
  void anInboxHoldingAKittiDatasetKeepsItsLabelsAsGroundTruth() throws Exception {
    Path inbox = TestImages.copyFixture("kitti", dir.resolve("inbox"));
    TestImages.write(inbox.resolve("training/image_2/000000.png"), 1242, 375);
    TestImages.write(inbox.resolve("training/image_2/000001.png"), 1241, 375);

    CollectResult result = new InboxCollection(batches).collect(inbox, "kitti", n -> { });

    assertEquals(2, result.frames());
    assertTrue(manifest(root.resolve(result.manifest())).stream()
        .allMatch(f -> f.objects().isEmpty()));
    assertEquals(7, manifest(root.resolve(result.groundTruth()).resolve("frames.jsonl"))
        .stream().mapToInt(f -> f.objects().size()).sum());
  }

  private long countImages() throws IOException {
    try (Stream<Path> walk = Files.walk(root.resolve("images"))) {
      return walk.filter(p -> p.toString().endsWith(".png")).count();
    }
  }

  private static long count(Path folder) throws IOException {
    try (Stream<Path> list = Files.list(folder)) {
      return list.count();
    }
  }

  private static List<Frame> manifest(Path file) throws IOException {
    List<Frame> frames = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      frames.add(Mappers.json().readValue(line, Frame.class));
    }
    return frames;
  }

}
