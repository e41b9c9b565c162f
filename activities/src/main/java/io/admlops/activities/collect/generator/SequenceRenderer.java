package io.admlops.activities.collect.generator;

import io.admlops.activities.store.Sha256;
import io.admlops.schemas.frame.CameraIntrinsics;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.ImageRef;
import io.admlops.schemas.frame.Provenance;
import io.admlops.schemas.frame.SceneAttributes;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Renders one sequence: draws its conditions, simulates its traffic and renders each frame
 * through the camera, far to near, then the rain in front of everything. Everything random
 * comes from the sequence's own generator, so a sequence renders the same on any thread.
 */
final class SequenceRenderer {

  static final String SOURCE = "generator";
  private static final int RAIN_STREAKS = 140;

  private final ScenarioMix mix;
  private final PinholeCamera camera;
  private final CameraIntrinsics intrinsics;

  SequenceRenderer(ScenarioMix mix) {
    this.mix = mix;
    this.camera = new PinholeCamera(mix.camera());
    this.intrinsics = camera.intrinsics();
  }

  /** The first {@code frames} frames of sequence {@code index}, whose draws come from random. */
  List<GeneratedFrame> render(int index, int frames, Random random) {
    SceneAttributes scene = new ConditionSampler(mix).sample(random);
    Atmosphere air = new Atmosphere(scene);
    DriveSimulation drive = new DriveSimulation(mix, scene.sceneType(), random);
    RoadPainter road = new RoadPainter(camera, RoadLayout.of(scene.sceneType()), air,
        mix.imageWidth(), mix.imageHeight());
    PngEncoder png = new PngEncoder();
    BufferedImage image = new BufferedImage(mix.imageWidth(), mix.imageHeight(),
        BufferedImage.TYPE_INT_RGB);
    String sequenceId = String.format("seq-%06d", index);
    List<GeneratedFrame> out = new ArrayList<>(frames);
    for (int f = 0; f < frames; f++) {
      if (f > 0) {
        drive.step();
      }
      FrameView view = new FrameView(drive.actors(), drive.egoZ(), camera, mix.imageWidth(),
          mix.imageHeight(), air);
      Graphics2D g = image.createGraphics();
      try {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        road.paint(g, drive.egoZ());
        ObjectPainter painter = new ObjectPainter(camera, g, air);
        view.farToNear().forEach(painter::paint);
        if (air.rain()) {
          rain(g, random);
        }
      } finally {
        g.dispose();
      }
      byte[] bytes = png.encode(image);
      String name = String.format("%s/%06d", sequenceId, f);
      Frame frame = new Frame(name, new ImageRef(name + ".png", mix.imageWidth(),
          mix.imageHeight(), Sha256.of(bytes)), intrinsics, view.labels(), List.of(), scene,
          new Provenance(SOURCE, name, sequenceId, f, null));
      out.add(new GeneratedFrame(bytes, frame));
    }
    return out;
  }

  /** Falling streaks in front of the scene, slanted by the ego's motion. */
  private void rain(Graphics2D g, Random random) {
    Composite before = g.getComposite();
    g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.35f));
    g.setColor(new Color(200, 205, 215));
    g.setStroke(new BasicStroke(0.8f));
    for (int i = 0; i < RAIN_STREAKS; i++) {
      double x = random.nextDouble() * mix.imageWidth();
      double y = random.nextDouble() * mix.imageHeight();
      double length = 3 + random.nextDouble() * 7;
      g.draw(new Line2D.Double(x, y, x + length * 0.25, y + length));
    }
    g.setComposite(before);
  }
}
