package io.admlops.activities.formats;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Writes real, small PNG or JPEG files of a given size for dataset fixtures: label fixtures
 * are text kept under {@code src/test/resources/fixtures/}, their images are made here.
 */
public final class TestImages {

  private TestImages() {}

  /** Writes an image whose format follows the file's extension (.png, .jpg, .jpeg). */
  public static Path write(Path file, int width, int height) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    String format = name.endsWith(".png") ? "png" : "jpg";
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(90, 120, 150));
    g.fillRect(0, 0, width, height);
    g.dispose();
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      if (!ImageIO.write(image, format, file.toFile())) {
        throw new IOException("no ImageIO writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /**
   * Copies a fixture folder from the test resources into {@code target}; works from the
   * test classes folder and from the test jar other modules see.
   */
  public static Path copyFixture(String name, Path target) {
    try {
      URI uri = TestImages.class.getResource("/fixtures/" + name).toURI();
      if ("jar".equals(uri.getScheme())) {
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
          copyTree(jar.provider().getPath(uri), target);
        }
      } else {
        copyTree(Path.of(uri), target);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void copyTree(Path source, Path target) throws IOException {
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path p : paths.toList()) {
        Path to = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
  }
}
