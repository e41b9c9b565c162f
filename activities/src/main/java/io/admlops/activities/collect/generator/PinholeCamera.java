package io.admlops.activities.collect.generator;

import io.admlops.schemas.frame.CameraIntrinsics;
import java.util.List;

/**
 * The ego's front camera: a pinhole looking straight along the road, {@code height} above it,
 * so the road plane is {@code y = height} in camera coordinates and the horizon is the
 * principal point's row.
 */
final class PinholeCamera {

  private final double focal;
  private final double cx;
  private final double cy;
  private final double height;

  PinholeCamera(ScenarioMix.Camera camera) {
    this.focal = camera.focalLength();
    this.cx = camera.principalX();
    this.cy = camera.principalY();
    this.height = camera.height();
  }

  double height() {
    return height;
  }

  double focal() {
    return focal;
  }

  /** The horizon's row. */
  double horizon() {
    return cy;
  }

  double u(double x, double z) {
    return cx + focal * x / z;
  }

  double v(double y, double z) {
    return cy + focal * y / z;
  }

  /** The distance of the road point seen at row {@code v}, below the horizon. */
  double roadDistanceAt(double v) {
    return focal * height / (v - cy);
  }

  /** The projection as the frame records it. */
  CameraIntrinsics intrinsics() {
    return new CameraIntrinsics(List.of(focal, 0.0, cx, 0.0, 0.0, focal, cy, 0.0,
        0.0, 0.0, 1.0, 0.0));
  }
}
