package io.admlops.schemas.frame;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A lane marking as a polyline in pixels, ordered from the bottom of the image upwards as
 * CULane writes it.
 *
 * @param points the polyline's vertices
 * @param kind the marking's type when the source gives one (e.g. {@code solid}, {@code dashed})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Lane(List<Point> points, String kind) {

  public Lane {
    points = List.copyOf(points);
  }

  /** A vertex in pixels. */
  public record Point(double x, double y) {}
}
