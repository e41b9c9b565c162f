package io.admlops.activities.formats.kitti;

import io.admlops.activities.formats.DatasetWriter;
import io.admlops.activities.formats.ImagePlacer;
import io.admlops.activities.formats.Taxonomy;
import io.admlops.schemas.frame.Box2D;
import io.admlops.schemas.frame.Box3D;
import io.admlops.schemas.frame.CameraIntrinsics;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.FrameObject;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes the KITTI object layout: {@code image_2/}, {@code label_2/} with the 15 columns (a
 * 16th, the score, for predictions) and, when the camera is known, {@code calib/} with
 * {@code P2} and an identity {@code R0_rect}. Unknown values take KITTI's own placeholders:
 * occlusion 3, alpha and rotation -10, dimensions -1, location -1000. Crowd regions are
 * written as {@code DontCare}.
 */
public final class KittiWriter implements DatasetWriter {

  private final Path labels;
  private final Path calib;
  private final ImagePlacer images;

  public KittiWriter(Path folder, Taxonomy taxonomy) throws IOException {
    this.labels = Files.createDirectories(folder.resolve("label_2"));
    this.calib = folder.resolve("calib");
    this.images = new ImagePlacer(folder.resolve("image_2"));
  }

  @Override
  public void write(Frame frame) throws IOException {
    Path source = Path.of(frame.image().uri());
    images.place(source, ImagePlacer.fileName(frame.id(), source));
    try (Writer out = Files.newBufferedWriter(labels.resolve(ImagePlacer.fileStem(frame.id()) + ".txt"),
        StandardCharsets.UTF_8)) {
      for (FrameObject o : frame.objects()) {
        out.write(line(o));
        out.write('\n');
      }
    }
    if (frame.camera() != null) {
      Files.createDirectories(calib);
      Files.writeString(calib.resolve(ImagePlacer.fileStem(frame.id()) + ".txt"), calibration(frame.camera()),
          StandardCharsets.UTF_8);
    }
  }

  @Override
  public void finish() {
    // Every frame is complete in its own files.
  }

  static String line(FrameObject o) {
    // A crowd region (COCO iscrowd) is what KITTI calls DontCare: an area neither trained on
    // nor counted in evaluation.
    boolean dontCare = Taxonomy.DONT_CARE.equals(o.category()) || o.crowd();
    Box2D b = o.box();
    Box3D d = dontCare ? null : o.box3d();
    String type = dontCare ? Taxonomy.DONT_CARE : o.category().replaceAll("\\s+", "_");
    String truncated = dontCare ? "-1" : f2(o.truncation() == null ? 0 : o.truncation());
    String occluded = dontCare ? "-1"
        : Integer.toString(o.occlusion() == null ? 3 : o.occlusion());
    String alpha = d == null ? "-10" : o.attributes().getOrDefault("alpha", f2(alpha(d)));
    String geometry = d == null ? "-1 -1 -1 -1000 -1000 -1000 -10"
        : String.join(" ", f2(d.height()), f2(d.width()), f2(d.length()), f2(d.x()),
            f2(d.y()), f2(d.z()), f2(d.yaw()));
    String line = String.join(" ", type, truncated, occluded, alpha, f2(b.x1()), f2(b.y1()),
        f2(b.x2()), f2(b.y2()), geometry);
    return o.score() == null ? line : line + " " + String.format(Locale.ROOT, "%.4f", o.score());
  }

  /** The observation angle KITTI derives from the yaw and the object's bearing. */
  private static double alpha(Box3D d) {
    double a = d.yaw() - Math.atan2(d.x(), d.z());
    while (a > Math.PI) {
      a -= 2 * Math.PI;
    }
    while (a < -Math.PI) {
      a += 2 * Math.PI;
    }
    return a;
  }

  private static String calibration(CameraIntrinsics camera) {
    return "P2: " + camera.projection().stream().map(KittiWriter::exact)
        .collect(Collectors.joining(" ")) + "\nR0_rect: 1 0 0 0 1 0 0 0 1\n";
  }

  private static String f2(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static String exact(double v) {
    return Double.toString(v);
  }
}
