package io.admlops.activities.annotate;

import io.admlops.schemas.frame.Box2D;
import io.admlops.schemas.frame.FrameObject;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javax.xml.stream.XMLStreamException;

/**
 * Writes CVAT for images 1.1: the task's labels with the standard's attributes as
 * {@code select} inputs in {@code <meta>}, then one {@code <image>} per frame with its boxes.
 * Coordinates have two decimals, as CVAT writes them. CVAT's own {@code occluded} flag is set
 * for partly and largely occluded boxes so its viewer shows them; the level itself is the
 * {@code occlusion} attribute.
 */
final class CvatAnnotationsWriter {

  /** CVAT's {@code source} of boxes a model drew. */
  static final String AUTO = "auto";
  /** CVAT's {@code source} of boxes a person drew. */
  static final String MANUAL = "manual";

  private CvatAnnotationsWriter() {}

  /**
   * @param boxes each frame's boxes
   * @param source {@link #AUTO} for pre-annotations, {@link #MANUAL} for labels
   */
  static void write(LabelingJob job, AnnotationStandard standard,
      Function<JobFrame, List<FrameObject>> boxes, String source, Path file)
      throws IOException {
    ObjectAttributes attributes = new ObjectAttributes(standard);
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      IndentedXml xml = IndentedXml.document(out);
      xml.open("annotations");
      xml.text("version", "1.1");
      meta(xml, job, standard);
      for (int i = 0; i < job.frames().size(); i++) {
        JobFrame frame = job.frames().get(i);
        xml.open("image", "id", Integer.toString(i), "name", frame.image(),
            "width", Integer.toString(frame.width()), "height", Integer.toString(frame.height()));
        for (FrameObject o : boxes.apply(frame)) {
          box(xml, o, source, attributes.valuesOf(o));
        }
        xml.close();
      }
      xml.close();
      xml.finish();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static void meta(IndentedXml xml, LabelingJob job, AnnotationStandard standard)
      throws XMLStreamException {
    xml.open("meta").open("task");
    xml.text("name", job.batchId());
    xml.text("size", Integer.toString(job.frames().size()));
    xml.text("mode", "annotation");
    xml.text("overlap", "0");
    xml.text("flipped", "False");
    xml.open("labels");
    for (String c : standard.classes()) {
      xml.open("label").text("name", c).text("type", "rectangle");
      xml.open("attributes");
      for (AttributeSpec a : standard.attributes()) {
        xml.open("attribute");
        xml.text("name", a.name());
        xml.text("mutable", "False");
        xml.text("input_type", "select");
        xml.text("default_value", a.values().get(0));
        xml.text("values", String.join("\n", a.values()));
        xml.close();
      }
      xml.close().close();
    }
    xml.close().close().close();
  }

  private static void box(IndentedXml xml, FrameObject o, String source,
      Map<String, String> values) throws XMLStreamException {
    Box2D b = o.box();
    boolean occluded = o.occlusion() != null && (o.occlusion() == 1 || o.occlusion() == 2);
    String[] attributes = {"label", o.category(), "source", source,
        "occluded", occluded ? "1" : "0", "xtl", coordinate(b.x1()), "ytl", coordinate(b.y1()),
        "xbr", coordinate(b.x2()), "ybr", coordinate(b.y2()), "z_order", "0"};
    if (values.isEmpty()) {
      xml.empty("box", attributes);
      return;
    }
    xml.open("box", attributes);
    for (Map.Entry<String, String> v : values.entrySet()) {
      xml.text("attribute", v.getValue(), "name", v.getKey());
    }
    xml.close();
  }

  private static String coordinate(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
