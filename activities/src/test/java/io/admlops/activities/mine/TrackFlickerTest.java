package io.admlops.activities.mine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.admlops.activities.detector.Detection;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.Provenance;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackFlickerTest {

  private static final int CAR = 0;
  private static final int PEDESTRIAN = 3;

  private final TrackFlicker flicker = new TrackFlicker(0.3);

  @Test
  void aDetectionSeenInNeitherNeighbourPopsIn() {
    List<List<Detection>> drive = new ArrayList<>();
    for (int t = 0; t < 5; t++) {
      drive.add(new ArrayList<>(List.of(car(t))));
    }
    drive.get(2).add(new Detection(PEDESTRIAN, 0.4, 200, 40, 210, 70));

    double[] scores = flicker.scores(frames("seq-a", 5), drive);

    // Frame 2 has two tracks, the steady car and the pedestrian seen only there.
    assertArrayEquals(new double[] {0, 0, 0.5, 0, 0}, scores, 1e-12);
  }

  @Test
  void anObjectSeenBeforeAndAfterButNotInBetweenDropsOut() {
    List<List<Detection>> drive = new ArrayList<>();
    for (int t = 0; t < 5; t++) {
      drive.add(t == 2 ? List.of() : List.of(car(t)));
    }

    double[] scores = flicker.scores(frames("seq-a", 5), drive);

    // The car missing from frame 2 is that frame's one track; its neighbours each still
    // see the car in their other neighbour.
    assertArrayEquals(new double[] {0, 0, 1, 0, 0}, scores, 1e-12);
  }

  @Test
  void anotherClassOrTooLittleOverlapIsNotTheSameObject() {
    List<List<Detection>> drive = List.of(
        List.of(car(0)),
        List.of(new Detection(PEDESTRIAN, 0.6, 100, 50, 140, 80),
            new Detection(CAR, 0.6, 300, 50, 340, 80)),
        List.of(car(2)));

    double[] scores = flicker.scores(frames("seq-a", 3), drive);

    // In frame 1 the pedestrian where the car is and the car far from it both pop in, and
    // the car of frames 0 and 2 drops out: three flickering tracks out of three.
    assertArrayEquals(new double[] {1, 1, 1}, scores, 1e-12);
  }

  @Test
  void framesOfOtherDrivesOrOutsideAnyDriveAreNotNeighbours() {
    List<Frame> frames = new ArrayList<>(frames("seq-a", 1));
    frames.addAll(frames("seq-b", 1));
    frames.add(new Frame("loose", null, null, null, null, null, null));

    double[] scores = flicker.scores(frames, List.of(List.of(car(0)), List.of(car(0)),
        List.of(car(0))));

    assertArrayEquals(new double[] {0, 0, 0}, scores, 1e-12);
  }

  @Test
  void scoresDoNotDependOnTheOrderFramesArriveIn() {
    List<List<Detection>> drive = List.of(List.of(car(0)), List.of(), List.of(car(2)),
        List.of(car(3)));
    List<Frame> frames = frames("seq-a", 4);

    double[] inOrder = flicker.scores(frames, drive);
    double[] reversed = flicker.scores(reverse(frames), reverse(drive));

    assertArrayEquals(inOrder, reverseScores(reversed), 1e-12);
    assertArrayEquals(new double[] {1, 1, 0, 0}, inOrder, 1e-12);
  }

  /** A car driving slowly to the right, overlapping itself from frame to frame. */
  private static Detection car(int t) {
    return new Detection(CAR, 0.8, 100 + 3 * t, 50, 140 + 3 * t, 80);
  }

  private static List<Frame> frames(String sequence, int count) {
    List<Frame> frames = new ArrayList<>();
    for (int t = 0; t < count; t++) {
      frames.add(new Frame(sequence + "/" + t, null, null, null, null, null,
          new Provenance("generator", sequence + "/" + t, sequence, t, null)));
    }
    return frames;
  }

  private static <T> List<T> reverse(List<T> list) {
    List<T> reversed = new ArrayList<>(list);
    java.util.Collections.reverse(reversed);
    return reversed;
  }

  private static double[] reverseScores(double[] scores) {
    double[] out = new double[scores.length];
    for (int i = 0; i < scores.length; i++) {
      out[i] = scores[scores.length - 1 - i];
    }
    return out;
  }
}
