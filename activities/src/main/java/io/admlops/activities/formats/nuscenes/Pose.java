package io.admlops.activities.formats.nuscenes;

/**
 * A rigid transform: a rotation, held as a unit quaternion, followed by a translation. nuScenes
 * states every placement this way (the ego vehicle in the world, a sensor on the vehicle, a box
 * in the world), with quaternions written [w, x, y, z]. Chaining and inverting these takes a
 * box from world coordinates into a camera's.
 */
final class Pose {

  private final double w;
  private final double x;
  private final double y;
  private final double z;
  private final double tx;
  private final double ty;
  private final double tz;

  private Pose(double w, double x, double y, double z, double tx, double ty, double tz) {
    this.w = w;
    this.x = x;
    this.y = y;
    this.z = z;
    this.tx = tx;
    this.ty = ty;
    this.tz = tz;
  }

  /**
   * @param translation x, y, z
   * @param rotation w, x, y, z; normalized here, since rounding in the tables leaves
   *     quaternions slightly off unit length
   * @throws IllegalArgumentException when the quaternion has no length or is not finite
   */
  static Pose of(double[] translation, double[] rotation) {
    double norm = Math.sqrt(rotation[0] * rotation[0] + rotation[1] * rotation[1]
        + rotation[2] * rotation[2] + rotation[3] * rotation[3]);
    if (!(norm > 0) || !Double.isFinite(norm)) {
      throw new IllegalArgumentException("the rotation quaternion has no length");
    }
    return new Pose(rotation[0] / norm, rotation[1] / norm, rotation[2] / norm,
        rotation[3] / norm, translation[0], translation[1], translation[2]);
  }

  /** Where the pose puts the origin of its inner frame. */
  double[] translation() {
    return new double[] {tx, ty, tz};
  }

  /** The unit quaternion, w, x, y, z. */
  double[] rotation() {
    return new double[] {w, x, y, z};
  }

  /** A point of the inner frame in the outer frame. */
  double[] apply(double[] point) {
    double[] moved = rotate(point);
    moved[0] += tx;
    moved[1] += ty;
    moved[2] += tz;
    return moved;
  }

  /** A direction of the inner frame in the outer frame: turned, not moved. */
  double[] rotate(double[] v) {
    // v + 2w (u × v) + 2 u × (u × v) with u the quaternion's vector part: the rotation
    // without building a matrix.
    double cx = y * v[2] - z * v[1];
    double cy = z * v[0] - x * v[2];
    double cz = x * v[1] - y * v[0];
    double dx = y * cz - z * cy;
    double dy = z * cx - x * cz;
    double dz = x * cy - y * cx;
    return new double[] {v[0] + 2 * (w * cx + dx), v[1] + 2 * (w * cy + dy),
        v[2] + 2 * (w * cz + dz)};
  }

  /** The transform back from the outer frame to the inner one. */
  Pose inverse() {
    Pose turnBack = new Pose(w, -x, -y, -z, 0, 0, 0);
    double[] t = turnBack.rotate(translation());
    return new Pose(w, -x, -y, -z, -t[0], -t[1], -t[2]);
  }

  /** This pose applied after {@code inner}: from inner's inner frame to this outer frame. */
  Pose after(Pose inner) {
    double nw = w * inner.w - x * inner.x - y * inner.y - z * inner.z;
    double nx = w * inner.x + x * inner.w + y * inner.z - z * inner.y;
    double ny = w * inner.y - x * inner.z + y * inner.w + z * inner.x;
    double nz = w * inner.z + x * inner.y - y * inner.x + z * inner.w;
    double[] t = apply(inner.translation());
    return new Pose(nw, nx, ny, nz, t[0], t[1], t[2]);
  }
}
