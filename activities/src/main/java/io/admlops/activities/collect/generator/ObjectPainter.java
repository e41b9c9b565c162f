package io.admlops.activities.collect.generator;

import io.admlops.schemas.frame.Box3D;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;

/**
 * Draws each kind of object inside its 3D box with the shape and colors that make it
 * recognizable: cars with a cabin of windows on a body, trucks with a cab and a cargo box,
 * buses with a band of windows, people as narrow figures, lights on poles with one lamp lit,
 * signs with their face. Vehicles' lamps glow at night and at dusk.
 */
final class ObjectPainter {

  private static final int[] BODY_COLORS = {0xb8bcc2, 0x2b2f36, 0xe9e9e6, 0x8c1d1d, 0x1f3d78,
      0x5a6068, 0x9aa3a8, 0x2e5b3a};
  private static final int[] CLOTHES = {0x2d3a5a, 0x7a2e2e, 0x3c3c3c, 0xc9b48a, 0x2f6d6a,
      0xd8d8d0, 0x5b3b6b};
  private static final int[] LAMPS = {0xff3020, 0xffb020, 0x30ff70};
  private static final int TIRE = 0x1c1c1e;
  private static final int GLASS = 0x26303c;
  private static final int SKIN = 0xc89c7c;

  private final Solids solids;
  private final Atmosphere air;
  private final Graphics2D g;
  private final PinholeCamera camera;

  ObjectPainter(PinholeCamera camera, Graphics2D g, Atmosphere air) {
    this.camera = camera;
    this.g = g;
    this.air = air;
    this.solids = new Solids(camera, g);
  }

  void paint(ViewedObject o) {
    Box3D b = o.box();
    double d = o.distance();
    int look = o.actor().look();
    switch (o.actor().kind()) {
      case CAR -> car(b, d, look);
      case VAN -> van(b, d, look);
      case TRUCK -> truck(b, d, look);
      case BUS -> bus(b, d, look);
      case MOTORCYCLE -> motorcycle(b, d, look);
      case CYCLIST -> cyclist(b, d, look);
      case PEDESTRIAN -> pedestrian(b, d, look, o.actor());
      case TRAFFIC_LIGHT -> trafficLight(b, d, look);
      case TRAFFIC_SIGN -> sign(b, d, look);
      case POLE -> pole(b, d);
      case STREET_LIGHT -> streetLight(b, d);
      case BUSH -> bush(o, d, look);
      default -> throw new IllegalStateException("no painter for " + o.actor().kind());
    }
  }

  private void car(Box3D b, double d, int look) {
    double l = b.length() / 2;
    double w = b.width() / 2;
    double h = b.height();
    int body = BODY_COLORS[look % BODY_COLORS.length];
    tires(b, d, 0.3, 0.31);
    block(b, -l, l, 0.25, 0.55 * h, -w, w, body, d);
    solids.block(b, -0.62 * l, 0.38 * l, 0.55 * h, h, -w + 0.12, w - 0.12,
        air.lit(GLASS, d), air.lit(GLASS, d), air.lit(body, d));
    lamps(b, d, 0.38 * h, 0.5 * h, w);
  }

  private void van(Box3D b, double d, int look) {
    double l = b.length() / 2;
    double w = b.width() / 2;
    int body = look % 2 == 0 ? 0xe6e6e2 : 0x9aa3a8;
    tires(b, d, 0.28, 0.33);
    block(b, -l, l, 0.25, b.height(), -w, w, body, d);
    Color glass = air.lit(GLASS, d);
    solids.block(b, 0.55 * l, l + 0.01, 0.5 * b.height(), 0.85 * b.height(), -w - 0.01,
        w + 0.01, glass, glass, glass);
  }

