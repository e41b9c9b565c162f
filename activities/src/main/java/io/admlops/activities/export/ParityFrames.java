package io.admlops.activities.export;

import io.admlops.activities.collect.generator.DriveLogGenerator;
import io.admlops.activities.collect.generator.ScenarioMix;
import io.admlops.activities.predict.ImageFolder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** The frames a parity check runs on: a user's folder of images, or generated road scenes. */
public final class ParityFrames {

  private ParityFrames() {}

  /**
   * Every PNG and JPEG image of a folder, in path order.
   *
   * @throws io.admlops.schemas.UserInputException when the folder is missing, holds no image,
   *     or an image cannot be decoded
   */
  public static List<BufferedImage> folder(Path folder) throws IOException {
    List<BufferedImage> images = new ArrayList<>();
    for (Path file : ImageFolder.list(folder)) {
      images.add(ImageFolder.read(file));
    }
    return images;
  }

  /**
   * Frames the scenario generator renders in memory: the same mix and seed give the same
   * frames, so a check can be repeated exactly.
   *
   * @param mix a scenario mix file, e.g. {@code configs/collect/fleet.yaml}
   * @throws io.admlops.schemas.UserInputException when the mix file is missing or malformed
   */
  public static List<BufferedImage> generated(Path mix, long seed, int count)
      throws IOException {
    List<BufferedImage> images = new ArrayList<>();
    new DriveLogGenerator(ScenarioMix.load(mix), seed).generate(count, frame ->
        images.add(ImageIO.read(new ByteArrayInputStream(frame.png()))));
    return images;
  }
}
