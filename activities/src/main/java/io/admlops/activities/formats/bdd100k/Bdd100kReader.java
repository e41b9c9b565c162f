package io.admlops.activities.formats.bdd100k;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.admlops.activities.formats.DatasetReader;
import io.admlops.activities.formats.FrameSink;
import io.admlops.activities.formats.ProblemLog;
import io.admlops.activities.formats.PythonJson;
import io.admlops.activities.formats.ReadContext;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.json.Mappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads BDD100K detection labels as distributed: one JSON array of frames
 * ({@code bdd100k_labels_images_train.json}, {@code det_train.json}), each with the image's
 * {@code name}, the scene's {@code attributes} and its {@code labels}. The files run to
 * hundreds of megabytes, so the array is streamed and only one frame is in memory at a time.
 *
 * <p>The source is the JSON file. Image names are looked up, in this order:
 * <ol>
 *   <li>in {@code images/100k/<split>/} of the folder holding {@code labels/}, as the official
 *       archive lays them out ({@code bdd100k/labels/bdd100k_labels_images_train.json} or
 *       {@code bdd100k/labels/det_20/det_train.json} with {@code bdd100k/images/100k/train/});
 *       the split is the part of the JSON's name after its last underscore;
 *   <li>in an {@code images/} folder beside the JSON;
 *   <li>beside the JSON.
 * </ol>
 * The labels do not state image sizes (BDD100K's are 1280x720); each is read from the image's
 * header.
 */
public final class Bdd100kReader implements DatasetReader {


  /** How far above the JSON's folder the official layout's root may be (labels/det_20/). */
  private static final int LAYOUT_DEPTH = 2;

  @Override
  public void read(Path source, ReadContext context, FrameSink sink) throws IOException {
    if (!Files.isRegularFile(source)) {
      throw new UserInputException(source + ": not a BDD100K labels JSON file (expected e.g. "
          + "bdd100k/labels/bdd100k_labels_images_train.json)");
    }
    Bdd100kFrameParser frames = new Bdd100kFrameParser(source, imageFolder(source), context);
    try (JsonParser p = PythonJson.open(source)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new UserInputException(source + ": expected a JSON array of frames at the top");
      }
      for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
        if (p.currentToken() != JsonToken.START_OBJECT) {
          context.problems().error(ProblemLog.at(source, "/" + i), "expected a frame object");
          p.skipChildren();
          continue;
        }
        Optional<Frame> frame = frames.parse(Mappers.json().readTree(p), i);
        if (frame.isPresent()) {
          sink.accept(frame.get());
        }
      }
    } catch (JsonParseException e) {
      throw PythonJson.invalid(source, e);
    }
  }

  /** The folder image names are relative to, found as the class comment describes. */
  private static Path imageFolder(Path json) {
    Path folder = json.toAbsolutePath().getParent();
    String stem = json.getFileName().toString().replaceFirst("\\.json$", "");
    int underscore = stem.lastIndexOf('_');
    if (underscore >= 0) {
      String split = stem.substring(underscore + 1);
      Path root = folder.getParent();
      for (int up = 0; up < LAYOUT_DEPTH && root != null; up++, root = root.getParent()) {
        Path images = root.resolve("images").resolve("100k").resolve(split);
        if (Files.isDirectory(images)) {
          return images;
        }
      }
    }
    Path beside = folder.resolve("images");
    return Files.isDirectory(beside) ? beside : folder;
  }
}
