package io.admlops.activities.formats.coco;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.admlops.activities.formats.DatasetWriter;
import io.admlops.activities.formats.ImagePlacer;
import io.admlops.activities.formats.Taxonomy;
import io.admlops.schemas.frame.Box2D;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.FrameObject;
import io.admlops.schemas.json.Mappers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a COCO instances file ({@code annotations.json}, loadable by pycocotools) and the
 * images under {@code images/}. Images and annotations stream into two part files that are
 * joined on {@link #finish()}, so nothing holds the dataset. Image and annotation ids are
 * numbered from 1 in write order; category ids follow the taxonomy's order, or first
 * appearance when converting without one. KITTI's {@code DontCare} regions have no COCO
 * category and are not written.
 */
public final class CocoWriter implements DatasetWriter {

  private final Path folder;
  private final Path imagesPart;
  private final Path annotationsPart;
  private final JsonGenerator images;
  private final JsonGenerator annotations;
  private final ImagePlacer placer;
  private final Map<String, Integer> categoryIds = new LinkedHashMap<>();
  private long imageId;
  private long annotationId;

  public CocoWriter(Path folder, Taxonomy taxonomy) throws IOException {
    this.folder = folder;
    this.imagesPart = folder.resolve("images.part");
    this.annotationsPart = folder.resolve("annotations.part");
    this.placer = new ImagePlacer(folder.resolve("images"));
    this.images = elementWriter(imagesPart);
    this.annotations = elementWriter(annotationsPart);
    for (String c : taxonomy.classes()) {
      categoryIds.put(c, categoryIds.size() + 1);
    }
  }

  @Override
  public void write(Frame frame) throws IOException {
    Path source = Path.of(frame.image().uri());
    String fileName = ImagePlacer.fileName(frame.id(), source);
    placer.place(source, fileName);
    imageId++;
    images.writeStartObject();
    images.writeNumberField("id", imageId);
    images.writeStringField("file_name", fileName);
    images.writeNumberField("width", frame.image().width());
    images.writeNumberField("height", frame.image().height());
    images.writeEndObject();
    for (FrameObject o : frame.objects()) {
      if (!Taxonomy.DONT_CARE.equals(o.category())) {
        writeAnnotation(o);
      }
    }
  }

  private void writeAnnotation(FrameObject o) throws IOException {
    int category = categoryIds.computeIfAbsent(o.category(), c -> categoryIds.size() + 1);
    Box2D b = o.box();
    annotations.writeStartObject();
    annotations.writeNumberField("id", ++annotationId);
    annotations.writeNumberField("image_id", imageId);
    annotations.writeNumberField("category_id", category);
    annotations.writeArrayFieldStart("bbox");
    annotations.writeNumber(b.x1());
    annotations.writeNumber(b.y1());
    annotations.writeNumber(b.width());
    annotations.writeNumber(b.height());
    annotations.writeEndArray();
    annotations.writeNumberField("area", o.area() != null ? o.area() : b.area());
    annotations.writeNumberField("iscrowd", o.crowd() ? 1 : 0);
    // The box as a polygon, for tools that expect a segmentation on every annotation.
    annotations.writeArrayFieldStart("segmentation");
    annotations.writeArray(new double[] {b.x1(), b.y1(), b.x1(), b.y2(), b.x2(), b.y2(), b.x2(),
        b.y1()}, 0, 8);
    annotations.writeEndArray();
    annotations.writeEndObject();
  }

  @Override
  public void finish() throws IOException {
    images.close();
    annotations.close();
    try (OutputStream out = Files.newOutputStream(folder.resolve(CocoReader.ANNOTATIONS))) {
      out.write("{\"info\":{\"description\":\"written by admlops\"},\"images\":[".getBytes(
          StandardCharsets.UTF_8));
      append(imagesPart, out);
      out.write("],\"annotations\":[".getBytes(StandardCharsets.UTF_8));
      append(annotationsPart, out);
      out.write("],\"categories\":".getBytes(StandardCharsets.UTF_8));
      out.write(Mappers.json().writeValueAsBytes(categoryIds.entrySet().stream()
          .map(e -> Map.of("id", e.getValue(), "name", e.getKey(), "supercategory", "object"))
          .toList()));
      out.write('}');
    }
    Files.delete(imagesPart);
    Files.delete(annotationsPart);
  }

  @Override
  public void close() throws IOException {
    images.close();
    annotations.close();
  }

  private static JsonGenerator elementWriter(Path part) throws IOException {
    JsonGenerator g = Mappers.json().getFactory().createGenerator(Files.newOutputStream(part));
    g.setRootValueSeparator(new SerializedString(","));
    return g;
  }

  private static void append(Path part, OutputStream out) throws IOException {
    try (InputStream in = Files.newInputStream(part)) {
      in.transferTo(out);
    }
  }
}
