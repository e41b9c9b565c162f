package io.admlops.activities.collect.generator;

import io.admlops.schemas.frame.Box3D;

/**
 * Points of a KITTI 3D box in camera coordinates. The box's own axes are: along its length
 * (its heading), up, and across its width; at yaw 0 the length lies along the camera's x axis,
 * and yaw turns it around the camera's y axis as KITTI's rotation_y does.
 */
final class BoxCorners {

  private BoxCorners() {}

  /** The 8 corners: bottom face then top face, each counter-clockwise seen from above. */
  static double[][] of(Box3D b) {
    double[][] corners = new double[8][];
    double[] along = {1, 1, -1, -1};
    double[] across = {1, -1, -1, 1};
    for (int i = 0; i < 8; i++) {
      corners[i] = point(b, along[i % 4] * b.length() / 2, i < 4 ? 0 : b.height(),
          across[i % 4] * b.width() / 2);
    }
    return corners;
  }

  /**
   * A point given in the box's own axes, from its bottom-face center: {@code along} its
   * heading, {@code up} from its bottom, {@code across} towards its right.
   */
  static double[] point(Box3D b, double along, double up, double across) {
    double c = Math.cos(b.yaw());
    double s = Math.sin(b.yaw());
    return new double[] {b.x() + c * along + s * across, b.y() - up,
        b.z() - s * along + c * across};
  }
}
