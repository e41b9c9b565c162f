package io.admlops.activities.train;

import io.admlops.activities.RepositoryFiles;
import io.admlops.activities.collect.generator.DriveLogGenerator;
import io.admlops.activities.collect.generator.ScenarioMix;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.ImageRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Labeled frames from the scenario generator, written as PNGs into a folder; for tests. */
public final class GeneratedFrames {

  private GeneratedFrames() {}

  /** {@code count} frames of a mix in {@code configs/collect}, images under {@code folder}. */
  public static List<Frame> write(String mix, long seed, int count, Path folder)
      throws IOException {
    ScenarioMix scenarios = ScenarioMix.load(RepositoryFiles.locate("configs/collect/" + mix));
    Files.createDirectories(folder);
    List<Frame> frames = new ArrayList<>();
    new DriveLogGenerator(scenarios, seed).generate(count, generated -> {
      Frame frame = generated.frame();
      Path image = folder.resolve(frame.id().replace('/', '-') + ".png");
      Files.write(image, generated.png());
      ImageRef ref = frame.image();
      frames.add(new Frame(frame.id(), new ImageRef(image.toString(), ref.width(), ref.height(),
          ref.sha256()), frame.camera(), frame.objects(), frame.lanes(), frame.scene(),
          frame.provenance()));
    });
    return frames;
  }
}
