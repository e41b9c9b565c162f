package io.admlops.activities.formats.culane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admlops.activities.formats.Problem;
import io.admlops.activities.formats.ProblemLog;
import io.admlops.activities.formats.ReadContext;
import io.admlops.activities.formats.TestImages;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.Lane;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CuLaneReaderTest {

  private static final String CLIP_23 = "driver_23_30frame/05151649_0422.MP4";
  private static final String CLIP_161 = "driver_161_90frame/06030819_0755.MP4";

  @TempDir
  Path temp;

  @Test
  void readsEveryLaneWithItsExactPointsBottomUp() throws IOException {
    Path root = validDataset();
    ReadContext context = ReadContext.keepingSourceClasses();

    List<Frame> frames = read(root, context);

    Frame first = frameWithId(frames, "driver_23_30frame_05151649_0422.MP4_00000");
    assertEquals(2, first.lanes().size());
    assertEquals(List.of(new Lane.Point(-12.5, 590), new Lane.Point(31.25, 580),
        new Lane.Point(74.75, 570), new Lane.Point(118.5, 560)), first.lanes().get(0).points());
    assertEquals(List.of(new Lane.Point(612.4, 590), new Lane.Point(625.9, 580),
        new Lane.Point(639.1, 570), new Lane.Point(652.6, 560)), first.lanes().get(1).points());
    assertNull(first.lanes().get(0).kind());
    assertTrue(first.objects().isEmpty());
    assertEquals(1640, first.image().width());
    assertEquals(590, first.image().height());
    assertEquals(root.resolve(CLIP_23 + "/00000.jpg").toAbsolutePath().toString(),
        first.image().uri());
    assertEquals(0, context.problems().errorCount() + context.problems().warningCount(),
        context.problems().problems().toString());
  }

  @Test
  void framesOfDifferentClipsWithTheSameNameGetDistinctIds() throws IOException {
    List<Frame> frames = read(validDataset(), ReadContext.keepingSourceClasses());

    assertEquals(List.of(
        "driver_161_90frame_06030819_0755.MP4_00000",
        "driver_161_90frame_06030819_0755.MP4_00030",
        "driver_23_30frame_05151649_0422.MP4_00000",
        "driver_23_30frame_05151649_0422.MP4_00030"), frames.stream().map(Frame::id).toList());
  }

  @Test
  void recordsTheClipAsSequenceAndTheFileNumberAsIndex() throws IOException {
    List<Frame> frames = read(validDataset(), ReadContext.keepingSourceClasses());

    Frame frame = frameWithId(frames, "driver_23_30frame_05151649_0422.MP4_00030");
    assertEquals("culane", frame.provenance().source());
    assertEquals(CLIP_23 + "/00030.jpg", frame.provenance().originalId());
    assertEquals(CLIP_23, frame.provenance().sequenceId());
    assertEquals(30, frame.provenance().frameIndex());
    assertEquals(List.of(new Lane.Point(1201.75, 590), new Lane.Point(1180.5, 580),
        new Lane.Point(1159.25, 570)), frame.lanes().get(0).points());
  }

  @Test
  void anEmptyLinesFileIsAFrameWithoutLanes() throws IOException {
    List<Frame> frames = read(validDataset(), ReadContext.keepingSourceClasses());

    assertTrue(frameWithId(frames, "driver_161_90frame_06030819_0755.MP4_00030").lanes()
        .isEmpty());
  }

  @Test
  void reportsEachInvalidLaneAtItsFileAndLineAndKeepsTheValidOnes() throws IOException {
    Path root = TestImages.copyFixture("culane/invalid", temp.resolve("invalid"));
    Path clip = root.resolve("driver_37_30frame/05181432_0203.MP4");
    TestImages.write(clip.resolve("00000.jpg"), 1640, 590);
    ReadContext context = ReadContext.keepingSourceClasses();

    List<Frame> frames = read(root, context);

    Path lines = clip.resolve("00000.lines.txt");
    ProblemLog problems = context.problems();
    assertError(problems, ProblemLog.at(lines, 2), "odd number of values (3)");
    assertError(problems, ProblemLog.at(lines, 3), "value 3 is not a number: 'abc'");
    assertError(problems, ProblemLog.at(lines, 4), "value 3 is NaN");
    assertError(problems, ProblemLog.at(lines, 5), "at least 2 points, has 1");
    assertError(problems, ProblemLog.at(lines, 6),
        "point 2 (110, 620) lies below or above the 1640x590 image");
    assertError(problems, ProblemLog.at(clip.resolve("00030.lines.txt"), 1),
        "image 00030.jpg is missing");
    assertEquals(6, problems.errorCount());
    assertEquals(1, frames.size());
    assertEquals(List.of(new Lane.Point(400, 590), new Lane.Point(410, 580),
        new Lane.Point(420, 570)), frames.get(0).lanes().get(0).points());
    assertEquals(1, frames.get(0).lanes().size());
  }

  @Test
  void anImageWhoseHeaderCannotBeReadIsAnErrorAtTheImage() throws IOException {
    Path root = validDataset();
    Path broken = Files.writeString(root.resolve(CLIP_161 + "/00000.jpg"), "truncated");
    ReadContext context = ReadContext.keepingSourceClasses();

    List<Frame> frames = read(root, context);

    assertEquals(3, frames.size());
    assertError(context.problems(), broken.toString(), "not a PNG or JPEG");
  }

  @Test
  void aFolderWithoutLinesFilesFailsNamingTheFolder() throws IOException {
    Files.createDirectories(temp.resolve("list"));

    UserInputException e = assertThrows(UserInputException.class,
        () -> read(temp, ReadContext.keepingSourceClasses()));

    assertTrue(e.getMessage().startsWith(temp + ": no *.lines.txt files"), e.getMessage());
  }

  private Path validDataset() {
    Path root = TestImages.copyFixture("culane/valid", temp.resolve("valid"));
    for (String frame : List.of(CLIP_23 + "/00000", CLIP_23 + "/00030", CLIP_161 + "/00000",
        CLIP_161 + "/00030")) {
      TestImages.write(root.resolve(frame + ".jpg"), 1640, 590);
    }
    return root;
  }

  private static List<Frame> read(Path root, ReadContext context) throws IOException {
    List<Frame> frames = new ArrayList<>();
    new CuLaneReader().read(root, context, frames::add);
    return frames;
  }

  private static Frame frameWithId(List<Frame> frames, String id) {
    return frames.stream().filter(f -> f.id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no frame " + id));
  }

  private static void assertError(ProblemLog log, String location, String text) {
    Problem problem = log.problems().stream().filter(p -> p.location().equals(location))
        .findFirst().orElseThrow(() -> new AssertionError("no problem at " + location
            + " among " + log.problems()));
    assertEquals(Problem.Severity.ERROR, problem.severity(), problem.toString());
    assertTrue(problem.message().contains(text), problem.toString());
  }
}
