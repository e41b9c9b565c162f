package io.admlops.activities.predict;

import com.fasterxml.jackson.core.JsonGenerator;
import io.admlops.activities.detector.Detection;
import io.admlops.activities.detector.Detector;
import io.admlops.activities.model.ComputeDevice;
import io.admlops.activities.model.ModelConfig;
import io.admlops.activities.model.ModelConfigLoader;
import io.admlops.activities.modelzoo.ModelVersion;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.json.Mappers;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Runs a model version over the images of a folder and writes its detections as a COCO
 * results file ({@code [{image_id, category_id, bbox: [x, y, w, h], score}]}). The file is
 * written under a temporary name and renamed when complete, so a failed run leaves nothing
 * that looks like results.
 */
public final class Prediction {

  private static final int BATCH = 8;

  private final ModelVersion model;
  private final ComputeDevice device;

  public Prediction(ModelVersion model, ComputeDevice device) {
    this.model = model;
    this.device = device;
  }

  /**
   * Writes the results file.
   *
   * @param images a folder of PNG and JPEG files, read in path order
   * @param out the results file
   * @param idsFrom a COCO instances file whose image and category ids to use, or null to
   *     number images and classes from 1
   * @return the number of images and detections written
   * @throws UserInputException when the folder holds no image, an image cannot be decoded,
   *     or the ids file lacks an image
   */
  public Summary run(Path images, Path out, Path idsFrom) throws IOException {
    List<Path> files = ImageFolder.list(images);
    ModelConfig config = ModelConfigLoader.load(model.config());
    List<String> names = files.stream().map(f -> images.relativize(f).toString()).toList();
    CocoIds ids = idsFrom == null ? CocoIds.numbered(names, config.classes())
        : CocoIds.from(idsFrom);
    Path partial = out.resolveSibling(out.getFileName() + ".partial");
    int detections = 0;
    Map<String, Integer> unscorable = new TreeMap<>();
    try (Detector detector = Detector.load(config, model.parameters(), device.device());
        OutputStream stream = Files.newOutputStream(partial);
        JsonGenerator json = Mappers.json().getFactory().createGenerator(stream)) {
      json.writeStartArray();
      for (int from = 0; from < files.size(); from += BATCH) {
        List<BufferedImage> batch = new ArrayList<>();
        for (Path file : files.subList(from, Math.min(from + BATCH, files.size()))) {
          batch.add(ImageFolder.read(file));
        }
        List<List<Detection>> found = detector.detect(batch);
        for (int i = 0; i < found.size(); i++) {
          String name = names.get(from + i);
          long imageId = ids.image(name).orElseThrow(() -> new UserInputException(
              idsFrom + "#/images: no image with file_name '" + name + "'"));
          for (Detection d : found.get(i)) {
            String className = config.classes().get(d.classIndex());
            Optional<Long> categoryId = ids.category(className);
            if (categoryId.isPresent()) {
              write(json, imageId, categoryId.get(), d);
              detections++;
            } else {
              unscorable.merge(className, 1, Integer::sum);
            }
          }
        }
      }
      json.writeEndArray();
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
    Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING);
    return new Summary(files.size(), detections, unscorable);
  }

  private static void write(JsonGenerator json, long imageId, long categoryId, Detection d)
      throws IOException {
    json.writeStartObject();
    json.writeNumberField("image_id", imageId);
    json.writeNumberField("category_id", categoryId);
    json.writeArrayFieldStart("bbox");
    json.writeNumber(d.x1());
    json.writeNumber(d.y1());
    json.writeNumber(d.x2() - d.x1());
    json.writeNumber(d.y2() - d.y1());
    json.writeEndArray();
    json.writeNumberField("score", d.score());
    json.writeEndObject();
  }

  /**
   * What a run wrote.
   *
   * @param images images read
   * @param detections detections written
   * @param leftOut per class, detections not written because the ids file has no category
   *     of that class (a results file can only name the ground truth's categories)
   */
  public record Summary(int images, int detections, Map<String, Integer> leftOut) {}
}
