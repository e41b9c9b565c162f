package io.admlops.activities.predict;

import io.admlops.schemas.UserInputException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/** A folder of PNG and JPEG images a user points a model at. */
public final class ImageFolder {

  private ImageFolder() {}

  /**
   * The PNG and JPEG files directly in a folder, in path order.
   *
   * @throws UserInputException when the folder is missing or holds no such image
   */
  public static List<Path> list(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      throw new UserInputException(folder + ": no such folder");
    }
    try (Stream<Path> entries = Files.list(folder)) {
      List<Path> images = entries.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT)
              .matches(".*\\.(png|jpe?g)"))
          .sorted().toList();
      if (images.isEmpty()) {
        throw new UserInputException(folder + ": no PNG or JPEG images");
      }
      return images;
    }
  }

  /**
   * One image, decoded.
   *
   * @throws UserInputException when the file is not an image that can be decoded
   */
  public static BufferedImage read(Path file) throws IOException {
    BufferedImage image = ImageIO.read(file.toFile());
    if (image == null) {
      throw new UserInputException(file + ": not a PNG or JPEG image that can be decoded");
    }
    return image;
  }
}
