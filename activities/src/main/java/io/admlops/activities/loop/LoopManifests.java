package io.admlops.activities.loop;

import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.ImageRef;
import io.admlops.schemas.json.Mappers;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The frames.jsonl files the loop passes between its stages inside the dataset store
 * (collected batches, mined frames, accepted labels): images named relative to the file's
 * folder, as the unified format reads them, so each file also imports as it is.
 */
public final class LoopManifests {

  private LoopManifests() {}

  /** The frames of a manifest, images as absolute paths. */
  public static List<Frame> read(Path manifest) throws IOException {
    List<Frame> frames = new ArrayList<>();
    Path folder = manifest.getParent();
    try (BufferedReader in = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
      for (String line; (line = in.readLine()) != null; ) {
        if (!line.isBlank()) {
          Frame frame = Mappers.json().readValue(line, Frame.class);
          ImageRef image = frame.image();
          frames.add(withImage(frame, new ImageRef(
              folder.resolve(image.uri()).normalize().toString(), image.width(),
              image.height(), image.sha256())));
        }
      }
    }
    return frames;
  }

  /**
   * Writes frames with absolute image paths as a manifest, complete or not at all: the
   * file appears under its name only once written, so a retry finds it whole or absent.
   */
  static void write(Path manifest, List<Frame> frames) throws IOException {
    Path folder = Files.createDirectories(manifest.getParent());
    Path partial = folder.resolve(manifest.getFileName() + ".partial");
    try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
      for (Frame frame : frames) {
        ImageRef image = frame.image();
        String relative = folder.relativize(Path.of(image.uri())).toString();
        out.write(Mappers.json().writeValueAsString(withImage(frame,
            new ImageRef(relative, image.width(), image.height(), image.sha256()))));
        out.write('\n');
      }
    }
    Files.move(partial, manifest, StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  private static Frame withImage(Frame frame, ImageRef image) {
    return new Frame(frame.id(), image, frame.camera(), frame.objects(), frame.lanes(),
        frame.scene(), frame.provenance());
  }
}
