package io.admlops.activities.formats.voc;

import io.admlops.activities.formats.DatasetReader;
import io.admlops.activities.formats.FrameSink;
import io.admlops.activities.formats.ImageHeaders;
import io.admlops.activities.formats.ProblemLog;
import io.admlops.activities.formats.ReadContext;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.FrameObject;
import io.admlops.schemas.frame.ImageRef;
import io.admlops.schemas.frame.Provenance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamException;

/**
 * Reads Pascal VOC (2007, 2012) detection labels as the challenge distributes them: one XML
 * file per image in {@code Annotations/}, the images in {@code JPEGImages/}. The source is
 * the folder holding those, or one holding a single {@code VOC2007/}-style year folder,
 * directly or under {@code VOCdevkit/}. The frame id is the annotation file's stem; the
 * image size comes from the image's header, which the XML's {@code <size>} should repeat.
 */
public final class VocReader implements DatasetReader {

  private static final String ANNOTATIONS = "Annotations";
  private static final String IMAGES = "JPEGImages";

  @Override
  public void read(Path source, ReadContext context, FrameSink sink) throws IOException {
    Path root = datasetRoot(source);
    List<Path> files;
    try (Stream<Path> listing = Files.list(root.resolve(ANNOTATIONS))) {
      files = listing.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
    }
    for (Path file : files) {
      Optional<Frame> frame = readFrame(root, file, new VocObjectParser(file, context),
          context.problems());
      if (frame.isPresent()) {
        sink.accept(frame.get());
      }
    }
  }

  private static Optional<Frame> readFrame(Path root, Path file, VocObjectParser objects,
      ProblemLog problems) throws IOException {
    VocElement annotation;
    try {
      annotation = VocElement.parse(file);
    } catch (XMLStreamException e) {
      int line = e.getLocation() == null ? 1 : e.getLocation().getLineNumber();
      problems.error(ProblemLog.at(file, line), "not well-formed XML: " + parserMessage(e)
          + "; the frame is left out");
      return Optional.empty();
    }
    if (!annotation.name().equals("annotation")) {
      problems.error(ProblemLog.at(file, annotation.line()), "root element is <"
          + annotation.name() + ">, expected <annotation>; the frame is left out");
      return Optional.empty();
    }
    String id = stem(file);
    // VOC names each annotation file after its image, so the stem finds the image when
    // <filename> is absent.
    Optional<VocElement> filename = annotation.child("filename").filter(f -> !f.text().isEmpty());
    String imageName = filename.map(VocElement::text).orElse(id + ".jpg");
    String imageAt = ProblemLog.at(file, filename.orElse(annotation).line());
    Path image = root.resolve(IMAGES).resolve(imageName);
    if (!Files.isRegularFile(image)) {
      problems.error(imageAt, "image " + IMAGES + "/" + imageName
          + " is missing; the frame is left out");
      return Optional.empty();
    }
    Optional<ImageHeaders.Size> readSize = ImageHeaders.readOrReport(image, imageAt, problems);
    if (readSize.isEmpty()) {
      return Optional.empty();
    }
    ImageHeaders.Size size = readSize.get();
    checkSize(file, annotation, size, problems);
    List<FrameObject> kept = new ArrayList<>();
    for (VocElement object : annotation.children("object")) {
      objects.parse(object, size).ifPresent(kept::add);
    }
    return Optional.of(new Frame(id,
        new ImageRef(image.toAbsolutePath().toString(), size.width(), size.height(), null),
        null, kept, List.of(), null, Provenance.of("voc", id)));
  }

  /** Warns when {@code <size>} is missing or disagrees with the image: the header wins. */
  private static void checkSize(Path file, VocElement annotation, ImageHeaders.Size header,
      ProblemLog problems) {
    Optional<VocElement> size = annotation.child("size");
    if (size.isEmpty()) {
      problems.warning(ProblemLog.at(file, annotation.line()),
          "no <size>; the image's own size " + header.width() + "x" + header.height()
              + " is used");
      return;
    }
    String at = ProblemLog.at(file, size.get().line());
    OptionalInt width = positive(size.get(), "width");
    OptionalInt height = positive(size.get(), "height");
    if (width.isEmpty() || height.isEmpty()) {
      problems.warning(at, "<size> needs positive integer <width> and <height>; the image's "
          + "own size " + header.width() + "x" + header.height() + " is used");
    } else if (width.getAsInt() != header.width() || height.getAsInt() != header.height()) {
      problems.warning(at, "<size> says " + width.getAsInt() + "x" + height.getAsInt()
          + " but the image is " + header.width() + "x" + header.height()
          + "; the image's size is used");
    }
  }

  private static OptionalInt positive(VocElement size, String dimension) {
    Optional<VocElement> element = size.child(dimension);
    if (element.isEmpty()) {
      return OptionalInt.empty();
    }
    try {
      int value = Integer.parseInt(element.get().text());
      return value > 0 ? OptionalInt.of(value) : OptionalInt.empty();
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  /**
   * The folder holding {@code Annotations/}: the source itself, or its only VOC year folder
   * ({@code VOC2012/} or {@code VOCdevkit/VOC2012/}).
   */
  private static Path datasetRoot(Path source) throws IOException {
    if (Files.isDirectory(source.resolve(ANNOTATIONS))) {
      return source;
    }
    List<Path> years = new ArrayList<>();
    for (Path parent : List.of(source, source.resolve("VOCdevkit"))) {
      if (Files.isDirectory(parent)) {
        try (Stream<Path> listing = Files.list(parent)) {
          listing.filter(p -> p.getFileName().toString().matches("VOC\\d{4}"))
              .filter(p -> Files.isDirectory(p.resolve(ANNOTATIONS)))
              .sorted().forEach(years::add);
        }
      }
    }
    if (years.isEmpty()) {
      throw new UserInputException(source + ": no " + ANNOTATIONS + "/ folder (expected the "
          + "Pascal VOC layout: Annotations/ and JPEGImages/, or a VOC2012/ folder holding "
          + "them, or VOCdevkit/VOC2012/)");
    }
    if (years.size() > 1) {
      throw new UserInputException(source + ": holds several VOC years ("
          + years.stream().map(p -> source.relativize(p).toString())
              .collect(Collectors.joining(", ")) + "); name one of them as the source");
    }
    return years.get(0);
  }

  /**
   * The JDK's parser prefixes its message with the position ({@code ParseError at
   * [row,col]:[3,5] Message: ...}); the location already says where, so only the reason
   * stays, without its full stop, as the reader's own words follow it.
   */
  private static String parserMessage(XMLStreamException e) {
    String message = String.valueOf(e.getMessage()).strip();
    int reason = message.indexOf("Message: ");
    String text = reason < 0 ? message : message.substring(reason + "Message: ".length());
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }

  private static String stem(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.lastIndexOf('.'));
  }
}
