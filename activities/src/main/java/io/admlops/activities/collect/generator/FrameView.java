package io.admlops.activities.collect.generator;

import io.admlops.schemas.frame.Box2D;
import io.admlops.schemas.frame.Box3D;
import io.admlops.schemas.frame.FrameObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What the camera sees of the world in one frame, and the labels that follow from it.
 *
 * <p>Only objects whose 8 corners are all at least {@value #NEAR_PLANE} m in front of the
 * camera and whose projection overlaps the image are drawn; of those, the taxonomy's objects
 * are labeled when their clipped 2D box is at least {@value #MIN_LABEL_HEIGHT} px tall (a
 * smaller one is drawn but too small to see) and when fog leaves them at least
 * {@link Atmosphere#MIN_CONTRAST} of their contrast (farther, they are lost in it). The 2D
 * box is the projection of the 3D box's 8
 * corners clipped to the image, truncation is the share of that projection outside the image,
 * and occlusion is KITTI's code from how much of the 2D box the boxes of nearer objects
 * (labeled or not) cover: under 10% is 0, under 50% is 1, else 2.
 */
final class FrameView {

  static final double NEAR_PLANE = 0.5;
  static final double MIN_LABEL_HEIGHT = 2.0;

  private final List<ViewedObject> farToNear;
  private final int width;
  private final int height;
  private final Atmosphere atmosphere;

  FrameView(List<Actor> world, double egoZ, PinholeCamera camera, int width, int height,
      Atmosphere atmosphere) {
    this.width = width;
    this.height = height;
    this.atmosphere = atmosphere;
    List<ViewedObject> seen = new ArrayList<>();
    for (Actor actor : world) {
      Box3D box = actor.inCamera(egoZ, camera.height());
      Box2D projected = project(BoxCorners.of(box), camera);
      if (projected != null && projected.clippedTo(width, height).area() > 0) {
        double centerY = box.y() - box.height() / 2;
        seen.add(new ViewedObject(actor, box, projected,
            Math.sqrt(box.x() * box.x() + centerY * centerY + box.z() * box.z())));
      }
    }
    seen.sort(Comparator.comparingDouble(ViewedObject::distance).reversed());
    this.farToNear = List.copyOf(seen);
  }

  /** The visible objects in the order to paint them: far to near. */
  List<ViewedObject> farToNear() {
    return farToNear;
  }

  /** The labels of the frame, nearest first. */
  List<FrameObject> labels() {
    List<FrameObject> labels = new ArrayList<>();
    for (int i = farToNear.size() - 1; i >= 0; i--) {
      ViewedObject o = farToNear.get(i);
      Box2D clipped = o.projected().clippedTo(width, height);
      if (!o.actor().kind().labeled() || clipped.height() < MIN_LABEL_HEIGHT
          || atmosphere.contrast(o.distance()) < Atmosphere.MIN_CONTRAST) {
        continue;
      }
      double truncation = 1 - clipped.area() / o.projected().area();
      labels.add(new FrameObject(null, o.actor().kind().category(), clipped, o.box(),
          Math.max(0, truncation), occlusion(i, clipped), "track-" + o.actor().trackId(),
          false, false, null, null, Map.of()));
    }
    return labels;
  }

  /** The box around the projected corners, or null when a corner is not in front. */
  static Box2D project(double[][] corners, PinholeCamera camera) {
    double x1 = Double.POSITIVE_INFINITY;
    double y1 = Double.POSITIVE_INFINITY;
    double x2 = Double.NEGATIVE_INFINITY;
    double y2 = Double.NEGATIVE_INFINITY;
    for (double[] p : corners) {
      if (p[2] < NEAR_PLANE) {
        return null;
      }
      double u = camera.u(p[0], p[2]);
      double v = camera.v(p[1], p[2]);
      x1 = Math.min(x1, u);
      y1 = Math.min(y1, v);
      x2 = Math.max(x2, u);
      y2 = Math.max(y2, v);
    }
    return new Box2D(x1, y1, x2, y2);
  }

  private int occlusion(int index, Box2D clipped) {
    List<Box2D> covers = new ArrayList<>();
    for (int j = index + 1; j < farToNear.size(); j++) {
      Box2D cover = intersection(farToNear.get(j).projected(), clipped);
      if (cover != null) {
        covers.add(cover);
      }
    }
    double covered = unionArea(covers) / clipped.area();
    return covered < 0.1 ? 0 : covered < 0.5 ? 1 : 2;
  }

  private static Box2D intersection(Box2D a, Box2D b) {
    double x1 = Math.max(a.x1(), b.x1());
    double y1 = Math.max(a.y1(), b.y1());
    double x2 = Math.min(a.x2(), b.x2());
    double y2 = Math.min(a.y2(), b.y2());
    return x2 > x1 && y2 > y1 ? new Box2D(x1, y1, x2, y2) : null;
  }

  /** The exact area of a union of boxes, over the grid their edges make. */
  static double unionArea(List<Box2D> boxes) {
    double[] xs = boxes.stream().flatMapToDouble(b -> java.util.stream.DoubleStream.of(b.x1(),
        b.x2())).sorted().distinct().toArray();
    double[] ys = boxes.stream().flatMapToDouble(b -> java.util.stream.DoubleStream.of(b.y1(),
        b.y2())).sorted().distinct().toArray();
    double area = 0;
    for (int i = 0; i + 1 < xs.length; i++) {
      for (int j = 0; j + 1 < ys.length; j++) {
        double mx = (xs[i] + xs[i + 1]) / 2;
        double my = (ys[j] + ys[j + 1]) / 2;
        for (Box2D b : boxes) {
          if (mx > b.x1() && mx < b.x2() && my > b.y1() && my < b.y2()) {
            area += (xs[i + 1] - xs[i]) * (ys[j + 1] - ys[j]);
            break;
          }
        }
      }
    }
    return area;
  }
}
