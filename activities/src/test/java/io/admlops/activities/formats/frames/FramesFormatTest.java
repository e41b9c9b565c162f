package io.admlops.activities.formats.frames;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admlops.activities.formats.DatasetConversion;
import io.admlops.activities.formats.DatasetFormat;
import io.admlops.activities.formats.FrameCollector;
import io.admlops.activities.formats.Taxonomy;
import io.admlops.activities.formats.TestImages;
import io.admlops.activities.formats.kitti.KittiReader;
import io.admlops.activities.formats.kitti.KittiWriter;
import io.admlops.schemas.frame.Frame;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FramesFormatTest {

  @TempDir Path dir;
  private Path kitti;

  @BeforeEach
  void kittiFixture() {
    kitti = TestImages.copyFixture("kitti", dir.resolve("kitti"));
    TestImages.write(kitti.resolve("training/image_2/000000.png"), 1242, 375);
    TestImages.write(kitti.resolve("training/image_2/000001.png"), 1242, 375);
  }

  @Test
  void kittiThroughTheUnifiedFormatAndBackIsUnchanged() throws Exception {
    Path frames = dir.resolve("frames");
    Path back = dir.resolve("back");
    DatasetConversion.convert(DatasetFormat.KITTI, kitti, DatasetFormat.FRAMES, frames,
        Taxonomy.SOURCE, false);
    DatasetConversion.convert(DatasetFormat.FRAMES, frames, DatasetFormat.KITTI, back,
        Taxonomy.SOURCE, false);

    for (String id : List.of("000000", "000001")) {
      assertEquals(Files.readString(kitti.resolve("training/label_2/" + id + ".txt")),
          Files.readString(back.resolve("label_2/" + id + ".txt")));
    }
    assertEquals(Files.readString(kitti.resolve("training/calib/000000.txt")).lines()
        .filter(l -> l.startsWith("P2:")).map(l -> l.split("\\s+").length).findFirst(),
        Files.readString(back.resolve("calib/000000.txt")).lines()
            .filter(l -> l.startsWith("P2:")).map(l -> l.split("\\s+").length).findFirst());
    List<String> lines = Files.readAllLines(frames.resolve("frames.jsonl"));
    assertEquals(2, lines.size());
    assertTrue(lines.get(0).contains("\"uri\":\"images/000000.png\""), lines.get(0));
  }

  @Test
  void framesKeepTheirImagesRelativeToTheManifest() throws Exception {
    Path frames = dir.resolve("frames");
    DatasetConversion.convert(DatasetFormat.KITTI, kitti, DatasetFormat.FRAMES, frames,
        Taxonomy.SOURCE, false);
    Path moved = Files.move(frames, dir.resolve("elsewhere"));

    List<Frame> read = FrameCollector.read(new FramesReader(), moved).frames();

    assertEquals(moved.resolve("images/000001.png").toString(), read.get(1).image().uri());
    assertEquals(FrameCollector.read(new KittiReader(), kitti).frames().get(1).objects(),
        read.get(1).objects());
  }

  @Test
  void frameIdsBecomeFileNamesThatStayInsideTheExport() throws Exception {
    Frame original = FrameCollector.read(new KittiReader(), kitti).frames().get(0);
    Path out = Files.createDirectories(dir.resolve("out"));
    KittiWriter writer =
        new KittiWriter(out, Taxonomy.SOURCE);

    writer.write(new Frame("drive-7/000001", original.image(), original.camera(),
        original.objects(), null, null, null));
    writer.write(new Frame("../../escape", FrameCollector.read(new KittiReader(), kitti)
        .frames().get(1).image(), null, List.of(), null, null, null));

    assertTrue(Files.isRegularFile(out.resolve("label_2/drive-7_000001.txt")));
    assertTrue(Files.isRegularFile(out.resolve("image_2/drive-7_000001.png")));
    assertTrue(Files.isRegularFile(out.resolve("label_2/_.._.._escape.txt")));
    assertEquals(List.of("calib", "image_2", "label_2"), Files.list(out)
        .map(p -> p.getFileName().toString()).sorted().toList());
  }

  @Test
  void eachInvalidLineIsReportedAtItsLine() throws Exception {
    Path frames = dir.resolve("frames");
    DatasetConversion.convert(DatasetFormat.KITTI, kitti, DatasetFormat.FRAMES, frames,
        Taxonomy.SOURCE, false);
    Path manifest = frames.resolve("frames.jsonl");
    String first = Files.readAllLines(manifest).get(0);
    Files.writeString(manifest, Files.readString(manifest)
        + first + "\n"
        + "{\"id\": \"x\", \"image\": {\"uri\": \"images/none.png\", \"width\": 4, \"height\": 3}}\n"
        + "{not json\n"
        + "null\n"
        + "{\"id\": \"y\", \"image\": {\"uri\": \"images/000000.png\", \"width\": 1242, "
        + "\"height\": 375}, \"objects\": [{\"category\": \"Car\", \"box\": {\"x1\": 5, "
        + "\"y1\": 5, \"x2\": 2, \"y2\": 9}}]}\n");

    FrameCollector read = FrameCollector.read(new FramesReader(), frames);

    List<String> problems = read.problems().problems().stream().map(Object::toString).toList();
    assertEquals(List.of(
        manifest + ":3: error: duplicate frame id '000000'",
        manifest + ":4: error: image images/none.png is missing",
        manifest + ":5: error: not a frame: Unexpected character ('n' (code 110)): was "
            + "expecting double-quote to start field name",
        manifest + ":6: error: not a frame: null",
        manifest + ":7 objects[0]: error: box (5.0, 5.0, 2.0, 9.0) has zero or negative size"),
        problems);
    assertEquals(3, read.frames().size());
  }
}
