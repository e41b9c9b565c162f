package io.admlops.activities.formats;

import io.admlops.schemas.frame.Box2D;
import java.util.Optional;

/**
 * The checks every reader applies to a 2D box, so one dataset's box is judged like
 * another's: finite corners, a positive size, inside the image (a pixel of tolerance, since
 * some datasets end boxes at {@code width - 1} and others at {@code width}).
 */
public final class BoxRules {

  private static final double BORDER_TOLERANCE = 1.0;

  private BoxRules() {}

  /** Why the box is invalid in an image of this size, or empty when it is fine. */
  public static Optional<String> problem(Box2D b, int imageWidth, int imageHeight) {
    if (!(Double.isFinite(b.x1()) && Double.isFinite(b.y1()) && Double.isFinite(b.x2())
        && Double.isFinite(b.y2()))) {
      return Optional.of("box " + corners(b) + " has a coordinate that is not a number");
    }
    if (b.width() <= 0 || b.height() <= 0) {
      return Optional.of("box " + corners(b) + " has zero or negative size");
    }
    if (b.x1() < -BORDER_TOLERANCE || b.y1() < -BORDER_TOLERANCE
        || b.x2() > imageWidth + BORDER_TOLERANCE || b.y2() > imageHeight + BORDER_TOLERANCE) {
      return Optional.of("box " + corners(b) + " lies outside the " + imageWidth + "x"
          + imageHeight + " image");
    }
    return Optional.empty();
  }

  private static String corners(Box2D b) {
    return "(" + b.x1() + ", " + b.y1() + ", " + b.x2() + ", " + b.y2() + ")";
  }
}
