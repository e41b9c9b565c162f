package io.admlops.activities.annotate;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.stream.XMLStreamException;

/**
 * Label Studio's labeling interface for a job: the image, one rectangle label per class
 * (rotation off, since the unified frame's boxes are axis-aligned) and, for a selected box,
 * one required single choice per attribute of the annotation standard.
 */
final class LabelStudioConfig {

  /** The {@code <Image>} tag's name: every result's {@code to_name}. */
  static final String IMAGE = "image";
  /** The {@code <RectangleLabels>} tag's name: the boxes' {@code from_name}. */
  static final String LABELS = "label";

  private LabelStudioConfig() {}

  static void write(AnnotationStandard standard, Path file) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      IndentedXml xml = IndentedXml.fragment(out);
      xml.open("View");
      xml.empty("Image", "name", IMAGE, "value", "$" + IMAGE, "zoom", "true");
      xml.open("RectangleLabels", "name", LABELS, "toName", IMAGE, "canRotate", "false");
      for (String c : standard.classes()) {
        String hint = standard.classDescriptions().get(c);
        if (hint == null) {
          xml.empty("Label", "value", c);
        } else {
          xml.empty("Label", "value", c, "hint", hint);
        }
      }
      xml.close();
      if (!standard.attributes().isEmpty()) {
        xml.open("View", "visibleWhen", "region-selected");
        for (AttributeSpec a : standard.attributes()) {
          xml.empty("Header", "value", a.name() + ": " + a.description());
          xml.open("Choices", "name", a.name(), "toName", IMAGE, "perRegion", "true",
              "choice", "single", "required", "true");
          for (String v : a.values()) {
            xml.empty("Choice", "value", v);
          }
          xml.close();
        }
        xml.close();
      }
      xml.close();
      xml.finish();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
