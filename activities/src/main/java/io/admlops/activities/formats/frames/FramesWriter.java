package io.admlops.activities.formats.frames;

import io.admlops.activities.formats.DatasetWriter;
import io.admlops.activities.formats.ImagePlacer;
import io.admlops.activities.formats.Taxonomy;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.ImageRef;
import io.admlops.schemas.json.Mappers;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the unified format: {@code frames.jsonl} and the images under {@code images/}. */
public final class FramesWriter implements DatasetWriter {

  private final BufferedWriter manifest;
  private final ImagePlacer images;

  public FramesWriter(Path folder, Taxonomy taxonomy) throws IOException {
    this.images = new ImagePlacer(folder.resolve("images"));
    this.manifest = Files.newBufferedWriter(folder.resolve(FramesReader.MANIFEST),
        StandardCharsets.UTF_8);
  }

  @Override
  public void write(Frame frame) throws IOException {
    Path source = Path.of(frame.image().uri());
    String name = ImagePlacer.fileName(frame.id(), source);
    images.place(source, name);
    ImageRef relative = new ImageRef("images/" + name, frame.image().width(),
        frame.image().height(), frame.image().sha256());
    manifest.write(Mappers.json().writeValueAsString(new Frame(frame.id(), relative,
        frame.camera(), frame.objects(), frame.lanes(), frame.scene(), frame.provenance())));
    manifest.write('\n');
  }

  @Override
  public void finish() throws IOException {
    manifest.close();
  }

  @Override
  public void close() throws IOException {
    manifest.close();
  }
}
