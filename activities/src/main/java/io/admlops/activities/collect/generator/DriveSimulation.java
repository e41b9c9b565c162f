package io.admlops.activities.collect.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The traffic of one sequence over time: the ego drives forward at its speed, every object
 * moves at its own constant velocity, objects that fall behind or wander off are dropped and
 * new ones appear far ahead (entering the view at the horizon) to keep the road busy.
 */
final class DriveSimulation {

  /** How far ahead traffic is kept and new objects appear, m. */
  private static final double HORIZON = 110;
  private static final double SPAWN_NEAR = 70;
  private static final double STREET_LIGHT_SPACING = 40;
  private static final double STREET_LIGHT_OFFSET = 15;

  private final ScenarioMix mix;
  private final Random random;
  private final ActorSpawner spawner;
  private final int population;
  private final double egoSpeed;
  private final boolean streetLights;
  private final List<Actor> world = new ArrayList<>();
  private double egoZ;
  private double lightsPlacedTo = -20;

  DriveSimulation(ScenarioMix mix, String sceneType, Random random) {
    this.mix = mix;
    this.random = random;
    this.egoSpeed = between(mix.egoSpeed().min(), mix.egoSpeed().max());
    RoadLayout road = RoadLayout.of(sceneType);
    this.spawner = new ActorSpawner(road, egoSpeed, mix.occluderProbability(), random);
    this.population = (int) Math.round(between(mix.objectsPerFrame().min(),
        mix.objectsPerFrame().max()));
    this.streetLights = !"highway".equals(sceneType);
    placeStreetLights();
    for (int i = 0; i < population; i++) {
      spawner.spawn(mix.classes().pick(random), egoZ, 8, HORIZON - 20, world);
    }
  }

  /** The ego camera's position along the road. */
  double egoZ() {
    return egoZ;
  }

  /** Everything in the world now, in the order it was added. */
  List<Actor> actors() {
    return world;
  }

  /** Advances the world by one frame interval. */
  void step() {
    double dt = mix.frameInterval();
    egoZ += egoSpeed * dt;
    world.replaceAll(a -> a.moved(dt));
    world.removeIf(a -> a.z() < egoZ - 20 || a.z() > egoZ + HORIZON + 40
        || Math.abs(a.x()) > 30);
    placeStreetLights();
    // One newcomer per frame at most, so the road fills up gradually as in a real drive.
    if (trafficAhead() < population) {
      spawner.spawn(mix.classes().pick(random), egoZ, SPAWN_NEAR, HORIZON, world);
    }
  }

  private long trafficAhead() {
    return world.stream()
        .filter(a -> a.kind().labeled() && a.z() > egoZ && a.z() < egoZ + HORIZON).count();
  }

  /** Adds the street lights between the last one placed and the reach of the view. */
  private void placeStreetLights() {
    if (!streetLights) {
      return;
    }
    double reach = egoZ + HORIZON;
    long first = (long) Math.floor((lightsPlacedTo - STREET_LIGHT_OFFSET) / STREET_LIGHT_SPACING)
        + 1;
    for (long k = first; k * STREET_LIGHT_SPACING + STREET_LIGHT_OFFSET <= reach; k++) {
      world.add(spawner.streetLight(k * STREET_LIGHT_SPACING + STREET_LIGHT_OFFSET));
    }
    lightsPlacedTo = reach;
  }

  private double between(double min, double max) {
    return min + random.nextDouble() * (max - min);
  }
}
