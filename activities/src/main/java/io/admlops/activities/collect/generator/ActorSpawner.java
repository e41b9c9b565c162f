package io.admlops.activities.collect.generator;

import io.admlops.activities.collect.generator.RoadLayout.TrafficLane;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Places new objects where their class belongs: vehicles in lanes at the lane's flow speed or
 * parked at the curb, pedestrians on sidewalks or crossing, cyclists at the road's edge,
 * traffic lights and signs at the roadside on poles. Vehicles of one lane share a speed, so
 * nothing drives through anything else.
 */
final class ActorSpawner {

  private static final double GAP = 6.0;
  private static final int ATTEMPTS = 8;

  private final RoadLayout road;
  private final Random random;
  private final double[] laneSpeeds;
  private final double occluderProbability;
  private int nextTrackId;

  ActorSpawner(RoadLayout road, double egoSpeed, double occluderProbability, Random random) {
    this.road = road;
    this.random = random;
    this.occluderProbability = occluderProbability;
    this.laneSpeeds = new double[road.lanes().size()];
    for (int i = 0; i < laneSpeeds.length; i++) {
      TrafficLane lane = road.lanes().get(i);
      // The ego follows whatever leads it in its own lane, so that lane is never slower.
      double speed = lane.center() == 0 ? egoSpeed * between(1.0, 1.1)
          : lane.direction() > 0 ? egoSpeed * between(0.7, 1.2)
          : road.speedLimit() * between(0.7, 1.05);
      laneSpeeds[i] = lane.direction() * speed;
    }
  }

  /**
   * Adds an object of the class, with its occluder when the mix draws one, at a distance ahead
   * of the ego within {@code [near, far]}; adds nothing when the place is taken.
   */
  void spawn(String category, double egoZ, double near, double far, List<Actor> world) {
    Kind kind = Kind.of(category);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      double z = egoZ + between(near, far);
      List<Actor> placed = place(kind, z);
      if (placed.stream().allMatch(a -> free(a, world))) {
        world.addAll(placed);
        Actor main = placed.get(0);
        if (random.nextDouble() < occluderProbability) {
          Actor occluder = occluderBefore(main);
          if (free(occluder, world)) {
            world.add(occluder);
          }
        }
        return;
      }
    }
  }

  /** A street light every 40 m of the road's right side, for night scenes. */
  Actor streetLight(double z) {
    return actor(Kind.STREET_LIGHT, road.rightEdge() + 0.9, z, 0, Math.PI / 2, 0, 0);
  }

  private List<Actor> place(Kind kind, double z) {
    return switch (kind) {
      case CAR, TRUCK, BUS, MOTORCYCLE -> List.of(vehicle(kind, z));
      case PEDESTRIAN -> List.of(pedestrian(z));
      case CYCLIST -> List.of(cyclist(z));
      case TRAFFIC_LIGHT -> onPole(kind, z, between(3.4, 4.0));
      case TRAFFIC_SIGN -> onPole(kind, z, between(1.9, 2.4));
      default -> throw new IllegalArgumentException(kind + " is not spawned as traffic");
    };
  }

  private Actor vehicle(Kind kind, double z) {
    boolean parks = !Double.isNaN(road.parkingX()) && kind != Kind.BUS
        && random.nextDouble() < 0.3;
    if (parks) {
      return actor(kind, road.parkingX() + between(-0.2, 0.2), z, 0, -Math.PI / 2, 0, 0);
    }
    int i = random.nextInt(road.lanes().size());
    TrafficLane lane = road.lanes().get(i);
    double yaw = lane.direction() > 0 ? -Math.PI / 2 : Math.PI / 2;
    return actor(kind, lane.center() + between(-0.3, 0.3), z, 0, yaw, 0, laneSpeeds[i]);
  }

  private Actor pedestrian(double z) {
    boolean right = random.nextBoolean();
    double curb = right ? road.rightEdge() : road.leftEdge();
    double side = right ? 1 : -1;
    if (road.sidewalk() > 0 && random.nextDouble() < 0.35) {
      // Crossing from the curb towards the other side of the road.
      double speed = between(1.1, 1.6);
      return actor(Kind.PEDESTRIAN, curb + side * 0.3, z, 0, right ? Math.PI : 0,
          -side * speed, 0);
    }
    double walkway = Math.max(road.sidewalk(), 1.5);
    double forward = random.nextBoolean() ? 1 : -1;
    return actor(Kind.PEDESTRIAN, curb + side * between(0.5, walkway - 0.4), z, 0,
        -forward * Math.PI / 2, 0, forward * between(1.0, 1.6));
  }

  private Actor cyclist(double z) {
    boolean withEgo = random.nextDouble() < 0.7;
    double x = withEgo ? road.rightEdge() - 0.7 : road.leftEdge() + 0.7;
    double speed = between(4, 7);
    return actor(Kind.CYCLIST, x, z, 0, withEgo ? -Math.PI / 2 : Math.PI / 2, 0,
        withEgo ? speed : -speed);
  }

  /** A light or sign facing the ego, with its pole just behind it. */
  private List<Actor> onPole(Kind kind, double z, double elevation) {
    boolean right = random.nextDouble() < 0.75;
    double x = right ? road.rightEdge() + 0.6 : road.leftEdge() - 0.6;
    Actor head = actor(kind, x, z, elevation, Math.PI / 2, 0, 0);
    Actor pole = new Actor(nextTrackId++, Kind.POLE, x, z + 0.12, 0, 0.12, 0.12, elevation,
        Math.PI / 2, 0, 0, 0);
    return List.of(head, pole);
  }

  /** A pole, bush or parked van at the roadside a few meters nearer than the object. */
  private Actor occluderBefore(Actor target) {
    double side = target.x() >= 0 ? 1 : -1;
    double curb = side > 0 ? road.rightEdge() : road.leftEdge();
    double z = target.z() - between(3, 10);
    double draw = random.nextDouble();
    if (draw < 0.4) {
      return actor(Kind.POLE, curb + side * between(0.4, 1.0), z, 0, Math.PI / 2, 0, 0);
    }
    if (draw < 0.75) {
      return actor(Kind.BUSH, curb + side * between(1.0, 2.0), z, 0, -Math.PI / 2, 0, 0);
    }
    double lane = Double.isNaN(road.parkingX()) ? curb + side * 1.5 : road.parkingX();
    return actor(Kind.VAN, lane, z, 0, -Math.PI / 2, 0, 0);
  }

  private Actor actor(Kind kind, double x, double z, double elevation, double yaw, double vx,
      double vz) {
    double scale = between(0.9, 1.1);
    return new Actor(nextTrackId++, kind, x, z, elevation, kind.length() * scale,
        kind.width() * between(0.95, 1.05), kind.height() * scale, yaw, vx, vz,
        random.nextInt(1 << 16));
  }

  /** Whether the new object keeps a gap to everything in the same strip of road. */
  private static boolean free(Actor a, List<Actor> world) {
    for (Actor b : world) {
      boolean sameStrip = Math.abs(a.x() - b.x()) < (a.width() + b.width()) / 2 + 0.6;
      double reach = (Math.max(a.length(), a.width()) + Math.max(b.length(), b.width())) / 2;
      if (sameStrip && Math.abs(a.z() - b.z()) < reach + GAP) {
        return false;
      }
    }
    return true;
  }

  private double between(double min, double max) {
    return min + random.nextDouble() * (max - min);
  }
}
