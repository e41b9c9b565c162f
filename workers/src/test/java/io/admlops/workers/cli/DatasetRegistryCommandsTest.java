package io.admlops.workers.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admlops.activities.formats.TestImages;
import io.admlops.activities.store.DatabaseTarget;
import io.admlops.activities.store.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry commands as a user runs them: import, a child version, show, diff, export. */
class DatasetRegistryCommandsTest {

  @TempDir Path dir;
  private Path kitti;
  private String dbUrl;
  private Path store;

  @BeforeEach
  void kittiAndAFreshRegistry() {
    kitti = TestImages.copyFixture("kitti", dir.resolve("kitti"));
    TestImages.write(kitti.resolve("training/image_2/000000.png"), 1242, 375);
    DatabaseTarget target = TestDatabase.freshSchema();
    dbUrl = target.jdbcUrl() + "&user=" + target.user()
        + (target.password() == null ? "" : "&password=" + target.password());
    store = dir.resolve("store");
  }

  @Test
  void importsAVersionThenAChildAndReportsWhatItAdded() throws Exception {
    Files.delete(kitti.resolve("training/label_2/000001.txt"));
    CliRun first = registry("import", "--name", "fleet", "--format", "kitti", "--src",
        kitti.toString(), "--classes", definition().toString(), "--note", "first drive");
    assertEquals(0, first.exitCode(), first.err());
    assertTrue(first.out().startsWith("fleet v1: 1 frames, 1 objects; train "), first.out());

    Path more = TestImages.copyFixture("kitti", dir.resolve("more"));
    Files.delete(more.resolve("training/label_2/000000.txt"));
    TestImages.write(more.resolve("training/image_2/000001.png"), 1240, 370);
    CliRun second = registry("import", "--name", "fleet", "--format", "kitti", "--src",
        more.toString(), "--classes", definition().toString(), "--parent", "1");
    assertEquals(0, second.exitCode(), second.err());
    assertTrue(second.out().startsWith("fleet v2 (parent v1): 2 frames, 7 objects;"),
        second.out());

    CliRun diff = registry("diff", "fleet", "2");
    assertEquals(0, diff.exitCode(), diff.err());
    assertTrue(diff.out().startsWith("fleet v2 over v1: 1 samples added, 0 relabeled\n"
        + "  added frames: 000001\n"), diff.out());
    assertTrue(diff.out().contains("car"), diff.out());

    CliRun show = registry("show", "fleet", "2");
    assertTrue(show.out().contains("  car "), show.out());

    Path out = dir.resolve("export");
    CliRun export = registry("export", "fleet", "2", "--to", "kitti", "--out",
        out.toString());
    assertEquals(0, export.exitCode(), export.err());
    assertEquals(2, Files.list(out.resolve("label_2")).count());

    CliRun list = registry("list");
    assertTrue(list.out().startsWith("fleet "), list.out());
  }

  @Test
  void importingTheSameContentTwiceGivesTheSameVersion() {
    // A different size, so the two frames' images differ in their bytes.
    TestImages.write(kitti.resolve("training/image_2/000001.png"), 1241, 375);
    CliRun first = registry("import", "--name", "same", "--format", "kitti", "--src",
        kitti.toString());
    CliRun again = registry("import", "--name", "same", "--format", "kitti", "--src",
        kitti.toString());

    assertEquals(first.out(), again.out());
    assertTrue(again.out().startsWith("same v1: 2 frames"), again.out());
  }

  @Test
  void anUnknownDatasetIsOneLine() {
    CliRun run = registry("show", "nope", "1");

    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith("admlops: unknown dataset 'nope'"), run.err());
  }

  private CliRun registry(String... args) {
    String[] full = new String[args.length + 5];
    full[0] = "dataset";
    System.arraycopy(args, 0, full, 1, args.length);
    full[args.length + 1] = "--db-url";
    full[args.length + 2] = dbUrl;
    full[args.length + 3] = "--store";
    full[args.length + 4] = store.toString();
    return CliRun.of(full);
  }

  private Path definition() throws Exception {
    Path file = dir.resolve("driving.yaml");
    Files.writeString(file, "name: driving\nclasses: [car, truck, pedestrian, cyclist]\n"
        + "map: {Car: car, Van: car, Truck: truck, Pedestrian: pedestrian, Cyclist: cyclist}\n");
    return file;
  }
}