  private void truck(Box3D b, double d, int look) {
    double l = b.length() / 2;
    double w = b.width() / 2;
    double h = b.height();
    int cab = BODY_COLORS[look % BODY_COLORS.length];
    int cargo = (look >> 4) % 2 == 0 ? 0xdcdcd8 : 0x7f8890;
    tires(b, d, 0.2, 0.45);
    boolean cabFirst = !solids.facing(b, l);
    if (cabFirst) {
      truckCab(b, d, l, w, h, cab);
    }
    block(b, -l, l - 2.3, 0.8, h, -w, w, cargo, d);
    if (!cabFirst) {
      truckCab(b, d, l, w, h, cab);
    }
    lamps(b, d, 0.6, 0.85, w);
  }

  private void truckCab(Box3D b, double d, double l, double w, double h, int color) {
    block(b, l - 2.2, l, 0.35, 0.85 * h, -w, w, color, d);
    if (solids.facing(b, l)) {
      solids.panel(b, l + 0.01, 0.55 * h, 0.8 * h, -w + 0.15, w - 0.15, air.lit(GLASS, d));
    }
  }

  private void bus(Box3D b, double d, int look) {
    double l = b.length() / 2;
    double w = b.width() / 2;
    double h = b.height();
    int body = look % 2 == 0 ? 0xd9a021 : 0x2c6fb3;
    tires(b, d, 0.2, 0.5);
    block(b, -l, l, 0.3, h, -w, w, body, d);
    Color glass = air.lit(GLASS, d);
    solids.block(b, -l - 0.01, l + 0.01, 0.42 * h, 0.82 * h, -w - 0.01, w + 0.01, glass,
        glass, air.lit(body, d));
    lamps(b, d, 0.2 * h, 0.3 * h, w);
  }

  private void motorcycle(Box3D b, double d, int look) {
    double l = b.length() / 2;
    double s = b.height() / 1.5;
    Color tire = air.lit(TIRE, d);
    solids.wheel(b, -l + 0.33, 0, 0.31, 0.12f, tire);
    solids.wheel(b, l - 0.33, 0, 0.31, 0.12f, tire);
    block(b, -0.5 * l, 0.55 * l, 0.35 * s, 0.85 * s, -0.18, 0.18,
        BODY_COLORS[look % BODY_COLORS.length], d);
    block(b, -0.3 * l, 0.05 * l, 0.8 * s, 1.3 * s, -0.2, 0.2, CLOTHES[look % CLOTHES.length],
        d);
    solids.ball(b, 0, 1.38 * s, 0, 0.13 * s, air.lit(0x202020 + (look & 0x3f) * 0x030303, d));
    lamps(b, d, 0.62 * s, 0.75 * s, 0.12);
  }

  private void cyclist(Box3D b, double d, int look) {
    double l = b.length() / 2;
    double s = b.height() / 1.75;
    Color frame = air.lit(BODY_COLORS[(look >> 3) % BODY_COLORS.length], d);
    Color tire = air.lit(TIRE, d);
    solids.wheel(b, -l + 0.34, 0, 0.33, 0.05f, tire);
    solids.wheel(b, l - 0.34, 0, 0.33, 0.05f, tire);
    double[] saddle = {-0.2, 0.9 * s, 0};
    double[] bars = {l - 0.45, 1.0 * s, 0};
    double[] crank = {0, 0.33, 0};
    solids.rod(b, new double[] {-l + 0.34, 0.33, 0}, crank, 0.04f, frame);
    solids.rod(b, crank, saddle, 0.04f, frame);
    solids.rod(b, saddle, bars, 0.04f, frame);
    solids.rod(b, bars, new double[] {l - 0.34, 0.33, 0}, 0.04f, frame);
    Color clothes = air.lit(CLOTHES[look % CLOTHES.length], d);
    solids.rod(b, saddle, new double[] {0.05, 0.3, 0.1}, 0.12f, air.lit(0x303030, d));
    solids.block(b, -0.35, 0.1, 0.9 * s, 1.45 * s, -0.2, 0.2, clothes, clothes,
        clothes.brighter());
    solids.ball(b, 0.0, 1.6 * s, 0, 0.12 * s, air.lit(SKIN, d));
  }

