package io.admlops.activities.annotate;

import io.admlops.activities.formats.BoxRules;
import io.admlops.activities.formats.ProblemLog;
import io.admlops.activities.formats.Taxonomy;
import io.admlops.schemas.frame.Box2D;
import io.admlops.schemas.frame.FrameObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads CVAT for images 1.1 XML, streaming: each {@code <image>} finds its frame by the file
 * name at the end of its {@code name}, and its {@code <box>} elements become objects, their
 * {@code <attribute>} children the standard's attribute values. Other shapes are reported
 * and skipped; {@code <track>}s mean the file is CVAT for video. The source is the XML or a
 * folder holding CVAT's {@code annotations.xml}.
 */
final class CvatXmlReader implements ReturnedLabelsReader {

  /** The annotations file inside CVAT's export archive. */
  static final String ANNOTATIONS = "annotations.xml";

  private static final Set<String> OTHER_SHAPES = Set.of("polygon", "polyline", "points",
      "mask", "cuboid", "ellipse", "skeleton", "tag");
  private static final String[] CORNERS = {"xtl", "ytl", "xbr", "ybr"};

  @Override
  public ReturnedLabels read(Path source, LabelingJob job, Path jobFolder,
      AnnotationStandard standard) throws IOException {
    ReturnCollector collector = new ReturnCollector(job, jobFolder);
    Path file = Files.isDirectory(source) ? source.resolve(ANNOTATIONS) : source;
    if (!Files.isRegularFile(file)) {
      collector.problems().error(source.toString(), "no CVAT XML file there (a file, or a "
          + "folder holding " + ANNOTATIONS + ")");
      return collector.finish(ReturnFormat.CVAT.cliName(), source);
    }
    // The JDK's own factory, with DTDs and external entities off: a returned file must not be
    // able to make the reader fetch or read other files.
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader xml = factory.createXMLStreamReader(in);
      try {
        new Document(file, xml, standard, collector).read();
      } finally {
        xml.close();
      }
    } catch (XMLStreamException e) {
      int line = e.getLocation() == null ? 1 : e.getLocation().getLineNumber();
      collector.problems().error(ProblemLog.at(file, line), "not well-formed XML: "
          + e.getMessage().replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*"
              + "Message: ", "") + "; reading stopped here");
    }
    return collector.finish(ReturnFormat.CVAT.cliName(), source);
  }

  /** One pass over one file. */
  private static final class Document {

    private final Path file;
    private final XMLStreamReader xml;
    private final Taxonomy taxonomy;
    private final ObjectAttributes attributes;
    private final ReturnCollector collector;
    private final ProblemLog problems;

    Document(Path file, XMLStreamReader xml, AnnotationStandard standard,
        ReturnCollector collector) {
      this.file = file;
      this.xml = xml;
      this.taxonomy = standard.taxonomy();
      this.attributes = new ObjectAttributes(standard);
      this.collector = collector;
      this.problems = collector.problems();
    }

    void read() throws XMLStreamException {
      xml.nextTag();
      if (!xml.getLocalName().equals("annotations")) {
        problems.error(here(), "root element is <" + xml.getLocalName()
            + ">, expected CVAT's <annotations>");
        return;
      }
      while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
        switch (xml.getLocalName()) {
          case "version" -> version();
          case "image" -> image();
          case "track" -> {
            problems.error(here(), "<track> belongs to CVAT for video; export the task as "
                + "CVAT for images 1.1");
            skip();
          }
          default -> skip();
        }
      }
    }

    private void version() throws XMLStreamException {
      String at = here();
      String version = xml.getElementText().trim();
      if (!version.equals("1.1")) {
        problems.warning(at, "CVAT XML version " + version + "; read as 1.1");
      }
    }

    private void image() throws XMLStreamException {
      String at = here();
      String name = xml.getAttributeValue(null, "name");
      Optional<JobFrame> frame = name == null ? Optional.empty()
          : collector.job().frameForImage(name);
      if (name == null) {
        problems.error(at, "<image> has no name; its frame is unknown");
      } else if (frame.isEmpty()) {
        collector.unexpected(name, at);
      } else {
        checkSize(at, frame.get());
      }
      List<FrameObject> objects = new ArrayList<>();
      while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
        String element = xml.getLocalName();
        if (element.equals("box") && frame.isPresent()) {
          box(frame.get()).ifPresent(objects::add);
          continue;
        }
        if (OTHER_SHAPES.contains(element)) {
          problems.warning(here(), "<" + element + "> is not read; only boxes are");
        }
        skip();
      }
      frame.ifPresent(f -> collector.labeled(f, objects, at));
    }

    private void checkSize(String at, JobFrame frame) {
      String width = xml.getAttributeValue(null, "width");
      String height = xml.getAttributeValue(null, "height");
      if (width != null && height != null && !(width.equals(Integer.toString(frame.width()))
          && height.equals(Integer.toString(frame.height())))) {
        problems.warning(at, "image is " + width + "x" + height + " here; " + frame.image()
            + " is " + frame.width() + "x" + frame.height());
      }
    }

    /** Reads a box and its attribute children; empty when it is invalid. */
    private Optional<FrameObject> box(JobFrame frame) throws XMLStreamException {
      String at = here();
      String label = xml.getAttributeValue(null, "label");
      double[] corners = new double[4];
      String bad = null;
      for (int i = 0; i < 4; i++) {
        corners[i] = number(xml.getAttributeValue(null, CORNERS[i]));
        if (Double.isNaN(corners[i])) {
          bad = "box needs numbers xtl, ytl, xbr and ybr; " + CORNERS[i] + " is "
              + (xml.getAttributeValue(null, CORNERS[i]) == null ? "missing"
                  : "'" + xml.getAttributeValue(null, CORNERS[i]) + "'");
          break;
        }
      }
      String rotation = xml.getAttributeValue(null, "rotation");
      if (bad == null && rotation != null && number(rotation) != 0) {
        bad = "box is rotated by " + rotation + " degrees; boxes must be axis-aligned";
      }
      Map<String, String> values = boxAttributes();
      if (bad != null) {
        problems.error(at, bad);
        return Optional.empty();
      }
      if (label == null) {
        problems.error(at, "box has no label");
        return Optional.empty();
      }
      Taxonomy.Resolution category = taxonomy.resolve(label);
      if (!category.known()) {
        problems.error(at, "class '" + label + "' is not in the dataset's classes "
            + taxonomy.classes());
        return Optional.empty();
      }
      Box2D box = new Box2D(corners[0], corners[1], corners[2], corners[3]);
      Optional<String> outside = BoxRules.problem(box, frame.width(), frame.height());
      if (outside.isPresent()) {
        problems.error(at, outside.get());
        return Optional.empty();
      }
      return category.kept()
          ? Optional.of(attributes.withValues(FrameObject.box(category.category(), box), values))
          : Optional.empty();
    }

    /** The valid {@code <attribute>} children of the current box, up to its end tag. */
    private Map<String, String> boxAttributes() throws XMLStreamException {
      Map<String, String> values = new LinkedHashMap<>();
      while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
        if (!xml.getLocalName().equals("attribute")) {
          skip();
          continue;
        }
        String at = here();
        String name = String.valueOf(xml.getAttributeValue(null, "name"));
        String value = xml.getElementText().trim();
        Optional<String> bad = attributes.problem(name, value);
        if (bad.isPresent()) {
          problems.error(at, bad.get());
        } else {
          values.put(name, value);
        }
      }
      return values;
    }

    /** Skips the current element with everything in it. */
    private void skip() throws XMLStreamException {
      for (int depth = 1; depth > 0; ) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          depth++;
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          depth--;
        }
      }
    }

    private String here() {
      return ProblemLog.at(file, xml.getLocation().getLineNumber());
    }

    private static double number(String text) {
      if (text == null) {
        return Double.NaN;
      }
      try {
        double v = Double.parseDouble(text.trim());
        return Double.isFinite(v) ? v : Double.NaN;
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
  }
}
