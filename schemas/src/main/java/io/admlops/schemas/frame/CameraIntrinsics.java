package io.admlops.schemas.frame;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The camera's 3x4 projection matrix, row-major, mapping homogeneous camera coordinates to
 * pixels (KITTI's {@code P2}; nuScenes' 3x3 intrinsic with a zero fourth column).
 *
 * @param projection 12 numbers
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CameraIntrinsics(List<Double> projection) {

  public CameraIntrinsics {
    if (projection == null || projection.size() != 12) {
      throw new IllegalArgumentException("a projection matrix has 12 numbers (3x4), got "
          + (projection == null ? "none" : projection.size()));
    }
    projection = List.copyOf(projection);
  }

  /** From a 3x3 intrinsic matrix, row-major. */
  public static CameraIntrinsics fromIntrinsic(double[] k) {
    return new CameraIntrinsics(List.of(k[0], k[1], k[2], 0.0, k[3], k[4], k[5], 0.0,
        k[6], k[7], k[8], 0.0));
  }

  /** Projects a point in camera coordinates to pixels: {u, v}; the point must be in front. */
  public double[] project(double x, double y, double z) {
    double u = at(0) * x + at(1) * y + at(2) * z + at(3);
    double v = at(4) * x + at(5) * y + at(6) * z + at(7);
    double w = at(8) * x + at(9) * y + at(10) * z + at(11);
    return new double[] {u / w, v / w};
  }

  @JsonIgnore
  public double focalLengthX() {
    return at(0);
  }

  private double at(int i) {
    return projection.get(i);
  }
}