  private void pedestrian(Box3D b, double d, int look, Actor walker) {
    double h = b.height();
    // The stride follows the distance walked, so legs swing as the person moves.
    double phase = (walker.x() + walker.z()) * 3.2;
    double stride = Math.abs(walker.vx()) + Math.abs(walker.vz()) > 0
        ? 0.18 * Math.sin(phase) : 0;
    Color legs = air.lit(CLOTHES[(look >> 3) % CLOTHES.length], d);
    Color top = air.lit(CLOTHES[look % CLOTHES.length], d);
    solids.block(b, stride - 0.07, stride + 0.07, 0, 0.48 * h, -0.16, -0.03, legs, legs, legs);
    solids.block(b, -stride - 0.07, -stride + 0.07, 0, 0.48 * h, 0.03, 0.16, legs, legs, legs);
    solids.block(b, -0.12, 0.12, 0.46 * h, 0.82 * h, -0.2, 0.2, top, top, top);
    solids.block(b, -0.06 - stride / 2, 0.06 - stride / 2, 0.5 * h, 0.8 * h, -0.27, -0.2,
        top, top, top);
    solids.block(b, -0.06 + stride / 2, 0.06 + stride / 2, 0.5 * h, 0.8 * h, 0.2, 0.27,
        top, top, top);
    solids.ball(b, 0, 0.91 * h, 0, 0.09 * h, air.lit(SKIN, d));
  }

  private void trafficLight(Box3D b, double d, int look) {
    double l = b.length() / 2;
    double w = b.width() / 2;
    double h = b.height();
    block(b, -l, l, 0, h, -w, w, 0x2a2a2a, d);
    int lit = look % 3;
    for (int i = 0; i < 3; i++) {
      double up = h * (0.8 - 0.3 * i);
      boolean on = i == lit;
      Color color = on ? air.lamp(LAMPS[i], d, 255) : air.lit(0x3a3a36, d);
      double r = 0.11;
      solids.panel(b, l + 0.01, up - r, up + r, -r, r, color);
      if (on && (air.night() || air.dusk())) {
        solids.glow(b, l + 0.02, up, 0, 0.2, air.lamp(LAMPS[i], d, 150));
      }
    }
  }

  private void sign(Box3D b, double d, int look) {
    double l = b.length() / 2;
    double w = b.width() / 2;
    double h = b.height();
    Color rim = air.lit(look % 4 < 2 ? 0xc81e1e : 0x1f4fa8, d);
    Color face = air.lit(0xeeeeea, d);
    switch (look % 4) {
      case 0 -> {
        disc(b, l, h / 2, w, rim);
        disc(b, l, h / 2, 0.72 * w, face);
      }
      case 1 -> {
        triangle(b, l, h, w, rim);
        triangle(b, l, h * 0.82, w * 0.7, face);
      }
      case 2 -> disc(b, l, h / 2, w, rim);
      default -> solids.panel(b, l, 0, h, -w, w, rim);
    }
  }

  private void disc(Box3D b, double along, double up, double radius, Color color) {
    double[] c = BoxCorners.point(b, along, up, 0);
    double r = camera.focal() * radius / c[2];
    g.setColor(color);
    g.fill(new Ellipse2D.Double(camera.u(c[0], c[2]) - r, camera.v(c[1], c[2]) - r, 2 * r,
        2 * r));
  }

  /** A warning sign's triangle, point up, inside the face's height {@code h}. */
  private void triangle(Box3D b, double along, double h, double half, Color color) {
    double bottom = (b.height() - h) / 2;
    g.setColor(color);
    g.fill(solids.polygon(new double[][] {BoxCorners.point(b, along, bottom, -half),
        BoxCorners.point(b, along, bottom, half), BoxCorners.point(b, along, bottom + h, 0)}));
  }

