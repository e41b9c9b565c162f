package io.admlops.activities.datasets;

import static io.admlops.schemas.db.Tables.ANNOTATION;
import static io.admlops.schemas.db.Tables.DATASET_VERSION;
import static io.admlops.schemas.db.Tables.DATASET_VERSION_SAMPLE;
import static io.admlops.schemas.db.Tables.SAMPLE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admlops.activities.datasets.VersionDiff.ClassDelta;
import io.admlops.activities.formats.DatasetDefinition;
import io.admlops.activities.formats.ProblemLog;
import io.admlops.activities.formats.ReadContext;
import io.admlops.activities.formats.TestImages;
import io.admlops.activities.formats.frames.FramesReader;
import io.admlops.activities.formats.kitti.KittiReader;
import io.admlops.activities.store.RegistryDatabase;
import io.admlops.activities.store.Sha256;
import io.admlops.activities.store.TestDatabase;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.frame.Box2D;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.FrameObject;
import io.admlops.schemas.frame.ImageRef;
import io.admlops.schemas.frame.Provenance;
import io.admlops.schemas.frame.SceneAttributes;
import io.admlops.schemas.json.Mappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetRegistryTest {

  @TempDir
  Path storeRoot;

  @TempDir
  Path source;

  private DSLContext dsl;
  private DatasetRegistry registry;

  @BeforeEach
  void openRegistry() {
    RegistryDatabase database = TestDatabase.freshRegistry();
    dsl = database.dsl();
    registry = new DatasetRegistry(database, new DatasetStore(storeRoot));
  }

  @Test
  void importingTheSameFramesTwiceGivesOneVersion() throws IOException {
    List<Frame> frames = List.of(frame("a", 40, "car"), frame("b", 41, "car", "pedestrian"),
        frame("c", 42));

    DatasetVersionInfo first = registry.importVersion("fleet", null, FrameSource.of(frames),
        null, "first");
    DatasetVersionInfo retried = registry.importVersion("fleet", null,
        FrameSource.of(List.of(frames.get(2), frames.get(0), frames.get(1))), null, "retry");

    assertEquals(1, first.version());
    assertEquals(3, first.frames());
    assertEquals(3, first.objects());
    assertEquals(first.contentHash(), retried.contentHash());
    assertEquals(1, retried.version());
    assertEquals("first", retried.note());
    assertEquals(1, dsl.fetchCount(DATASET_VERSION));
    assertEquals(3, dsl.fetchCount(SAMPLE));
    assertEquals(3, dsl.fetchCount(ANNOTATION));
    assertEquals(3, dsl.fetchCount(DATASET_VERSION_SAMPLE));
    assertEquals(1, files(storeRoot.resolve("manifests/fleet")).size());
  }

  @Test
  void theContentHashDoesNotDependOnFrameOrder() throws IOException {
    List<Frame> frames = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      frames.add(frame("f" + i, 40 + i, i % 2 == 0 ? "car" : "cyclist"));
    }
    List<Frame> reversed = new ArrayList<>(frames);
    Collections.reverse(reversed);

    DatasetVersionInfo forward = registry.importVersion("forward", null,
        FrameSource.of(frames), null, null);
    DatasetVersionInfo backward = registry.importVersion("backward", null,
        FrameSource.of(reversed), null, null);

    assertEquals(forward.contentHash(), backward.contentHash());
    assertTrue(forward.contentHash().matches("[0-9a-f]{64}"), forward.contentHash());
  }

  @Test
  void differentLabelsOnTheSameImagesMakeANewVersion() throws IOException {
    Frame car = frame("a", 40, "car");
    registry.importVersion("fleet", null, FrameSource.of(List.of(car)), null, null);

    DatasetVersionInfo relabeled = registry.importVersion("fleet", null,
        FrameSource.of(List.of(car.withObjects(List.of(object("truck"))))), null, null);

    assertEquals(2, relabeled.version());
    assertEquals(1, dsl.fetchCount(SAMPLE));
    assertEquals(2, dsl.fetchCount(ANNOTATION));
  }

  @Test
  void aChildVersionKeepsItsParentsSamplesAndTheDiffNamesWhatWasAdded() throws IOException {
    registry.importVersion("fleet", null, FrameSource.of(List.of(frame("a", 40, "car"),
        frame("b", 41, "car", "pedestrian"), frame("c", 42, "pedestrian"))), null, null);

    DatasetVersionInfo child = registry.importVersion("fleet", null, FrameSource.of(List.of(
        frame("d", 43, "cyclist", "car"), frame("e", 44, "cyclist"))), 1, "mined night frames");

    assertEquals(2, child.version());
    assertEquals(1, child.parentVersion());
    assertEquals(5, child.frames());
    assertEquals(7, child.objects());
    assertEquals(5, dsl.fetchCount(DATASET_VERSION_SAMPLE,
        DATASET_VERSION_SAMPLE.DATASET_VERSION_ID.eq(versionId(2))));
    assertEquals(List.of("a", "b", "c", "d", "e"), exportedIds("fleet", 2));

    VersionDiff diff = registry.diff("fleet", 2);

    assertEquals(1, diff.parentVersion());
    assertEquals(2, diff.samplesAdded());
    assertEquals(List.of("d", "e"), diff.addedFrameIds());
    assertEquals(0, diff.samplesRelabeled());
    assertEquals(List.of("cyclist"), diff.classesAdded());
    assertEquals(List.of(), diff.classesRemoved());
    assertEquals(List.of(new ClassDelta("car", 2, 3), new ClassDelta("cyclist", 0, 2),
        new ClassDelta("pedestrian", 2, 2)), diff.classes());
  }

  @Test
  void anImageImportedAgainOverItsParentTakesTheNewLabels() throws IOException {
    Frame a = frame("a", 40, "car");
    registry.importVersion("fleet", null,
        FrameSource.of(List.of(a, frame("b", 41, "pedestrian"))), null, null);

    DatasetVersionInfo child = registry.importVersion("fleet", null,
        FrameSource.of(List.of(a.withObjects(List.of(object("van"), object("van"))))), 1, null);

    assertEquals(2, child.frames());
    VersionDiff diff = registry.diff("fleet", 2);
    assertEquals(0, diff.samplesAdded());
    assertEquals(1, diff.samplesRelabeled());
    assertEquals(List.of("van"), diff.classesAdded());
    assertEquals(List.of("car"), diff.classesRemoved());
    List<Frame> exported = new ArrayList<>();
    registry.exportVersion("fleet", 2, exported::add);
    Frame relabeled = exported.stream().filter(f -> f.id().equals("a")).findFirst().orElseThrow();
    assertEquals(List.of("van", "van"),
        relabeled.objects().stream().map(FrameObject::category).toList());
  }

  @Test
  void aSampleKeepsItsSplitInEveryVersion() throws IOException {
    List<Frame> parentFrames = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      parentFrames.add(frame("p" + i, 40 + i, "car"));
    }
    registry.importVersion("fleet", null, FrameSource.of(parentFrames), null, null);
    registry.importVersion("fleet", null,
        FrameSource.of(List.of(frame("n0", 90, "car"), frame("n1", 91))), 1, null);

    Map<Long, String> v1 = splits(versionId(1));
    Map<Long, String> v2 = splits(versionId(2));

    assertEquals(30, v1.size());
    assertEquals(32, v2.size());
    v1.forEach((sample, split) -> assertEquals(split, v2.get(sample), "sample " + sample));
    for (var r : dsl.select(SAMPLE.ID, SAMPLE.CONTENT_HASH).from(SAMPLE).fetch()) {
      assertEquals(Split.of(r.value2()).column(), v2.get(r.value1()));
    }
  }

  @Test
  void imagesAreStoredOnceByTheirHash() throws IOException {
    Frame a = frame("a", 40, "car");
    Path copy = Files.copy(Path.of(a.image().uri()), source.resolve("copy-of-a.PNG"));
    Frame sameBytes = new Frame("a-again", new ImageRef(copy.toString(), 40, 30, null), null,
        List.of(object("car")), null, null, Provenance.of("kitti", "a-again"));

    registry.importVersion("fleet", null, FrameSource.of(List.of(a)), null, null);
    registry.importVersion("other", null, FrameSource.of(List.of(sameBytes)), null, null);

    String sha = Sha256.of(Path.of(a.image().uri()));
    List<Path> images = files(storeRoot.resolve("images"));
    assertEquals(List.of(storeRoot.resolve("images/" + sha.substring(0, 2) + "/" + sha + ".png")),
        images);
    assertArrayEquals(Files.readAllBytes(copy), Files.readAllBytes(images.get(0)));
    assertEquals(1, dsl.fetchCount(SAMPLE));
    assertEquals("images/" + sha.substring(0, 2) + "/" + sha + ".png",
        dsl.select(SAMPLE.URI).from(SAMPLE).fetchOne(SAMPLE.URI));
  }

  @Test
  void theManifestNamesImagesRelativeToTheStoreWithTheirHash() throws IOException {
    Frame a = frame("a", 40, "car");
    DatasetVersionInfo v1 =
        registry.importVersion("fleet", null, FrameSource.of(List.of(a)), null, null);

    Path manifest = storeRoot.resolve("manifests/fleet/" + v1.contentHash() + ".jsonl");
    assertEquals("manifests/fleet/" + v1.contentHash() + ".jsonl", v1.manifestUri());
    List<String> lines = Files.readAllLines(manifest);
    assertEquals(1, lines.size());
    Frame stored = Mappers.json().readValue(lines.get(0), Frame.class);
    String sha = Sha256.of(Path.of(a.image().uri()));
    assertEquals(new ImageRef("images/" + sha.substring(0, 2) + "/" + sha + ".png", 40, 30, sha),
        stored.image());
    assertEquals(a.objects(), stored.objects());
    assertEquals("night", stored.scene().timeOfDay());
  }

  @Test
  void samplesKeepWhereTheyCameFromAndTheirConditions() throws IOException {
    registry.importVersion("fleet", null, FrameSource.of(List.of(frame("a", 40, "car"))), null,
        null);

    var row = dsl.selectFrom(SAMPLE).fetchOne();

    assertEquals("kitti", row.getSource());
    assertEquals("a", row.getOriginalId());
    assertEquals(40, row.getWidth());
    assertEquals(30, row.getHeight());
    var attributes = Mappers.json().readTree(row.getAttributes().data());
    assertEquals("night", attributes.path("scene").path("timeOfDay").asText());
    assertEquals("kitti", attributes.path("provenance").path("source").asText());
  }

  @Test
  void listAndShowGiveNewestVersionsCountsAndSplits() throws IOException {
    registry.importVersion("fleet", null, FrameSource.of(List.of(frame("a", 40, "car"))), null,
        null);
    registry.importVersion("fleet", null, FrameSource.of(List.of(frame("b", 41, "car", "car",
        "pedestrian"))), 1, null);
    registry.importVersion("archive", null, FrameSource.of(List.of(frame("c", 42))), null, null);

    List<DatasetSummary> datasets = registry.list();

    assertEquals(List.of("archive", "fleet"), datasets.stream().map(DatasetSummary::name).toList());
    DatasetSummary fleet = datasets.get(1);
    assertEquals(2, fleet.versions());
    assertEquals(2, fleet.latest().version());
    assertEquals("detection-2d", fleet.task());

    VersionDetail detail = registry.show("fleet", 2);

    assertEquals(Map.of("car", 3L, "pedestrian", 1L), detail.objectsPerClass());
    assertEquals(1, detail.info().parentVersion());
    assertEquals(2, detail.info().frames());
    assertEquals(4, detail.info().objects());
    SplitCounts splits = detail.info().splits();
    assertEquals(2, splits.train() + splits.val() + splits.test());
    assertEquals(expectedSplits("a", "b"), splits);
  }

  @Test
  void aVersionWithoutParentDiffsAsEverythingAdded() throws IOException {
    registry.importVersion("fleet", null,
        FrameSource.of(List.of(frame("b", 41, "car"), frame("a", 40, "car"))), null, null);

    VersionDiff diff = registry.diff("fleet", 1);

    assertNull(diff.parentVersion());
    assertEquals(2, diff.samplesAdded());
    assertEquals(List.of("a", "b"), diff.addedFrameIds());
    assertEquals(List.of(new ClassDelta("car", 0, 2)), diff.classes());
  }

  @Test
  void exportStreamsFramesWithAbsoluteImagePathsAndTheDefinitionComesBack() throws IOException {
    DatasetDefinition definition = new DatasetDefinition("fleet", "detection-2d",
        List.of("car", "pedestrian"), Map.of("Car", "car"), null);
    registry.importVersion("fleet", definition,
        FrameSource.of(List.of(frame("a", 40, "car", "pedestrian"))), null, null);

    List<Frame> exported = new ArrayList<>();
    DatasetVersionInfo info = registry.exportVersion("fleet", 1, exported::add);

    assertEquals(1, info.version());
    assertEquals(1, exported.size());
    Path image = Path.of(exported.get(0).image().uri());
    assertTrue(image.isAbsolute(), image.toString());
    assertTrue(image.startsWith(storeRoot), image.toString());
    assertTrue(Files.isRegularFile(image), image.toString());
    assertEquals(List.of("car", "pedestrian"),
        exported.get(0).objects().stream().map(FrameObject::category).toList());
    assertEquals(List.of("car", "pedestrian"), registry.definition("fleet").orElseThrow()
        .classes());
    registry.importVersion("archive", null, FrameSource.of(List.of(frame("z", 60))), null, null);
    assertTrue(registry.definition("archive").isEmpty());
  }

  @Test
  void anUnknownDatasetOrVersionIsNamed() throws IOException {
    UserInputException none = assertThrows(UserInputException.class,
        () -> registry.show("nope", 1));
    assertEquals("unknown dataset 'nope'; the registry holds no datasets yet", none.getMessage());

    registry.importVersion("fleet", null, FrameSource.of(List.of(frame("a", 40, "car"))), null,
        null);

    UserInputException dataset = assertThrows(UserInputException.class,
        () -> registry.diff("nope", 1));
    assertEquals("unknown dataset 'nope'; the registry holds fleet", dataset.getMessage());
    UserInputException version = assertThrows(UserInputException.class,
        () -> registry.exportVersion("fleet", 4, f -> { }));
    assertEquals("dataset 'fleet' has no version 4; its versions are 1 to 1",
        version.getMessage());
  }

  @Test
  void aMissingParentIsNamedAndNothingIsRegistered() throws IOException {
    registry.importVersion("fleet", null, FrameSource.of(List.of(frame("a", 40, "car"))), null,
        null);

    UserInputException e = assertThrows(UserInputException.class,
        () -> registry.importVersion("fleet", null,
            FrameSource.of(List.of(frame("b", 41, "car"))), 3, null));

    assertEquals("dataset 'fleet' has no version 3; its versions are 1 to 1", e.getMessage());
    assertEquals(1, dsl.fetchCount(DATASET_VERSION));
    assertEquals(1, dsl.fetchCount(SAMPLE));
  }

  @Test
  void aReadWithErrorsIsRefusedUnlessInvalidRecordsAreDropped() throws IOException {
    Path dataset = source.resolve("exported");
    TestImages.write(dataset.resolve("images/good.png"), 40, 30);
    Files.writeString(dataset.resolve(FramesReader.MANIFEST), String.join("\n",
        "{\"id\":\"good\",\"image\":{\"uri\":\"images/good.png\",\"width\":40,\"height\":30},"
            + "\"objects\":[{\"category\":\"car\",\"box\":{\"x1\":1,\"y1\":2,\"x2\":20,"
            + "\"y2\":25}}]}",
        "{\"image\":{\"uri\":\"images/good.png\",\"width\":40,\"height\":30}}", ""));
    ReadContext strict = ReadContext.keepingSourceClasses();

    UserInputException e = assertThrows(UserInputException.class,
        () -> registry.importVersion("fleet", null,
            FrameSource.read(new FramesReader(), dataset, strict, false), null, null));

    assertTrue(e.getMessage().startsWith(dataset + ": 1 error, 0 warnings; no dataset version"),
        e.getMessage());
    assertEquals(ProblemLog.at(dataset.resolve(FramesReader.MANIFEST), 2),
        strict.problems().problems().get(0).location());
    assertEquals(0, dsl.fetchCount(DATASET_VERSION));
    assertEquals(0, dsl.fetchCount(SAMPLE));
    assertEquals(List.of(), files(storeRoot.resolve("manifests")));

    DatasetVersionInfo dropped = registry.importVersion("fleet", null, FrameSource.read(
        new FramesReader(), dataset, ReadContext.keepingSourceClasses(), true), null, null);

    assertEquals(1, dropped.frames());
    assertEquals(1, dropped.objects());
  }

  @Test
  void theSameImageTwiceInOneImportIsRefusedNamingBothFrames() throws IOException {
    Frame a = frame("a", 40, "car");
    Frame twin = new Frame("twin", a.image(), null, List.of(), null, null, null);

    UserInputException e = assertThrows(UserInputException.class,
        () -> registry.importVersion("fleet", null, FrameSource.of(List.of(a, twin)), null,
            null));

    assertTrue(e.getMessage().startsWith("frames 'a' and 'twin' have the same image (sha256 "
        + Sha256.of(Path.of(a.image().uri())) + ")"), e.getMessage());
    assertEquals(0, dsl.fetchCount(DATASET_VERSION));
  }

  @Test
  void anImportedFrameReusingAParentIdForAnotherImageIsRenamedAndTheParentKeepsItsId()
      throws IOException {
    registry.importVersion("fleet", null, FrameSource.of(List.of(frame("a", 40, "car"))), null,
        null);
    Path other = TestImages.write(source.resolve("elsewhere/a.png"), 50, 30);
    Frame sameId = new Frame("a", new ImageRef(other.toString(), 50, 30, null), null,
        List.of(), null, null, null);

    DatasetVersionInfo child = registry.importVersion("fleet", null,
        FrameSource.of(List.of(sameId)), 1, null);

    VersionDiff diff = registry.diff("fleet", child.version());
    assertEquals(2, child.frames());
    assertEquals(1, diff.samplesAdded());
    assertTrue(diff.addedFrameIds().get(0).startsWith("a-"), diff.addedFrameIds().toString());
  }

  @Test
  void aCorrectedWeatherMakesANewVersionThatDiffCountsAsRelabeled() throws IOException {
    Frame clear = frame("a", 40, "car");
    registry.importVersion("fleet", null, FrameSource.of(List.of(clear)), null, null);
    Frame foggy = new Frame("a", clear.image(), null, clear.objects(), null,
        new SceneAttributes("night", "foggy", "highway", List.of()), clear.provenance());

    DatasetVersionInfo corrected = registry.importVersion("fleet", null,
        FrameSource.of(List.of(foggy)), 1, null);

    assertEquals(2, corrected.version());
    assertEquals(1, registry.diff("fleet", 2).samplesRelabeled());
  }

  @Test
  void aSourceWithErrorsIsRefusedBeforeAnyImageIsStored() throws IOException {
    Path kitti = TestImages.copyFixture("kitti", source.resolve("kitti"));
    TestImages.write(kitti.resolve("training/image_2/000000.png"), 1242, 375);
    TestImages.write(kitti.resolve("training/image_2/000001.png"), 1241, 375);
    Path labels = kitti.resolve("training/label_2/000001.txt");
    Files.writeString(labels, Files.readString(labels) + "Car 0 0 0 1 1 0 9 1 1 1 1 1 9 0\n");
    ReadContext context = ReadContext.keepingSourceClasses();

    assertThrows(UserInputException.class, () -> registry.importVersion("fleet", null,
        FrameSource.read(new KittiReader(), kitti, context, false), null, null));

    assertEquals(1, context.problems().errorCount());
    assertFalse(Files.exists(storeRoot.resolve("images")) && Files.list(
        storeRoot.resolve("images")).findAny().isPresent(), "no image was copied");
  }

  @Test
  void oneImportGivingOneFrameIdToTwoImagesIsRefused() {
    Path other = TestImages.write(source.resolve("elsewhere/a.png"), 50, 30);
    Frame sameId = new Frame("a", new ImageRef(other.toString(), 50, 30, null), null,
        List.of(), null, null, null);

    UserInputException e = assertThrows(UserInputException.class,
        () -> registry.importVersion("fleet", null,
            FrameSource.of(List.of(frame("a", 40, "car"), sameId)), null, null));

    assertTrue(e.getMessage().startsWith("frame id 'a' names two images (sha256 "),
        e.getMessage());
    assertEquals(0, dsl.fetchCount(DATASET_VERSION));
  }

  @Test
  void aMissingImageIsNamedWithItsFrame() {
    Frame lost = new Frame("lost", new ImageRef(source.resolve("gone.png").toString(), 40, 30,
        null), null, List.of(), null, null, null);

    UserInputException e = assertThrows(UserInputException.class,
        () -> registry.importVersion("fleet", null, FrameSource.of(List.of(lost)), null, null));

    assertEquals("frame 'lost': image " + source.resolve("gone.png") + " does not exist",
        e.getMessage());
  }

  @Test
  void aDatasetNameThatCannotBeAFolderIsRefused() {
    UserInputException e = assertThrows(UserInputException.class,
        () -> registry.importVersion("../escape", null, FrameSource.of(List.of()), null, null));

    assertTrue(e.getMessage().startsWith("dataset name '../escape' is not allowed"),
        e.getMessage());
  }

  private Frame frame(String id, int width, String... categories) {
    Path image = TestImages.write(source.resolve("images/" + id + ".png"), width, 30);
    List<FrameObject> objects = Arrays.stream(categories).map(DatasetRegistryTest::object)
        .toList();
    return new Frame(id, new ImageRef(image.toString(), width, 30, null), null, objects, null,
        new SceneAttributes("night", "clear", "highway", List.of()),
        Provenance.of("kitti", id));
  }

  private static FrameObject object(String category) {
    return FrameObject.box(category, new Box2D(2, 3, 20, 25));
  }

  private List<String> exportedIds(String dataset, int version) throws IOException {
    List<String> ids = new ArrayList<>();
    registry.exportVersion(dataset, version, f -> ids.add(f.id()));
    return ids.stream().sorted().toList();
  }

  private long versionId(int version) {
    return dsl.select(DATASET_VERSION.ID).from(DATASET_VERSION)
        .where(DATASET_VERSION.VERSION.eq(version)).fetchOne(DATASET_VERSION.ID);
  }

  private Map<Long, String> splits(long versionId) {
    return dsl.select(DATASET_VERSION_SAMPLE.SAMPLE_ID, DATASET_VERSION_SAMPLE.SPLIT)
        .from(DATASET_VERSION_SAMPLE)
        .where(DATASET_VERSION_SAMPLE.DATASET_VERSION_ID.eq(versionId))
        .fetchMap(DATASET_VERSION_SAMPLE.SAMPLE_ID, DATASET_VERSION_SAMPLE.SPLIT);
  }

  private SplitCounts expectedSplits(String... ids) throws IOException {
    int[] counts = new int[Split.values().length];
    for (String id : ids) {
      counts[Split.of(Sha256.of(source.resolve("images/" + id + ".png"))).ordinal()]++;
    }
    return new SplitCounts(counts[0], counts[1], counts[2]);
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
