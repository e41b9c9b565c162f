package io.admlops.workers.dashboard;

import static io.admlops.workers.dashboard.PageLayout.escape;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A frame as an SVG picture: the image, the production model's detections over it as dashed
 * boxes with their scores, and the accepted labels as solid boxes. Boxes are in the image's
 * pixels, so they stay on their objects at any displayed size.
 */
final class FrameOverlay {

  /** Names on the frame are this share of its width, so they read alike on any frame size. */
  private static final double FONT_SHARE = 1 / 55.0;
  private static final String PREDICTED = "predicted";
  private static final String LABELED = "labeled";
  /**
   * Predictions drawn per frame, the most confident first. A barely trained model reports
   * dozens of low-score boxes per frame, and all of them together hide the frame; the
   * gallery's JSON keeps every one.
   */
  static final int PREDICTIONS_DRAWN = 10;

  private FrameOverlay() {}

  static String render(GalleryFrame frame) {
    double fontSize = Math.max(8, frame.width() * FONT_SHARE);
    StringBuilder svg = new StringBuilder(1024);
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
            + "class=\"frame-overlay\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
            + "role=\"img\" aria-label=\"frame %s\">", frame.width(), frame.height(),
        frame.width(), frame.height(), escape(frame.id())));
    if (frame.image() != null) {
      svg.append(String.format(Locale.ROOT, "<image href=\"%s\" x=\"0\" y=\"0\" width=\"%d\" "
          + "height=\"%d\"/>", escape(frame.image()), frame.width(), frame.height()));
    }
    if (frame.labeled() != null) {
      boxes(svg, frame.labeled(), LABELED, fontSize);
    }
    boxes(svg, mostConfident(frame.predicted()), PREDICTED, fontSize);
    return svg.append("</svg>").toString();
  }

  private static List<DrawnBox> mostConfident(List<DrawnBox> predicted) {
    return predicted.stream()
        .sorted(Comparator.comparing(DrawnBox::score,
            Comparator.nullsLast(Comparator.reverseOrder())))
        .limit(PREDICTIONS_DRAWN).toList();
  }

  private static void boxes(StringBuilder svg, List<DrawnBox> boxes, String kind,
      double fontSize) {
    for (DrawnBox b : boxes) {
      String name = b.score() == null ? b.category()
          : String.format(Locale.ROOT, "%s %.2f", b.category(), b.score());
      svg.append(String.format(Locale.ROOT, "<rect class=\"box %s\" x=\"%.1f\" y=\"%.1f\" "
              + "width=\"%.1f\" height=\"%.1f\"><title>%s</title></rect>", kind, b.x1(), b.y1(),
          b.x2() - b.x1(), b.y2() - b.y1(), escape(name + " (" + kind + ")")));
      // Only predictions are named on the frame: on small objects a second name per object
      // would cover the object. A label's class is in its tooltip.
      if (kind.equals(PREDICTED)) {
        svg.append(String.format(Locale.ROOT, "<text class=\"box-label\" x=\"%.1f\" "
                + "y=\"%.1f\" font-size=\"%.1f\">%s</text>", b.x1(),
            Math.max(fontSize, b.y1() - 2), fontSize, escape(name)));
      }
    }
  }
}
