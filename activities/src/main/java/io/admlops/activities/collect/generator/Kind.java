package io.admlops.activities.collect.generator;

/**
 * What stands on or beside the road: the taxonomy's classes, which are labeled, and the
 * occluders and street furniture, which are drawn and hide what is behind them but are not
 * labeled. Sizes are typical KITTI dimensions in meters; each object varies them a little.
 */
enum Kind {
  CAR("car", 3.9, 1.7, 1.5),
  TRUCK("truck", 8.0, 2.5, 3.3),
  BUS("bus", 11.5, 2.55, 3.2),
  PEDESTRIAN("pedestrian", 0.6, 0.6, 1.75),
  CYCLIST("cyclist", 1.75, 0.6, 1.75),
  MOTORCYCLE("motorcycle", 2.1, 0.8, 1.5),
  TRAFFIC_LIGHT("traffic_light", 0.3, 0.35, 0.95),
  TRAFFIC_SIGN("traffic_sign", 0.06, 0.7, 0.7),
  POLE(null, 0.2, 0.2, 4.5),
  STREET_LIGHT(null, 0.25, 0.25, 6.5),
  BUSH(null, 1.6, 1.3, 1.2),
  VAN(null, 5.0, 2.0, 2.3);

  private final String category;
  private final double length;
  private final double width;
  private final double height;

  Kind(String category, double length, double width, double height) {
    this.category = category;
    this.length = length;
    this.width = width;
    this.height = height;
  }

  /** The taxonomy class, or null for an unlabeled occluder. */
  String category() {
    return category;
  }

  boolean labeled() {
    return category != null;
  }

  double length() {
    return length;
  }

  double width() {
    return width;
  }

  double height() {
    return height;
  }

  static Kind of(String category) {
    for (Kind kind : values()) {
      if (category.equals(kind.category)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("no kind draws class " + category);
  }
}
