package io.admlops.activities.formats.voc;

import io.admlops.activities.formats.BoxRules;
import io.admlops.activities.formats.ImageHeaders;
import io.admlops.activities.formats.ProblemLog;
import io.admlops.activities.formats.ReadContext;
import io.admlops.activities.formats.Taxonomy;
import io.admlops.schemas.frame.Box2D;
import io.admlops.schemas.frame.FrameObject;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one {@code <object>} of a VOC annotation into a frame object, reporting what is wrong
 * with it at the line of the offending element.
 */
final class VocObjectParser {

  private static final String[] CORNERS = {"xmin", "ymin", "xmax", "ymax"};

  private final Path file;
  private final ReadContext context;

  VocObjectParser(Path file, ReadContext context) {
    this.file = file;
    this.context = context;
  }

  /** The object, or empty when it is invalid (reported) or the taxonomy drops its class. */
  Optional<FrameObject> parse(VocElement object, ImageHeaders.Size image) {
    ProblemLog problems = context.problems();
    Optional<VocElement> name = object.child("name").filter(n -> !n.text().isEmpty());
    if (name.isEmpty()) {
      problems.error(at(object), "object has no <name>");
      return Optional.empty();
    }
    Taxonomy.Resolution resolved = context.taxonomy().resolve(name.get().text());
    if (!resolved.known()) {
      problems.error(at(name.get()), "unknown class '" + name.get().text()
          + "'; the dataset definition neither lists nor maps it");
      return Optional.empty();
    }
    Optional<VocElement> bndbox = object.child("bndbox");
    if (bndbox.isEmpty()) {
      problems.error(at(object), "object has no <bndbox>");
      return Optional.empty();
    }
    Optional<Box2D> box = box(bndbox.get());
    if (box.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> badBox = BoxRules.problem(box.get(), image.width(), image.height());
    if (badBox.isPresent()) {
      problems.error(at(bndbox.get()), badBox.get());
      return Optional.empty();
    }
    Optional<Flag> truncated = flag(object, "truncated");
    Optional<Flag> difficult = flag(object, "difficult");
    Optional<Flag> occluded = flag(object, "occluded");
    if (truncated.isEmpty() || difficult.isEmpty() || occluded.isEmpty()) {
      return Optional.empty();
    }
    if (!resolved.kept()) {
      return Optional.empty();
    }
    Map<String, String> attributes = new HashMap<>();
    object.child("pose").map(VocElement::text).filter(p -> !p.isEmpty())
        .ifPresent(pose -> attributes.put("pose", pose));
    // VOC only flags truncation and occlusion; the frame schema reads a flag as truncation
    // 1.0 or 0.0 and as KITTI's occlusion code 1 (partly occluded) or 0.
    return Optional.of(new FrameObject(null, resolved.category(), box.get(), null,
        truncated.get().asTruncation(), occluded.get().asOcclusion(), null, false,
        difficult.get() == Flag.SET, null, null, attributes));
  }

  /**
   * The object's box in the frame's convention. VOC numbers pixels from 1 and its
   * {@code xmax}/{@code ymax} name the last pixel inside the box, while the frame's corners
   * count from 0 with the right and bottom corners just past the box, so
   * {@code x1 = xmin - 1, y1 = ymin - 1, x2 = xmax, y2 = ymax}.
   */
  private Optional<Box2D> box(VocElement bndbox) {
    double[] v = new double[CORNERS.length];
    for (int i = 0; i < CORNERS.length; i++) {
      Optional<VocElement> corner = bndbox.child(CORNERS[i]);
      if (corner.isEmpty()) {
        context.problems().error(at(bndbox), "<bndbox> has no <" + CORNERS[i] + ">");
        return Optional.empty();
      }
      String text = corner.get().text();
      try {
        v[i] = Double.parseDouble(text);
      } catch (NumberFormatException e) {
        context.problems().error(at(corner.get()),
            "<" + CORNERS[i] + "> is not a number: '" + text + "'");
        return Optional.empty();
      }
      if (!Double.isFinite(v[i])) {
        context.problems().error(at(corner.get()),
            "<" + CORNERS[i] + "> must be a finite number, is " + text);
        return Optional.empty();
      }
    }
    return Optional.of(new Box2D(v[0] - 1, v[1] - 1, v[2], v[3]));
  }

  /** A 0/1 flag of the object; empty when it holds anything else (reported). */
  private Optional<Flag> flag(VocElement object, String flagName) {
    Optional<VocElement> element = object.child(flagName);
    if (element.isEmpty()) {
      return Optional.of(Flag.ABSENT);
    }
    return switch (element.get().text()) {
      case "0" -> Optional.of(Flag.CLEAR);
      case "1" -> Optional.of(Flag.SET);
      default -> {
        context.problems().error(at(element.get()), "<" + flagName + "> must be 0 or 1, is '"
            + element.get().text() + "'");
        yield Optional.empty();
      }
    };
  }

  private String at(VocElement element) {
    return ProblemLog.at(file, element.line());
  }

  /** A VOC flag element: absent, 0 or 1. */
  private enum Flag {
    ABSENT, CLEAR, SET;

    Double asTruncation() {
      return this == ABSENT ? null : this == SET ? 1.0 : 0.0;
    }

    Integer asOcclusion() {
      return this == ABSENT ? null : this == SET ? 1 : 0;
    }
  }
}
