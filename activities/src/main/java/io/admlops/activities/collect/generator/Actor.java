package io.admlops.activities.collect.generator;

import io.admlops.schemas.frame.Box3D;

/**
 * One object in the world of a sequence. World coordinates follow the road: x to the right of
 * the ego lane's center, z forward along the road, both in meters; the ego camera sits at
 * x = 0 and moves along z.
 *
 * @param trackId the object's identity for the whole sequence
 * @param kind what it is
 * @param x lateral position of its bottom-face center
 * @param z longitudinal position of its bottom-face center
 * @param elevation of its bottom above the road (traffic lights and signs hang above it)
 * @param length along its heading
 * @param width across its heading
 * @param height m
 * @param yaw KITTI's rotation_y: 0 heading right, -pi/2 heading forward, pi/2 towards the ego
 * @param vx lateral speed, m/s
 * @param vz longitudinal speed, m/s
 * @param look a random number choosing colors, the lit lamp, the sign's face
 */
record Actor(int trackId, Kind kind, double x, double z, double elevation, double length,
    double width, double height, double yaw, double vx, double vz, int look) {

  /** Where the object is after {@code seconds} at its constant velocity. */
  Actor moved(double seconds) {
    return new Actor(trackId, kind, x + vx * seconds, z + vz * seconds, elevation, length,
        width, height, yaw, vx, vz, look);
  }

  /** The object's box in the camera's coordinates when the ego camera is at {@code egoZ}. */
  Box3D inCamera(double egoZ, double cameraHeight) {
    return new Box3D(x, cameraHeight - elevation, z - egoZ, length, width, height, yaw);
  }
}
