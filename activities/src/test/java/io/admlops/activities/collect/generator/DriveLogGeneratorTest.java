package io.admlops.activities.collect.generator;

import static io.admlops.activities.RepositoryFiles.locate;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admlops.schemas.frame.Box2D;
import io.admlops.schemas.frame.Box3D;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.FrameObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Generated frames: deterministic, labels consistent with the camera, motion and images. */
class DriveLogGeneratorTest {

  private static final ScenarioMix FLEET =
      ScenarioMix.load(locate("configs/collect/fleet.yaml"));

  @Test
  void theSameSeedGivesTheSameBytesAndFramesAnotherSeedOtherBytes() throws Exception {
    List<GeneratedFrame> a = generate(FLEET, 11, 70);
    List<GeneratedFrame> b = generate(FLEET, 11, 70);
    List<GeneratedFrame> c = generate(FLEET, 12, 70);

    assertEquals(70, a.size());
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(a.get(i).png(), b.get(i).png());
      assertEquals(a.get(i).frame(), b.get(i).frame());
    }
    assertFalse(java.util.Arrays.equals(a.get(0).png(), c.get(0).png()));
    assertEquals("seq-000003/000009.png", a.get(69).frame().image().uri());
    assertEquals("seq-000003", a.get(69).frame().provenance().sequenceId());
    assertEquals(9, a.get(69).frame().provenance().frameIndex());
    assertEquals("generator", a.get(69).frame().provenance().source());
  }

  @Test
  void imagesMatchTheirSizeAndHash() throws Exception {
    for (GeneratedFrame f : generate(FLEET, 5, 20)) {
      BufferedImage image = decode(f);
      assertEquals(f.frame().image().width(), image.getWidth());
      assertEquals(f.frame().image().height(), image.getHeight());
      assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(f.png())), f.frame().image().sha256());
    }
  }

  @Test
  void everyBoxIsTheClippedProjectionOfItsThreeDimensionalBox() throws Exception {
    int checked = 0;
    for (GeneratedFrame f : generate(FLEET, 21, 400)) {
      Frame frame = f.frame();
      for (FrameObject o : frame.objects()) {
        Box2D full = projectCorners(frame, o.box3d());
        Box2D clipped = full.clippedTo(frame.image().width(), frame.image().height());
        assertEquals(clipped.x1(), o.box().x1(), 1e-6);
        assertEquals(clipped.y1(), o.box().y1(), 1e-6);
        assertEquals(clipped.x2(), o.box().x2(), 1e-6);
        assertEquals(clipped.y2(), o.box().y2(), 1e-6);
        assertEquals(1 - clipped.area() / full.area(), o.truncation(), 1e-6);
        assertTrue(o.box().height() >= 2, "labeled objects are at least 2 px tall");
        assertTrue(o.occlusion() >= 0 && o.occlusion() <= 2);
        checked++;
      }
    }
    assertTrue(checked > 1000, "checked " + checked + " objects");
  }

  @Test
  void tracksPersistAndStaticObjectsMoveByTheEgoMotion() throws Exception {
    List<GeneratedFrame> frames = generate(FLEET, 3, 200);
    Map<String, Box3D> previous = new HashMap<>();
    Map<String, String> categories = new HashMap<>();
    int staticSteps = 0;
    String sequence = "";
    Double egoStep = null;
    for (GeneratedFrame f : frames) {
      String seq = f.frame().provenance().sequenceId();
      if (!seq.equals(sequence)) {
        sequence = seq;
        previous.clear();
        egoStep = null;
      }
      assertEquals(frames.get((int) (frames.indexOf(f) / 20) * 20).frame().scene(),
          f.frame().scene(), "conditions are constant within a sequence");
      Map<String, Box3D> now = new HashMap<>();
      for (FrameObject o : f.frame().objects()) {
        now.put(o.trackId(), o.box3d());
        assertEquals(categories.computeIfAbsent(seq + o.trackId(), k -> o.category()),
            o.category(), "a track keeps its class");
        Box3D before = previous.get(o.trackId());
        boolean fixed = o.category().startsWith("traffic_");
        if (before != null && fixed) {
          double step = o.box3d().z() - before.z();
          assertEquals(before.x(), o.box3d().x(), 1e-9);
          assertTrue(step < 0, "the ego drives towards standing objects");
          if (egoStep != null) {
            assertEquals(egoStep, step, 1e-9, "one ego speed per sequence");
          }
          egoStep = step;
          staticSteps++;
        }
      }
      previous.clear();
      previous.putAll(now);
    }
    assertTrue(staticSteps > 50, "static steps " + staticSteps);
  }

  @Test
  void objectsEnterAndLeaveTheView() throws Exception {
    List<GeneratedFrame> frames = generate(FLEET, 8, 20);
    List<String> first = trackIds(frames.get(0));
    List<String> last = trackIds(frames.get(19));
    assertTrue(first.stream().anyMatch(t -> !last.contains(t)), "some object left");
    assertTrue(last.stream().anyMatch(t -> !first.contains(t)), "some object entered");
  }

  @Test
  void nightFramesAreDarkerThanDayFrames() throws Exception {
    double day = meanLuminance(generate(TestMixes.only("daytime", "clear", "city street"), 4,
        60));
    double night = meanLuminance(generate(TestMixes.only("night", "clear", "city street"), 4,
        60));
    assertTrue(night < day / 3, "night " + night + " vs day " + day);
  }

  @Test
  void fogLowersTheContrastOfFarObjects() throws Exception {
    // The condition draws are the same for both mixes, so both drives have the same traffic.
    List<GeneratedFrame> clear = generate(TestMixes.only("daytime", "clear", "highway"), 9,
        200);
    List<GeneratedFrame> fog = generate(TestMixes.only("daytime", "foggy", "highway"), 9, 200);
    double clearContrast = 0;
    double fogContrast = 0;
    int compared = 0;
    for (int i = 0; i < clear.size(); i++) {
      BufferedImage clearImage = decode(clear.get(i));
      BufferedImage fogImage = decode(fog.get(i));
      for (FrameObject o : fog.get(i).frame().objects()) {
        if (o.box3d().z() > 25 && o.box().width() >= 3 && o.box().height() >= 3) {
          clearContrast += spread(clearImage, o.box());
          fogContrast += spread(fogImage, o.box());
          compared++;
        }
      }
    }
    assertTrue(compared > 50, "compared " + compared);
    assertTrue(fogContrast < 0.6 * clearContrast,
        "fog " + fogContrast / compared + " vs clear " + clearContrast / compared);
  }

  private static List<GeneratedFrame> generate(ScenarioMix mix, long seed, int frames)
      throws IOException {
    List<GeneratedFrame> out = new ArrayList<>();
    new DriveLogGenerator(mix, seed).generate(frames, out::add);
    return out;
  }

  /** The projection of the 8 corners, computed here independently from the KITTI convention. */
  private static Box2D projectCorners(Frame frame, Box3D b) {
    double c = Math.cos(b.yaw());
    double s = Math.sin(b.yaw());
    double x1 = Double.MAX_VALUE;
    double y1 = Double.MAX_VALUE;
    double x2 = -Double.MAX_VALUE;
    double y2 = -Double.MAX_VALUE;
    for (double dx : new double[] {-b.length() / 2, b.length() / 2}) {
      for (double dz : new double[] {-b.width() / 2, b.width() / 2}) {
        for (double dy : new double[] {0, -b.height()}) {
          double[] uv = frame.camera().project(b.x() + c * dx + s * dz, b.y() + dy,
              b.z() - s * dx + c * dz);
          x1 = Math.min(x1, uv[0]);
          y1 = Math.min(y1, uv[1]);
          x2 = Math.max(x2, uv[0]);
          y2 = Math.max(y2, uv[1]);
        }
      }
    }
    return new Box2D(x1, y1, x2, y2);
  }

  private static List<String> trackIds(GeneratedFrame f) {
    return f.frame().objects().stream().map(FrameObject::trackId).toList();
  }

  private static BufferedImage decode(GeneratedFrame f) {
    try {
      return ImageIO.read(new ByteArrayInputStream(f.png()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double meanLuminance(List<GeneratedFrame> frames) {
    double sum = 0;
    long pixels = 0;
    for (GeneratedFrame f : frames) {
      BufferedImage image = decode(f);
      for (int y = 0; y < image.getHeight(); y++) {
        for (int x = 0; x < image.getWidth(); x++) {
          sum += luminance(image.getRGB(x, y));
          pixels++;
        }
      }
    }
    return sum / pixels;
  }

  /** The standard deviation of luminance inside a box: how much the object stands out. */
  private static double spread(BufferedImage image, Box2D box) {
    double sum = 0;
    double squares = 0;
    int n = 0;
    for (int y = (int) box.y1(); y < (int) Math.ceil(box.y2()) && y < image.getHeight(); y++) {
      for (int x = (int) box.x1(); x < (int) Math.ceil(box.x2()) && x < image.getWidth(); x++) {
        double l = luminance(image.getRGB(x, y));
        sum += l;
        squares += l * l;
        n++;
      }
    }
    double mean = sum / n;
    return Math.sqrt(Math.max(0, squares / n - mean * mean));
  }

  private static double luminance(int rgb) {
    return 0.2126 * ((rgb >> 16) & 0xff) + 0.7152 * ((rgb >> 8) & 0xff) + 0.0722 * (rgb & 0xff);
  }
}
