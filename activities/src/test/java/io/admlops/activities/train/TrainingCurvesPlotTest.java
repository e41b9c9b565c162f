package io.admlops.activities.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admlops.schemas.UserInputException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

class TrainingCurvesPlotTest {

  private static final Pattern POLYLINE =
      Pattern.compile("<polyline points=\"([^\"]*)\"[^>]*><title>([^<]*)</title>");

  @TempDir Path dir;

  @Test
  void drawsOneLinePerSeriesThroughEachEpochThatRecordedIt() throws Exception {
    List<EpochMetrics> epochs = new ArrayList<>();
    for (int epoch = 1; epoch <= 5; epoch++) {
      epochs.add(SampleRuns.centerNetEpoch(epoch, 3.0 / epoch, epoch % 2 == 0 ? 0.1 * epoch
          : null));
    }

    String svg = new TrainingCurvesPlot(run(epochs)).svg();

    assertEquals(Map.of("total", 5, "heatmap", 5, "offset", 5, "size", 5, "learning rate", 5,
        "val mAP", 2, "images/s", 5), pointsPerSeries(svg));
    Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)))
        .getDocumentElement();
    assertEquals("svg", root.getTagName());
    for (String text : List.of(">Loss<", ">Learning rate<", ">Validation mAP<", ">Throughput<",
        ">epoch<", ">heatmap<", ">val mAP<")) {
      assertTrue(svg.contains(text), text);
    }
  }

  @Test
  void leavesADivergedEpochOutOfTheLossLine() {
    List<EpochMetrics> epochs = new ArrayList<>(List.of(
        SampleRuns.centerNetEpoch(0, 2.0, null), SampleRuns.centerNetEpoch(1, 1.5, null)));
    epochs.add(new EpochMetrics(2, 1000, Double.NaN, Map.of("heatmap", Double.NaN), 1e-3,
        null, null, null));

    Map<String, Integer> points = pointsPerSeries(new TrainingCurvesPlot(run(epochs)).svg());

    assertEquals(2, points.get("total"));
    assertEquals(2, points.get("heatmap"));
    assertEquals(3, points.get("learning rate"));
  }

  @Test
  void aRunWithoutEpochsShowsEmptyPanelsThatSaySo() {
    String svg = new TrainingCurvesPlot(run(List.of())).svg();

    assertEquals(Map.of(), pointsPerSeries(svg));
    assertTrue(svg.contains(">no epochs recorded<"), svg);
    assertTrue(svg.contains(">no validation mAP recorded<"), svg);
    assertTrue(svg.contains(">no throughput recorded<"), svg);
  }

  @Test
  void writesAPngOfTheSameSizeAsTheSvg() throws Exception {
    TrainingCurvesPlot plot = new TrainingCurvesPlot(run(List.of(
        SampleRuns.centerNetEpoch(1, 2.0, 0.2), SampleRuns.centerNetEpoch(2, 1.0, 0.3))));
    Path png = dir.resolve("curves.png");
    Path svg = dir.resolve("curves.svg");

    plot.write(png);
    plot.write(svg);

    BufferedImage image = ImageIO.read(png.toFile());
    Matcher size = Pattern.compile("width=\"(\\d+)\" height=\"(\\d+)\"")
        .matcher(Files.readString(svg));
    assertTrue(size.find());
    assertEquals(Integer.parseInt(size.group(1)), image.getWidth());
    assertEquals(Integer.parseInt(size.group(2)), image.getHeight());
    assertTrue(inkedShare(image) > 0.01, "the image is nearly blank");
  }

  @Test
  void refusesAPlotFileThatIsNeitherSvgNorPng() {
    Path pdf = dir.resolve("curves.pdf");

    UserInputException e = assertThrows(UserInputException.class,
        () -> new TrainingCurvesPlot(run(List.of())).write(pdf));

    assertTrue(e.getMessage().contains(pdf.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(".svg or .png"), e.getMessage());
  }

  private static TrainingRunCurves run(List<EpochMetrics> epochs) {
    return new TrainingRunCurves(7, "iter-3-train", "centernet-r18", "fleet:v2", "gpu(0)",
        "completed", 42, Instant.parse("2025-06-01T08:00:00Z"),
        Instant.parse("2025-06-01T09:30:00Z"), epochs);
  }

  /** Each polyline's series name, from its tooltip, with its number of points. */
  private static Map<String, Integer> pointsPerSeries(String svg) {
    Map<String, Integer> points = new LinkedHashMap<>();
    Matcher m = POLYLINE.matcher(svg);
    while (m.find()) {
      Integer before = points.put(m.group(2), m.group(1).split(" ").length);
      assertEquals(null, before, "two lines for " + m.group(2));
    }
    return points;
  }

  private static double inkedShare(BufferedImage image) {
    long inked = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xffffff) != 0xffffff) {
          inked++;
        }
      }
    }
    return (double) inked / (image.getWidth() * image.getHeight());
  }
}
