package io.admlops.activities.collect.generator;

import io.admlops.schemas.frame.Box3D;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;

/**
 * Draws parts of an object through the camera, in the object's own axes (along its heading,
 * up, across), so a car's cabin or a pedestrian's legs turn and shrink with it. A block shows
 * only the faces turned towards the camera, which is all a convex solid needs.
 */
final class Solids {

  private final PinholeCamera camera;
  private final Graphics2D g;

  Solids(PinholeCamera camera, Graphics2D g) {
    this.camera = camera;
    this.g = g;
  }

  /**
   * A block between the given bounds: its ends (the faces across its heading) in {@code end},
   * its sides in {@code side}, its top in {@code top}.
   */
  void block(Box3D b, double along0, double along1, double up0, double up1, double across0,
      double across1, Color end, Color side, Color top) {
    double[][] c = new double[8][];
    for (int i = 0; i < 8; i++) {
      c[i] = BoxCorners.point(b, (i & 1) == 0 ? along0 : along1, (i & 2) == 0 ? up0 : up1,
          (i & 4) == 0 ? across0 : across1);
    }
    face(c, new int[] {1, 3, 7, 5}, new int[] {0, 2, 6, 4}, end);
    face(c, new int[] {0, 2, 6, 4}, new int[] {1, 3, 7, 5}, end);
    face(c, new int[] {4, 5, 7, 6}, new int[] {0, 1, 3, 2}, side);
    face(c, new int[] {0, 1, 3, 2}, new int[] {4, 5, 7, 6}, side);
    face(c, new int[] {2, 3, 7, 6}, new int[] {0, 1, 5, 4}, top);
  }

  /** Whether the end of the object at {@code along} (its front if positive) faces the camera. */
  boolean facing(Box3D b, double along) {
    double[] at = BoxCorners.point(b, along, b.height() / 2, 0);
    double[] center = BoxCorners.point(b, 0, b.height() / 2, 0);
    double nx = at[0] - center[0];
    double nz = at[2] - center[2];
    return nx * at[0] + nz * at[2] < 0;
  }

  /** A flat rectangle across the object at {@code along}, e.g. a window or a lamp. */
  void panel(Box3D b, double along, double up0, double up1, double across0, double across1,
      Color color) {
    g.setColor(color);
    g.fill(polygon(new double[][] {BoxCorners.point(b, along, up0, across0),
        BoxCorners.point(b, along, up0, across1), BoxCorners.point(b, along, up1, across1),
        BoxCorners.point(b, along, up1, across0)}));
  }

  /** A flat rectangle along the object's side at {@code across}. */
  void sidePanel(Box3D b, double across, double along0, double along1, double up0,
      double up1, Color color) {
    g.setColor(color);
    g.fill(polygon(new double[][] {BoxCorners.point(b, along0, up0, across),
        BoxCorners.point(b, along1, up0, across), BoxCorners.point(b, along1, up1, across),
        BoxCorners.point(b, along0, up1, across)}));
  }

  /** A ball, e.g. a head or a helmet, drawn as its outline's disc. */
  void ball(Box3D b, double along, double up, double across, double radius, Color color) {
    double[] p = BoxCorners.point(b, along, up, across);
    double r = camera.focal() * radius / p[2];
    g.setColor(color);
    g.fill(new Ellipse2D.Double(camera.u(p[0], p[2]) - r, camera.v(p[1], p[2]) - r, 2 * r,
        2 * r));
  }

  /** A wheel standing in the object's heading plane at {@code across}, as a ring. */
  void wheel(Box3D b, double along, double across, double radius, float thickness,
      Color color) {
    Path2D.Double ring = new Path2D.Double();
    for (int i = 0; i <= 16; i++) {
      double angle = 2 * Math.PI * i / 16;
      double[] p = BoxCorners.point(b, along + radius * Math.cos(angle),
          radius * (1 + Math.sin(angle)), across);
      double u = camera.u(p[0], p[2]);
      double v = camera.v(p[1], p[2]);
      if (i == 0) {
        ring.moveTo(u, v);
      } else {
        ring.lineTo(u, v);
      }
    }
    double[] center = BoxCorners.point(b, along, radius, across);
    g.setColor(color);
    g.setStroke(new java.awt.BasicStroke(Math.max(0.7f,
        (float) (camera.focal() * thickness / center[2]))));
    g.draw(ring);
  }

  /** A straight rod between two points of the object, e.g. a bicycle's frame. */
  void rod(Box3D b, double[] from, double[] to, float thickness, Color color) {
    double[] p = BoxCorners.point(b, from[0], from[1], from[2]);
    double[] q = BoxCorners.point(b, to[0], to[1], to[2]);
    g.setColor(color);
    g.setStroke(new java.awt.BasicStroke(Math.max(0.7f,
        (float) (camera.focal() * thickness / p[2]))));
    g.draw(new java.awt.geom.Line2D.Double(camera.u(p[0], p[2]), camera.v(p[1], p[2]),
        camera.u(q[0], q[2]), camera.v(q[1], q[2])));
  }

  /** A light's glow: soft rings around a point, fading outwards. */
  void glow(Box3D b, double along, double up, double across, double radius, Color color) {
    double[] p = BoxCorners.point(b, along, up, across);
    double u = camera.u(p[0], p[2]);
    double v = camera.v(p[1], p[2]);
    double r = Math.max(1.2, camera.focal() * radius / p[2]);
    for (int ring = 3; ring >= 1; ring--) {
      double rr = r * ring;
      g.setColor(new Color(color.getRed(), color.getGreen(), color.getBlue(),
          color.getAlpha() / (ring + 1)));
      g.fill(new Ellipse2D.Double(u - rr, v - rr, 2 * rr, 2 * rr));
    }
  }

  /** The 2D outline of points of the object, e.g. a sign's face. */
  Path2D.Double polygon(double[][] points) {
    Path2D.Double path = new Path2D.Double();
    for (int i = 0; i < points.length; i++) {
      double u = camera.u(points[i][0], points[i][2]);
      double v = camera.v(points[i][1], points[i][2]);
      if (i == 0) {
        path.moveTo(u, v);
      } else {
        path.lineTo(u, v);
      }
    }
    path.closePath();
    return path;
  }

  private void face(double[][] c, int[] corners, int[] opposite, Color color) {
    double fx = 0;
    double fy = 0;
    double fz = 0;
    double ox = 0;
    double oy = 0;
    double oz = 0;
    for (int i = 0; i < 4; i++) {
      fx += c[corners[i]][0] / 4;
      fy += c[corners[i]][1] / 4;
      fz += c[corners[i]][2] / 4;
      ox += c[opposite[i]][0] / 4;
      oy += c[opposite[i]][1] / 4;
      oz += c[opposite[i]][2] / 4;
    }
    // The face is seen when its outward normal (from the opposite face to it) points at us.
    if ((fx - ox) * fx + (fy - oy) * fy + (fz - oz) * fz >= 0) {
      return;
    }
    g.setColor(color);
    g.fill(polygon(new double[][] {c[corners[0]], c[corners[1]], c[corners[2]],
        c[corners[3]]}));
  }
}
