package io.admlops.activities.annotate;

import io.admlops.schemas.frame.FrameObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Moves a box's attribute values between the labeling tools, where every attribute is a
 * value from a list, and the unified frame, where occlusion and truncation have fields of
 * their own (training and KITTI's difficulty levels read them). Other attributes travel in
 * {@code FrameObject.attributes}.
 */
final class ObjectAttributes {

  private final AnnotationStandard standard;

  ObjectAttributes(AnnotationStandard standard) {
    this.standard = standard;
  }

  /** The values an object has for the standard's attributes, in the standard's order. */
  Map<String, String> valuesOf(FrameObject o) {
    Map<String, String> values = new LinkedHashMap<>();
    for (AttributeSpec a : standard.attributes()) {
      valueOf(o, a).ifPresent(v -> values.put(a.name(), v));
    }
    return values;
  }

  /**
   * The object with the returned values applied: occlusion and truncation into their fields,
   * the rest into its attributes. Values must have passed {@link #problem}.
   */
  FrameObject withValues(FrameObject o, Map<String, String> values) {
    Integer occlusion = o.occlusion();
    Double truncation = o.truncation();
    Map<String, String> free = new LinkedHashMap<>(o.attributes());
    for (Map.Entry<String, String> e : values.entrySet()) {
      List<String> allowed = standard.attribute(e.getKey()).orElseThrow().values();
      int index = allowed.indexOf(e.getValue());
      switch (e.getKey()) {
        case AnnotationStandard.OCCLUSION -> occlusion = index;
        case AnnotationStandard.TRUNCATION -> truncation = index == 0 ? 0.0 : 1.0;
        default -> free.put(e.getKey(), e.getValue());
      }
    }
    return new FrameObject(o.id(), o.category(), o.box(), o.box3d(), truncation, occlusion,
        o.trackId(), o.crowd(), o.difficult(), o.area(), o.score(), free);
  }

  /** Why a returned value is not allowed, or empty when it is. */
  Optional<String> problem(String attribute, String value) {
    Optional<AttributeSpec> spec = standard.attribute(attribute);
    if (spec.isEmpty()) {
      return Optional.of("attribute '" + attribute + "' is not in the annotation standard; "
          + "expected one of " + standard.attributes().stream().map(AttributeSpec::name)
              .toList());
    }
    if (!spec.get().values().contains(value)) {
      return Optional.of("attribute " + attribute + " = '" + value + "' is not one of "
          + spec.get().values());
    }
    return Optional.empty();
  }

  private static Optional<String> valueOf(FrameObject o, AttributeSpec a) {
    List<String> values = a.values();
    return switch (a.name()) {
      case AnnotationStandard.OCCLUSION -> Optional.ofNullable(o.occlusion())
          .filter(code -> code >= 0 && code < values.size()).map(values::get);
      case AnnotationStandard.TRUNCATION -> Optional.ofNullable(o.truncation())
          .map(t -> values.get(t > 0 ? 1 : 0));
      default -> Optional.ofNullable(o.attributes().get(a.name())).filter(values::contains);
    };
  }
}
