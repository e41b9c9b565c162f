package io.admlops.activities.collect.generator;

import io.admlops.schemas.frame.FrameObject;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Writes a grid of generated frames, one row per condition, with their labeled boxes and
 * class names drawn on, for a person to check that objects look like what they are, stand on
 * the road and fit their boxes. Run by hand: {@code ContactSheet OUTPUT.png}.
 */
public final class ContactSheet {

  private static final String[] ROWS = {"daytime/clear", "daytime/overcast", "dawn/dusk/clear",
      "night/clear", "daytime/rainy", "night/rainy", "daytime/foggy", "night/foggy"};
  private static final int COLUMNS = 3;

  private ContactSheet() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "contact-sheet.png");
    List<List<BufferedImage>> rows = new ArrayList<>();
    for (String row : ROWS) {
      int cut = row.lastIndexOf('/');
      ScenarioMix mix = TestMixes.only(row.substring(0, cut), row.substring(cut + 1),
          "city street");
      List<BufferedImage> frames = new ArrayList<>();
      new DriveLogGenerator(mix, row.hashCode()).generate(COLUMNS * 20, f -> {
        if (f.frame().provenance().frameIndex() == 10) {
          frames.add(annotated(f));
        }
      });
      rows.add(frames);
    }
    int w = rows.get(0).get(0).getWidth();
    int h = rows.get(0).get(0).getHeight();
    BufferedImage sheet = new BufferedImage(COLUMNS * (w + 4), rows.size() * (h + 4),
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = sheet.createGraphics();
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < COLUMNS; c++) {
        g.drawImage(rows.get(r).get(c), c * (w + 4), r * (h + 4), null);
      }
    }
    g.dispose();
    ImageIO.write(sheet, "png", out.toFile());
  }

  private static BufferedImage annotated(GeneratedFrame f) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(f.png()));
    Graphics2D g = image.createGraphics();
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 8));
    for (FrameObject o : f.frame().objects()) {
      g.setColor(o.occlusion() == 0 ? Color.GREEN : o.occlusion() == 1 ? Color.YELLOW
          : Color.RED);
      g.draw(new Rectangle2D.Double(o.box().x1(), o.box().y1(), o.box().width(),
          o.box().height()));
      g.drawString(o.category(), (float) o.box().x1(), (float) o.box().y1() - 1);
    }
    g.setColor(Color.WHITE);
    g.drawString(f.frame().scene().timeOfDay() + " " + f.frame().scene().weather() + " "
        + f.frame().scene().sceneType(), 3, 10);
    g.dispose();
    return image;
  }
}
