package io.admlops.activities.formats.bdd100k;

import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.activities.formats.ImageHeaders;
import io.admlops.activities.formats.ProblemLog;
import io.admlops.activities.formats.ReadContext;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.FrameObject;
import io.admlops.schemas.frame.ImageRef;
import io.admlops.schemas.frame.Provenance;
import io.admlops.schemas.frame.SceneAttributes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the frame objects of one BDD100K labels file into frames, one at a time, remembering
 * the names already seen so a repeated frame is caught. The frame id is the image name
 * without its extension, the BDD100K image's own identity.
 */
final class Bdd100kFrameParser {

  /** BDD100K's value for a scene attribute its annotators could not tell. */
  private static final String UNDEFINED = "undefined";

  private final Path file;
  private final Path images;
  private final ProblemLog problems;
  private final Bdd100kLabelParser labels;
  private final Set<String> ids = new HashSet<>();

  /**
   * @param file the labels JSON, as problem locations name it
   * @param images the folder the frames' image names are relative to
   */
  Bdd100kFrameParser(Path file, Path images, ReadContext context) {
    this.file = file;
    this.images = images;
    this.problems = context.problems();
    this.labels = new Bdd100kLabelParser(file, context);
  }

  /**
   * @param frame one element of the top-level array
   * @param index its position in the array, for problem locations
   * @return the frame, or empty when it is invalid (reported)
   */
  Optional<Frame> parse(JsonNode frame, int index) {
    String pointer = "/" + index;
    String nameAt = ProblemLog.at(file, pointer + "/name");
    JsonNode nameValue = frame.path("name");
    if (!nameValue.isTextual() || nameValue.asText().isBlank()) {
      problems.error(nameAt, "frame has no image name; the frame is left out");
      return Optional.empty();
    }
    String name = nameValue.asText();
    String id = stem(name);
    if (!ids.add(id)) {
      problems.error(nameAt, "duplicate frame name '" + name + "': an earlier frame has the id '"
          + id + "'; the frame is left out");
      return Optional.empty();
    }
    Path image = images.resolve(name).normalize();
    if (!Files.isRegularFile(image)) {
      problems.error(nameAt, "image file " + image + " is missing; the frame is left out");
      return Optional.empty();
    }
    Optional<ImageHeaders.Size> readSize = ImageHeaders.readOrReport(image, nameAt, problems);
    if (readSize.isEmpty()) {
      return Optional.empty();
    }
    ImageHeaders.Size size = readSize.get();
    JsonNode labelArray = frame.path("labels");
    List<FrameObject> objects = List.of();
    if (labelArray.isArray()) {
      objects = labels.parse(labelArray, pointer + "/labels", size);
    } else if (!labelArray.isMissingNode() && !labelArray.isNull()) {
      problems.error(ProblemLog.at(file, pointer + "/labels"),
          "labels must be an array; the frame is left out");
      return Optional.empty();
    }
    return Optional.of(new Frame(id,
        new ImageRef(image.toString(), size.width(), size.height(), null), null, objects,
        List.of(), scene(frame.path("attributes")), Provenance.of("bdd100k", name)));
  }

  /** BDD100K's attributes are the frame schema's vocabulary, so the values pass unchanged. */
  private static SceneAttributes scene(JsonNode attributes) {
    return new SceneAttributes(known(attributes, "timeofday"), known(attributes, "weather"),
        known(attributes, "scene"), List.of());
  }

  private static String known(JsonNode attributes, String name) {
    JsonNode value = attributes.path(name);
    return value.isTextual() && !value.asText().equals(UNDEFINED) ? value.asText() : null;
  }

  private static String stem(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
