package io.admlops.activities.collect.generator;

import java.util.List;

/**
 * The cross-section of a straight road for one scene type, in meters from the ego lane's
 * center (positive to the right).
 *
 * @param lanes the driving lanes
 * @param leftEdge the road's left edge
 * @param rightEdge the road's right edge
 * @param parkingX where parked cars stand, NaN when the road has no parking
 * @param sidewalk the sidewalk's width beyond each edge, 0 for a grass verge
 * @param speedLimit m/s
 */
record RoadLayout(List<TrafficLane> lanes, double leftEdge, double rightEdge, double parkingX,
    double sidewalk, double speedLimit) {

  /**
   * A lane.
   *
   * @param center lateral position of its center
   * @param direction +1 with the ego vehicle, -1 oncoming
   */
  record TrafficLane(double center, int direction) {}

  /** The layouts of the scene types the generator renders. */
  static RoadLayout of(String sceneType) {
    return switch (sceneType) {
      case "highway" -> new RoadLayout(List.of(new TrafficLane(0, 1), new TrafficLane(3.6, 1),
          new TrafficLane(-4.4, -1), new TrafficLane(-8.0, -1)), -10.0, 5.6, Double.NaN, 0,
          30);
      case "residential" -> new RoadLayout(List.of(new TrafficLane(0, 1),
          new TrafficLane(-3.0, -1)), -4.6, 4.2, 2.9, 2.2, 10);
      default -> new RoadLayout(List.of(new TrafficLane(0, 1), new TrafficLane(-3.4, -1)),
          -5.2, 4.4, 3.0, 3.5, 14);
    };
  }

  /** Lane dividers: where two adjacent lanes meet, and whether traffic there flows one way. */
  record Divider(double x, boolean sameDirection) {}

  List<Divider> dividers() {
    List<TrafficLane> sorted = lanes.stream()
        .sorted((a, b) -> Double.compare(a.center(), b.center())).toList();
    return java.util.stream.IntStream.range(1, sorted.size())
        .mapToObj(i -> new Divider((sorted.get(i - 1).center() + sorted.get(i).center()) / 2,
            sorted.get(i - 1).direction() == sorted.get(i).direction()))
        .toList();
  }
}
