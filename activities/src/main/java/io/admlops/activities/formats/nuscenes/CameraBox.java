package io.admlops.activities.formats.nuscenes;

import io.admlops.schemas.frame.Box2D;
import io.admlops.schemas.frame.Box3D;
import io.admlops.schemas.frame.CameraIntrinsics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a nuScenes box appears in a camera image: as a KITTI box in camera coordinates, as the
 * 2D box around its projection clipped to the image, and by the fraction of that 2D box the
 * image border cuts off.
 *
 * <p>A box whose center lies nearer than {@link #NEAR} to the camera plane (or behind it) is
 * not in the image. A box in front of that plane with corners behind it is cut at the plane:
 * the 2D box spans the projections of the corners in front and of the points where the box's
 * edges cross the plane. This is the outline of the part of the box the camera can see, where
 * keeping only the corners in front would shrink the box and projecting the corners behind
 * would mirror them across the image.
 *
 * <p>The KITTI box assumes the box's up axis points along the camera's -y axis (a level
 * camera, as on nuScenes' vehicles): its bottom face center is the box center moved half the
 * height down along the camera's +y axis, and its yaw is the heading turned about the camera's
 * y axis, from the box's forward axis projected onto the camera's x-z plane.
 *
 * @param box3d the box in the camera frame, KITTI convention
 * @param box the 2D box, clipped to the image, with positive area
 * @param truncation 1 - clipped area / unclipped area of the 2D box, 0 to 1
 */
record CameraBox(Box3D box3d, Box2D box, double truncation) {

  /** Meters along the optical axis; points nearer than this would project towards infinity. */
  static final double NEAR = 0.1;

  /**
   * Places a box seen by the camera; empty when none of it is in the image.
   *
   * @param boxInCamera the box's center and orientation in camera coordinates; its local x
   *     axis is the heading (length), y the width, z up (height)
   */
  static Optional<CameraBox> place(Pose boxInCamera, double width, double length, double height,
      CameraIntrinsics camera, int imageWidth, int imageHeight) {
    double[] center = boxInCamera.translation();
    if (center[2] < NEAR) {
      return Optional.empty();
    }
    // With the center beyond the near plane, so is at least one corner: the outline exists.
    Box2D unclipped = outline(corners(boxInCamera, width, length, height), camera);
    Box2D clipped = unclipped.clippedTo(imageWidth, imageHeight);
    if (!(clipped.area() > 0)) {
      return Optional.empty();
    }
    double truncation = Math.max(0, Math.min(1, 1 - clipped.area() / unclipped.area()));
    double[] heading = boxInCamera.rotate(new double[] {1, 0, 0});
    double yaw = -Math.atan2(heading[2], heading[0]);
    Box3D box3d = new Box3D(center[0], center[1] + height / 2, center[2], length, width,
        height, yaw);
    return Optional.of(new CameraBox(box3d, clipped, truncation));
  }

  /**
   * The 8 corners in camera coordinates. Corner i sits on the positive side of the box's
   * x (length), y (width) and z (height) axes where bits 0, 1 and 2 of i are set, so two
   * corners share an edge when their indices differ in one bit.
   */
  private static double[][] corners(Pose box, double width, double length, double height) {
    double[][] corners = new double[8][];
    for (int i = 0; i < 8; i++) {
      corners[i] = box.apply(new double[] {half(i, 0, length), half(i, 1, width),
          half(i, 2, height)});
    }
    return corners;
  }

  private static double half(int corner, int bit, double extent) {
    return ((corner >> bit) & 1) == 1 ? extent / 2 : -extent / 2;
  }

  /** The rectangle around the projection of the part of the box beyond the near plane. */
  private static Box2D outline(double[][] corners, CameraIntrinsics camera) {
    List<double[]> visible = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      double[] a = corners[i];
      if (a[2] >= NEAR) {
        visible.add(a);
      }
      for (int bit = 0; bit < 3; bit++) {
        int j = i | (1 << bit);
        double[] b = corners[j];
        if (j != i && (a[2] >= NEAR) != (b[2] >= NEAR)) {
          visible.add(crossing(a, b));
        }
      }
    }
    double x1 = Double.POSITIVE_INFINITY;
    double y1 = Double.POSITIVE_INFINITY;
    double x2 = Double.NEGATIVE_INFINITY;
    double y2 = Double.NEGATIVE_INFINITY;
    for (double[] p : visible) {
      double[] uv = camera.project(p[0], p[1], p[2]);
      x1 = Math.min(x1, uv[0]);
      y1 = Math.min(y1, uv[1]);
      x2 = Math.max(x2, uv[0]);
      y2 = Math.max(y2, uv[1]);
    }
    return new Box2D(x1, y1, x2, y2);
  }

  /** Where the edge from a to b crosses the near plane; z is set exactly, against rounding. */
  private static double[] crossing(double[] a, double[] b) {
    double t = (NEAR - a[2]) / (b[2] - a[2]);
    return new double[] {a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]), NEAR};
  }
}
