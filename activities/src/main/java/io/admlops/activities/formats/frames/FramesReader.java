package io.admlops.activities.formats.frames;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import io.admlops.activities.formats.BoxRules;
import io.admlops.activities.formats.DatasetReader;
import io.admlops.activities.formats.FrameSink;
import io.admlops.activities.formats.ProblemLog;
import io.admlops.activities.formats.ReadContext;
import io.admlops.activities.formats.Taxonomy;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.FrameObject;
import io.admlops.schemas.frame.ImageRef;
import io.admlops.schemas.json.Mappers;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the unified format: a {@code frames.jsonl} manifest, one frame per line, with image
 * paths relative to the manifest's folder. The source is the manifest or its folder.
 */
public final class FramesReader implements DatasetReader {

  /** The manifest's name inside a dataset folder. */
  public static final String MANIFEST = "frames.jsonl";

  private static final ObjectReader FRAME = Mappers.json().readerFor(Frame.class);

  @Override
  public void read(Path source, ReadContext context, FrameSink sink) throws IOException {
    Path manifest = Files.isDirectory(source) ? source.resolve(MANIFEST) : source;
    if (!Files.isRegularFile(manifest)) {
      throw new UserInputException(source + ": no " + MANIFEST + " manifest");
    }
    Path folder = manifest.toAbsolutePath().getParent();
    Set<String> ids = new HashSet<>();
    try (BufferedReader in = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
      long lineNumber = 0;
      for (String line; (line = in.readLine()) != null; ) {
        lineNumber++;
        if (!line.isBlank()) {
          Optional<Frame> frame = parse(line, ProblemLog.at(manifest, lineNumber), folder, ids,
              context);
          if (frame.isPresent()) {
            sink.accept(frame.get());
          }
        }
      }
    }
  }

  private static Optional<Frame> parse(String line, String where, Path folder, Set<String> ids,
      ReadContext context) {
    ProblemLog problems = context.problems();
    Frame frame;
    try {
      frame = FRAME.readValue(line);
    } catch (JsonProcessingException e) {
      problems.error(where, "not a frame: " + e.getOriginalMessage());
      return Optional.empty();
    }
    if (frame == null) {
      problems.error(where, "not a frame: null");
      return Optional.empty();
    }
    if (frame.id() == null || frame.id().isBlank()) {
      problems.error(where, "field 'id' is missing");
      return Optional.empty();
    }
    if (!ids.add(frame.id())) {
      problems.error(where, "duplicate frame id '" + frame.id() + "'");
      return Optional.empty();
    }
    ImageRef image = frame.image();
    if (image == null || image.uri() == null || image.width() <= 0 || image.height() <= 0) {
      problems.error(where, "field 'image' needs uri, width and height");
      return Optional.empty();
    }
    Path imagePath = folder.resolve(image.uri()).normalize();
    if (!Files.isRegularFile(imagePath)) {
      problems.error(where, "image " + image.uri() + " is missing");
      return Optional.empty();
    }
    List<FrameObject> objects = new ArrayList<>();
    for (int i = 0; i < frame.objects().size(); i++) {
      FrameObject o = frame.objects().get(i);
      String at = where + " objects[" + i + "]";
      if (o.category() == null || o.box() == null) {
        problems.error(at, "an object needs category and box");
        continue;
      }
      Optional<String> badBox = BoxRules.problem(o.box(), image.width(), image.height());
      if (badBox.isPresent()) {
        problems.error(at, badBox.get());
        continue;
      }
      Taxonomy.Resolution resolved = context.taxonomy().resolve(o.category());
      if (!resolved.known()) {
        problems.error(at, "unknown class '" + o.category() + "'");
      } else if (resolved.kept()) {
        objects.add(o.withCategory(resolved.category()));
      }
    }
    ImageRef absolute = new ImageRef(imagePath.toString(), image.width(), image.height(),
        image.sha256());
    return Optional.of(new Frame(frame.id(), absolute, frame.camera(), objects, frame.lanes(),
        frame.scene(), frame.provenance()));
  }
}
