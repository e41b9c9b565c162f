package io.admlops.activities.train;

import io.admlops.schemas.UserInputException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A training run's curves as one plot: the total loss and its parts, the learning rate, the
 * validation mAP and the training throughput per epoch, stacked over a shared epoch axis.
 * Written as SVG (sharp at any size, with a tooltip on every point) or as PNG (for places that
 * show only images).
 */
public final class TrainingCurvesPlot {

  /** The file formats of a plot, told by the file's extension. */
  public enum Format {
    SVG,
    PNG;

    /**
     * @throws UserInputException when the file ends neither in .svg nor in .png, naming it
     */
    public static Format of(Path file) {
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".svg")) {
        return SVG;
      }
      if (name.endsWith(".png")) {
        return PNG;
      }
      throw new UserInputException(
          "plot file " + file + ": expected a name ending in .svg or .png");
    }
  }

  private final CurvesLayout layout;

  public TrainingCurvesPlot(TrainingRunCurves run) {
    layout = new CurvesLayout(run);
  }

  /** The plot as a standalone SVG document. */
  public String svg() {
    SvgCanvas canvas = new SvgCanvas(layout.title(), layout.width(), layout.height());
    layout.paint(canvas);
    return canvas.document();
  }

  /** The plot as an image, the same size in pixels as the SVG. */
  public BufferedImage image() {
    ImageCanvas canvas = new ImageCanvas(layout.width(), layout.height());
    layout.paint(canvas);
    return canvas.finish();
  }

  /**
   * Writes the plot in the format its name asks for.
   *
   * @throws UserInputException when the name ends neither in .svg nor in .png
   */
  public void write(Path file) throws IOException {
    switch (Format.of(file)) {
      case SVG -> Files.writeString(file, svg());
      case PNG -> {
        try (OutputStream out = Files.newOutputStream(file)) {
          if (!ImageIO.write(image(), "png", out)) {
            throw new IllegalStateException("this Java runtime has no PNG writer");
          }
        }
      }
    }
  }
}
