package io.admlops.activities.annotate;

import java.io.Writer;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes XML indented two spaces per level, so people can read and diff the files a labeling
 * job holds. The JDK's writer escapes text and attribute values; it cannot indent.
 */
final class IndentedXml {

  private final XMLStreamWriter xml;
  private int depth;
  private boolean openHasChildren;

  private IndentedXml(XMLStreamWriter xml) {
    this.xml = xml;
  }

  /** A document with the {@code <?xml ...?>} declaration, as CVAT writes its files. */
  static IndentedXml document(Writer out) throws XMLStreamException {
    IndentedXml xml = fragment(out);
    xml.xml.writeStartDocument("utf-8", "1.0");
    xml.xml.writeCharacters("\n");
    return xml;
  }

  /** An element tree without a declaration, as Label Studio takes its labeling config. */
  static IndentedXml fragment(Writer out) throws XMLStreamException {
    return new IndentedXml(XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out));
  }

  /** Opens an element; {@code attributes} are name, value pairs. */
  IndentedXml open(String name, String... attributes) throws XMLStreamException {
    newLine();
    xml.writeStartElement(name);
    writeAttributes(attributes);
    depth++;
    openHasChildren = false;
    return this;
  }

  /** Closes the innermost open element. */
  IndentedXml close() throws XMLStreamException {
    depth--;
    if (openHasChildren) {
      newLine();
    }
    xml.writeEndElement();
    openHasChildren = true;
    return this;
  }

  /** An element holding only text. */
  IndentedXml text(String name, String text, String... attributes) throws XMLStreamException {
    newLine();
    xml.writeStartElement(name);
    writeAttributes(attributes);
    xml.writeCharacters(text);
    xml.writeEndElement();
    openHasChildren = true;
    return this;
  }

  /** An element with attributes only. */
  IndentedXml empty(String name, String... attributes) throws XMLStreamException {
    newLine();
    xml.writeEmptyElement(name);
    writeAttributes(attributes);
    openHasChildren = true;
    return this;
  }

  /** Ends the document with a newline and flushes it. */
  void finish() throws XMLStreamException {
    xml.writeCharacters("\n");
    xml.writeEndDocument();
    xml.flush();
  }

  private void writeAttributes(String... attributes) throws XMLStreamException {
    for (int i = 0; i < attributes.length; i += 2) {
      xml.writeAttribute(attributes[i], attributes[i + 1]);
    }
  }

  private void newLine() throws XMLStreamException {
    if (depth > 0 || openHasChildren) {
      xml.writeCharacters("\n" + "  ".repeat(depth));
    }
    openHasChildren = true;
  }
}
