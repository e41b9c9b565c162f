package io.admlops.activities.train;

import java.util.Locale;

/**
 * The look of the training curves plot in one place, so its SVG and its PNG painters draw
 * the same lines and type.
 */
final class PlotStyle {

  static final String BACKGROUND = "#ffffff";
  static final float TRACE_WIDTH = 2f;
  static final double MARKER_RADIUS = 3;

  private PlotStyle() {}

  /** Lines that are not data. */
  enum Line {
    AXIS("#94a3b8"),
    GRID("#e2e8f0");

    final String color;

    Line(String color) {
      this.color = color;
    }

    String cssClass() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Kinds of text, by size, weight and color. */
  enum Text {
    TITLE(16, true, "#0f172a"),
    CAPTION(13, true, "#0f172a"),
    NOTE(12, false, "#64748b"),
    LEGEND(12, false, "#0f172a"),
    TICK(11, false, "#64748b");

    final int size;
    final boolean bold;
    final String color;

    Text(int size, boolean bold, String color) {
      this.size = size;
      this.bold = bold;
      this.color = color;
    }

    String cssClass() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Which point of a text sits at its x coordinate. */
  enum Anchor {
    START("start"),
    MIDDLE("mid"),
    END("end");

    final String cssClass;

    Anchor(String cssClass) {
      this.cssClass = cssClass;
    }
  }
}