  private void pole(Box3D b, double d) {
    double l = b.length() / 2;
    double w = b.width() / 2;
    block(b, -l, l, 0, b.height(), -w, w, 0x808286, d);
  }

  private void streetLight(Box3D b, double d) {
    double l = b.length() / 2;
    double w = b.width() / 2;
    double h = b.height();
    block(b, -0.3 * l, 0.3 * l, 0, h - 0.3, -0.3 * w, 0.3 * w, 0x6d7075, d);
    block(b, -l, l, h - 0.3, h, -w, w, 0x55585c, d);
    if (air.night() || air.dusk()) {
      solids.glow(b, l, h - 0.3, 0, 0.35, air.lamp(0xffd9a0, d, 200));
    }
  }

  private void bush(ViewedObject o, double d, int look) {
    Color leaves = air.lit(look % 2 == 0 ? 0x2f5a26 : 0x3d6b2a, d);
    Color shade = air.lit(0x234419, d);
    double x1 = o.projected().x1();
    double y1 = o.projected().y1();
    double w = o.projected().width();
    double h = o.projected().height();
    g.setColor(shade);
    g.fill(new Ellipse2D.Double(x1, y1 + 0.15 * h, 0.65 * w, 0.85 * h));
    g.setColor(leaves);
    g.fill(new Ellipse2D.Double(x1 + 0.3 * w, y1, 0.7 * w, h));
    g.fill(new Ellipse2D.Double(x1 + 0.1 * w, y1 + 0.3 * h, 0.6 * w, 0.7 * h));
  }

  /** Four tires at the corners, under where the body will be drawn. */
  private void tires(Box3D b, double d, double inset, double radius) {
    double l = b.length() / 2;
    double w = b.width() / 2;
    Color tire = air.lit(TIRE, d);
    for (double along : new double[] {-l + inset + radius, l - inset - radius}) {
      for (double side : new double[] {-1, 1}) {
        double outer = side * w;
        double inner = side * (w - 0.25);
        solids.block(b, along - radius, along + radius, 0, 2 * radius, Math.min(outer, inner),
            Math.max(outer, inner), tire, tire, tire);
      }
    }
  }

  /** Taillights on a vehicle's rear and headlights on its front, glowing in low light. */
  private void lamps(Box3D b, double d, double up0, double up1, double w) {
    double l = b.length() / 2;
    boolean glowing = air.night() || air.dusk() || air.rain();
    for (int end : new int[] {-1, 1}) {
      if (!solids.facing(b, end * l)) {
        continue;
      }
      int color = end < 0 ? 0xe01818 : 0xfff4d8;
      double lamp = Math.min(0.22, w / 3);
      for (double side : new double[] {-1, 1}) {
        double outer = side * (w - 0.05);
        double inner = side * (w - 0.05 - lamp);
        solids.panel(b, end * (l + 0.01), up0, up1, Math.min(outer, inner),
            Math.max(outer, inner), glowing ? air.lamp(color, d, 255) : air.lit(color, d));
        if (glowing) {
          solids.glow(b, end * (l + 0.02), (up0 + up1) / 2, (outer + inner) / 2,
              end < 0 ? 0.18 : 0.3, air.lamp(color, d, air.night() ? 220 : 120));
        }
      }
    }
  }

  /** A block whose faces are shaded by the direction they face, lit from above. */
  private void block(Box3D b, double along0, double along1, double up0, double up1,
      double across0, double across1, int rgb, double d) {
    solids.block(b, along0, along1, up0, up1, across0, across1, air.lit(shade(rgb, 0.88), d),
        air.lit(shade(rgb, 0.72), d), air.lit(rgb, d));
  }

  private static int shade(int rgb, double factor) {
    return ((int) (((rgb >> 16) & 0xff) * factor) << 16)
        | ((int) (((rgb >> 8) & 0xff) * factor) << 8) | (int) ((rgb & 0xff) * factor);
  }
}
