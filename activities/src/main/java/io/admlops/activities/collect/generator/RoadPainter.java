package io.admlops.activities.collect.generator;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Composite;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;

/**
 * Paints what lies behind every object: the sky down to the horizon, the verge or sidewalks,
 * the road in perspective with its edge lines and dashed lane markings (fixed on the road, so
 * they stream past as the ego drives), then the haze over the ground, row by row at the
 * distance each row shows.
 */
final class RoadPainter {

  private static final double FAR = 600;
  private static final double NEAR = 1.0;
  private static final double DASH = 3.0;
  private static final double DASH_PERIOD = 9.0;
  private static final double LINE_WIDTH = 0.15;

  private final PinholeCamera camera;
  private final RoadLayout road;
  private final Atmosphere air;
  private final int width;
  private final int height;

  RoadPainter(PinholeCamera camera, RoadLayout road, Atmosphere air, int width, int height) {
    this.camera = camera;
    this.road = road;
    this.air = air;
    this.width = width;
    this.height = height;
  }

  void paint(Graphics2D g, double egoZ) {
    float horizon = (float) camera.horizon();
    g.setPaint(new GradientPaint(0, 0, air.skyTop(), 0, horizon, air.skyHorizon()));
    g.fillRect(0, 0, width, (int) Math.ceil(horizon) + 1);
    double sheen = air.rain() ? 1.25 : 1.0;
    g.setColor(air.lit(road.sidewalk() > 0 ? 0x8f8c86 : 0x4f7a3a, 0));
    g.fillRect(0, (int) horizon, width, height);
    if (road.sidewalk() > 0) {
      // Beyond the sidewalks, the building line's grass and driveways.
      strip(g, road.leftEdge() - road.sidewalk() - 40, road.leftEdge() - road.sidewalk(),
          NEAR, FAR, air.lit(0x5b7446, 0));
      strip(g, road.rightEdge() + road.sidewalk(), road.rightEdge() + road.sidewalk() + 40,
          NEAR, FAR, air.lit(0x5b7446, 0));
    }
    int asphalt = air.rain() ? 0x3c3d40 : 0x55575b;
    strip(g, road.leftEdge(), road.rightEdge(), NEAR, FAR, air.lit(asphalt, 0));
    if (air.rain()) {
      // A wet road mirrors the bright sky near the horizon.
      g.setPaint(new GradientPaint(0, horizon, withAlpha(air.skyHorizon(), 120), 0,
          horizon + (float) (height - horizon) * 0.5f, withAlpha(air.skyHorizon(), 0)));
      g.fill(quad(road.leftEdge(), road.rightEdge(), 12, FAR));
    }
    Color paint = air.lit(scale(0xe8e8e0, sheen), 0);
    strip(g, road.leftEdge() + 0.1, road.leftEdge() + 0.1 + LINE_WIDTH, NEAR, FAR, paint);
    strip(g, road.rightEdge() - 0.1 - LINE_WIDTH, road.rightEdge() - 0.1, NEAR, FAR, paint);
    for (RoadLayout.Divider d : road.dividers()) {
      if (d.sameDirection()) {
        dashes(g, d.x(), egoZ, paint);
      } else {
        strip(g, d.x() - 0.2, d.x() - 0.05, NEAR, FAR, air.lit(0xd8b23a, 0));
        strip(g, d.x() + 0.05, d.x() + 0.2, NEAR, FAR, air.lit(0xd8b23a, 0));
      }
    }
    if (air.night()) {
      headlightPool(g);
    }
    haze(g);
  }

  private void dashes(Graphics2D g, double x, double egoZ, Color color) {
    double first = Math.floor((egoZ + NEAR) / DASH_PERIOD) * DASH_PERIOD;
    for (double start = first; start < egoZ + 150; start += DASH_PERIOD) {
      double near = Math.max(start - egoZ, NEAR);
      double far = start + DASH - egoZ;
      if (far > near) {
        strip(g, x - LINE_WIDTH / 2, x + LINE_WIDTH / 2, near, far, color);
      }
    }
  }

  /** The road ahead lit by the ego's own headlights. */
  private void headlightPool(Graphics2D g) {
    float near = (float) camera.v(camera.height(), 6);
    float far = (float) camera.v(camera.height(), 45);
    g.setPaint(new GradientPaint(0, near, new Color(255, 236, 190, 70), 0, far,
        new Color(255, 236, 190, 0)));
    Path2D.Double cone = new Path2D.Double();
    moveTo(cone, -1.8, 6);
    lineTo(cone, 1.8, 6);
    lineTo(cone, 4.5, 45);
    lineTo(cone, -4.5, 45);
    cone.closePath();
    g.fill(cone);
  }

  /** Blends each ground row towards the fog color by the distance that row shows. */
  private void haze(Graphics2D g) {
    Composite opaque = g.getComposite();
    Color fog = air.fog();
    g.setColor(fog);
    int top = (int) Math.floor(camera.horizon());
    for (int row = top; row < height; row++) {
      double distance = camera.roadDistanceAt(Math.max(row + 0.5, camera.horizon() + 0.25));
      float alpha = (float) (1 - air.contrast(distance));
      if (alpha > 0.004) {
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, alpha));
        g.fillRect(0, row, width, 1);
      }
    }
    g.setComposite(opaque);
  }

  private void strip(Graphics2D g, double left, double right, double near, double far,
      Color color) {
    g.setColor(color);
    g.fill(quad(left, right, near, far));
  }

  /** A rectangle of road surface between two lateral positions and two distances. */
  private Path2D.Double quad(double left, double right, double near, double far) {
    Path2D.Double p = new Path2D.Double();
    moveTo(p, left, near);
    lineTo(p, right, near);
    lineTo(p, right, far);
    lineTo(p, left, far);
    p.closePath();
    return p;
  }

  private void moveTo(Path2D.Double p, double x, double z) {
    p.moveTo(camera.u(x, z), camera.v(camera.height(), z));
  }

  private void lineTo(Path2D.Double p, double x, double z) {
    p.lineTo(camera.u(x, z), camera.v(camera.height(), z));
  }

  private static Color withAlpha(Color c, int alpha) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
  }

  private static int scale(int rgb, double factor) {
    int r = (int) Math.min(255, ((rgb >> 16) & 0xff) * factor);
    int gr = (int) Math.min(255, ((rgb >> 8) & 0xff) * factor);
    int b = (int) Math.min(255, (rgb & 0xff) * factor);
    return (r << 16) | (gr << 8) | b;
  }
}
