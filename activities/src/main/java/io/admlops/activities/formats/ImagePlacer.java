package io.admlops.activities.formats;

import io.admlops.schemas.UserInputException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Puts a frame's image into an exported dataset: a hard link when source and output share a
 * file system (instant, no extra space), a copy otherwise. Exports are self-contained folders
 * either way.
 */
public final class ImagePlacer {

  private final Path imagesDir;

  /** @param imagesDir the export's image folder, created when missing */
  public ImagePlacer(Path imagesDir) throws IOException {
    this.imagesDir = Files.createDirectories(imagesDir);
  }

  /**
   * Places {@code source} under the image folder as {@code name} (which may contain
   * subfolders) and returns where it landed.
   *
   * @throws IOException naming the image when it is missing or cannot be placed
   */
  public Path place(Path source, String name) throws IOException {
    Path target = imagesDir.resolve(name).normalize();
    if (!target.startsWith(imagesDir)) {
      throw new IllegalArgumentException("image name " + name + " leaves " + imagesDir);
    }
    Files.createDirectories(target.getParent());
    try {
      Files.createLink(target, source);
    } catch (FileAlreadyExistsException e) {
      throw new UserInputException("two frames write the same image " + target + "; frame ids "
          + "must stay unique as file names (other than letters, digits, '.', '_' and '-' "
          + "become '_')", e);
    } catch (IOException | UnsupportedOperationException e) {
      if (!Files.isRegularFile(source)) {
        throw new IOException("image " + source + " does not exist", e);
      }
      Files.copy(source, target);
    }
    return target;
  }

  /** The file name of a frame's image with its extension, e.g. {@code 000042.png}. */
  public static String fileName(String frameId, Path source) {
    String name = source.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return fileStem(frameId) + (dot >= 0 ? name.substring(dot) : "");
  }

  /**
   * A frame id as a file name stem that stays inside the export: characters other than
   * letters, digits, '.', '_' and '-' become '_' (so {@code seq1/000001} is
   * {@code seq1_000001}), and a leading '.' becomes '_' (no hidden files, no {@code ..}).
   */
  public static String fileStem(String frameId) {
    String safe = frameId.replaceAll("[^A-Za-z0-9._-]", "_");
    return safe.isEmpty() || safe.charAt(0) == '.' ? "_" + safe : safe;
  }
}
