package io.admlops.activities.collect.generator;

import io.admlops.schemas.frame.SceneAttributes;
import java.awt.Color;

/**
 * How the conditions of a sequence change what the camera records: the ambient light and its
 * tint (low and orange at dawn and dusk, very low at night), the sky, and the atmosphere's
 * visibility. Every drawn color passes through {@link #lit}: it is lit, then blended towards the
 * fog color by the remaining contrast {@code exp(-distance / visibility)}, so in fog far objects
 * fade into the background. Lamps pass through {@link #lamp}: they do not need ambient light.
 */
final class Atmosphere {

  /** Contrast below which an object is lost in the haze and therefore not labeled. */
  static final double MIN_CONTRAST = 0.05;

  private final double red;
  private final double green;
  private final double blue;
  private final int fog;
  private final double visibility;
  private final boolean night;
  private final boolean dusk;
  private final boolean rain;
  private final int skyTop;
  private final int skyHorizon;

  Atmosphere(SceneAttributes scene) {
    night = "night".equals(scene.timeOfDay());
    dusk = "dawn/dusk".equals(scene.timeOfDay());
    rain = "rainy".equals(scene.weather());
    String weather = scene.weather();
    double ambient = switch (weather) {
      case "overcast" -> 0.82;
      case "rainy" -> 0.62;
      case "foggy" -> 0.85;
      default -> 1.0;
    } * (night ? 0.2 : dusk ? 0.62 : 1.0);
    red = ambient * (dusk ? 1.15 : night ? 0.9 : 1.0);
    green = ambient * (dusk ? 0.82 : night ? 0.95 : 1.0);
    blue = ambient * (dusk ? 0.62 : night ? 1.2 : 1.0);
    visibility = switch (weather) {
      case "overcast" -> 1500;
      case "rainy" -> 160;
      case "foggy" -> night ? 22 : 30;
      default -> 4000;
    };
    int clearTop = night ? 0x05081a : dusk ? 0x3a3470 : 0x4f8fd8;
    int clearHorizon = night ? 0x1c2338 : dusk ? 0xf29a55 : 0xb9d6f0;
    int grey = night ? 0x1e2026 : dusk ? 0x9c8a86 : "rainy".equals(weather) ? 0x8a8e96 : 0xb4b8bd;
    boolean clouded = !"clear".equals(weather);
    skyTop = clouded ? darker(grey, 0.85) : clearTop;
    skyHorizon = clouded ? grey : clearHorizon;
    fog = "foggy".equals(weather) ? (night ? 0x2a2c33 : dusk ? 0xb39a8c : 0xc9ccd0) : skyHorizon;
  }

  boolean night() {
    return night;
  }

  boolean dusk() {
    return dusk;
  }

  boolean rain() {
    return rain;
  }

  double visibility() {
    return visibility;
  }

  Color skyTop() {
    return new Color(skyTop);
  }

  Color skyHorizon() {
    return new Color(skyHorizon);
  }

  Color fog() {
    return new Color(fog);
  }

  /** The share of an object's contrast left at this distance. */
  double contrast(double distance) {
    return Math.exp(-distance / visibility);
  }

  /** A surface's color as recorded from this distance. */
  Color lit(int rgb, double distance) {
    double keep = contrast(distance);
    return new Color(blend(((rgb >> 16) & 0xff) * red, (fog >> 16) & 0xff, keep),
        blend(((rgb >> 8) & 0xff) * green, (fog >> 8) & 0xff, keep),
        blend((rgb & 0xff) * blue, fog & 0xff, keep));
  }

  /** A lamp's color as recorded from this distance, with an alpha for its glow. */
  Color lamp(int rgb, double distance, int alpha) {
    double keep = contrast(distance);
    return new Color(blend((rgb >> 16) & 0xff, (fog >> 16) & 0xff, keep),
        blend((rgb >> 8) & 0xff, (fog >> 8) & 0xff, keep),
        blend(rgb & 0xff, fog & 0xff, keep), (int) Math.round(alpha * keep));
  }

  private static int blend(double color, double fog, double keep) {
    return (int) Math.round(Math.min(255, Math.max(0, fog + (color - fog) * keep)));
  }

  private static int darker(int rgb, double factor) {
    return ((int) (((rgb >> 16) & 0xff) * factor) << 16)
        | ((int) (((rgb >> 8) & 0xff) * factor) << 8) | (int) ((rgb & 0xff) * factor);
  }
}
