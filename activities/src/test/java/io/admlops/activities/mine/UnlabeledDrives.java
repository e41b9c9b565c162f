package io.admlops.activities.mine;

import io.admlops.activities.RepositoryFiles;
import io.admlops.activities.collect.generator.DriveLogGenerator;
import io.admlops.activities.collect.generator.ScenarioMix;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.ImageRef;
import io.admlops.schemas.frame.SceneAttributes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Frames as a loop iteration collects them, for tests: drives from a mix of
 * {@code configs/collect} cut short so a few dozen frames cover many conditions, written as
 * PNGs, labels dropped; and frames that only carry a scene, for distributions.
 */
final class UnlabeledDrives {

  private UnlabeledDrives() {}

  /** {@code sequences} drives of {@code framesEach} frames, images under {@code folder}. */
  static List<Frame> write(String mix, long seed, int sequences, int framesEach, Path folder)
      throws IOException {
    ScenarioMix m = ScenarioMix.load(RepositoryFiles.locate("configs/collect/" + mix));
    ScenarioMix shortDrives = new ScenarioMix(m.imageWidth(), m.imageHeight(), m.camera(),
        framesEach, m.frameInterval(), m.egoSpeed(), m.timeOfDay(), m.weather(), m.sceneType(),
        m.objectsPerFrame(), m.classes(), m.occluderProbability());
    Files.createDirectories(folder);
    List<Frame> frames = new ArrayList<>();
    new DriveLogGenerator(shortDrives, seed).generate(sequences * framesEach, generated -> {
      Frame frame = generated.frame();
      Path image = folder.resolve(frame.id().replace('/', '-') + ".png");
      Files.write(image, generated.png());
      ImageRef ref = frame.image();
      frames.add(new Frame(frame.id(), new ImageRef(image.toString(), ref.width(),
          ref.height(), ref.sha256()), frame.camera(), List.of(), frame.lanes(), frame.scene(),
          frame.provenance()));
    });
    return frames;
  }

  /** A frame known only by its id and scene, as a dataset's distribution counts it. */
  static Frame scene(String id, String timeOfDay, String weather, String sceneType) {
    return new Frame(id, null, null, null, null,
        new SceneAttributes(timeOfDay, weather, sceneType, List.of()), null);
  }

  /** {@code count} daytime frames in clear, overcast or rainy weather, on every scene type. */
  static List<Frame> dayOnlyDataset(int count) {
    List<String> weathers = List.of("clear", "overcast", "rainy");
    List<String> scenes = List.of("city street", "highway", "residential");
    List<Frame> frames = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      frames.add(scene("day-" + i, "daytime", weathers.get(i % 3), scenes.get(i / 3 % 3)));
    }
    return frames;
  }

  /** Whether a frame is of the conditions a day-only dataset lacks: night or fog. */
  static boolean nightOrFog(Frame frame) {
    return "night".equals(frame.scene().timeOfDay()) || "foggy".equals(frame.scene().weather());
  }
}
