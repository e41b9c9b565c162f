package io.admlops.activities.formats.voc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An element of a VOC annotation file with the line its start tag is on. DOM would hold the
 * same tree but forgets line numbers, and every problem in a VOC file has to name its line;
 * the JDK's StAX parser reports them, so the tree is built from its events.
 */
final class VocElement {

  private final String name;
  private final int line;
  private final StringBuilder text = new StringBuilder();
  private final List<VocElement> children = new ArrayList<>();

  private VocElement(String name, int line) {
    this.name = name;
    this.line = line;
  }

  /**
   * Parses a whole annotation file, which is a few kilobytes.
   *
   * @throws XMLStreamException when the file is not well-formed XML; carries the location
   */
  static VocElement parse(Path file) throws IOException, XMLStreamException {
    // The JDK's own factory, so a StAX implementation elsewhere on the class path cannot
    // change behavior; DTDs and external entities are off because annotation files need
    // neither and resolving them would let a file read other files.
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader xml = factory.createXMLStreamReader(in);
      try {
        return build(xml);
      } finally {
        xml.close();
      }
    }
  }

  private static VocElement build(XMLStreamReader xml) throws XMLStreamException {
    Deque<VocElement> open = new ArrayDeque<>();
    VocElement root = null;
    while (xml.hasNext()) {
      switch (xml.next()) {
        case XMLStreamConstants.START_ELEMENT -> {
          VocElement element = new VocElement(xml.getLocalName(),
              xml.getLocation().getLineNumber());
          if (open.isEmpty()) {
            root = element;
          } else {
            open.peek().children.add(element);
          }
          open.push(element);
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
          if (!open.isEmpty()) {
            open.peek().text.append(xml.getText());
          }
        }
        case XMLStreamConstants.END_ELEMENT -> open.pop();
        default -> {
          // Comments, processing instructions and whitespace outside the root carry nothing.
        }
      }
    }
    return root;
  }

  String name() {
    return name;
  }

  /** The line of the element's start tag. */
  int line() {
    return line;
  }

  /** The element's own text, trimmed; empty for elements that only hold others. */
  String text() {
    return text.toString().trim();
  }

  /** The first direct child of that name. */
  Optional<VocElement> child(String childName) {
    return children.stream().filter(c -> c.name.equals(childName)).findFirst();
  }

  /** Every direct child of that name, in file order. */
  List<VocElement> children(String childName) {
    return children.stream().filter(c -> c.name.equals(childName)).toList();
  }
}
