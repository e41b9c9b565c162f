package io.admlops.activities.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admlops.schemas.frame.Box2D;
import io.admlops.schemas.frame.FrameObject;
import io.admlops.schemas.frame.SceneAttributes;
import io.admlops.schemas.json.Mappers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalysisReportTest {

  /** A class name that breaks a page unless escaped. */
  private static final String HOSTILE_CLASS = "a<b&c";

  /**
   * Instances per class, instances per frame, box sizes, box centers, widths, heights, aspect
   * ratios, occlusion, truncation, time of day, weather, scene type, tags, image sizes.
   */
  private static final int CHARTS = 14;

  @TempDir
  static Path dir;

  private static AnalysisResult result;
  private static String html;

  @BeforeAll
  static void writeReport() throws IOException {
    DatasetAnalysis analysis = SampleFrames.analyzed();
    analysis.accept(SampleFrames.frame("odd", 1000, 500,
        new SceneAttributes("dawn/dusk", "rainy", "residential", List.of()),
        FrameObject.box(HOSTILE_CLASS, new Box2D(10, 10, 110, 60))));
    result = analysis.result(SampleFrames.definition());
    AnalysisReport.write(result, dir.resolve("report"));
    html = Files.readString(dir.resolve("report").resolve(AnalysisReport.HTML),
        StandardCharsets.UTF_8);
  }

  @Test
  void jsonReadsBackIntoTheResult() throws IOException {
    AnalysisResult read = Mappers.json().readValue(
        dir.resolve("report").resolve(AnalysisReport.JSON).toFile(), AnalysisResult.class);
    assertEquals(result, read);
  }

  @Test
  void drawsEveryChartAsInlineSvg() {
    assertEquals(CHARTS, count(html, "<svg "));
    assertEquals(CHARTS, count(html, "</svg>"));
  }

  @Test
  void escapesNamesFromTheData() {
    assertFalse(html.contains(HOSTILE_CLASS));
    assertTrue(html.contains("<td>a&lt;b&amp;c</td>"));
    assertTrue(html.contains(">a&lt;b&amp;c</text>"));
  }

  @Test
  void opensOfflineWithoutExternalResources() {
    String withoutNamespace = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    assertFalse(withoutNamespace.contains("http://"));
    assertFalse(withoutNamespace.contains("https://"));
    assertFalse(html.contains("<script"));
    assertFalse(html.contains("<link"));
    assertFalse(html.contains("@import"));
    assertTrue(html.contains("<style>"));
  }

  @Test
  void putsTheWarningsBeforeTheCharts() {
    int warning = html.indexOf("gap: class &#39;cyclist&#39; has no instances");
    assertTrue(warning > 0);
    assertTrue(warning < html.indexOf("<svg "));
    assertTrue(html.contains(result.warnings().size() + " warnings</h2>"));
  }

  @Test
  void marksMetAndUnmetTargets() {
    assertTrue(html.contains("<tr class=\"met\"><td>car</td><td class=\"num\">3</td>"
        + "<td class=\"num\">2</td>"));
    assertTrue(html.contains("<tr class=\"unmet\"><td>pedestrian</td><td class=\"num\">2</td>"
        + "<td class=\"num\">4</td>"));
    assertTrue(html.contains("<tr class=\"unmet\"><td>timeOfDay</td><td>night</td>"));
    assertTrue(html.contains("<tr class=\"met\"><td>weather</td><td>foggy</td>"));
    assertEquals(4, count(html, "<span class=\"badge\">"));
  }

  @Test
  void reportsAnEmptyDataset() throws IOException {
    AnalysisReport.write(new DatasetAnalysis().result(null), dir.resolve("empty"));
    String page = Files.readString(dir.resolve("empty").resolve(AnalysisReport.HTML),
        StandardCharsets.UTF_8);
    assertTrue(page.contains("<li>the dataset has no frames</li>"));
    assertTrue(page.contains("Analyzed without a dataset definition"));
    assertTrue(page.contains("<h3>Tags</h3><p class=\"muted\">No frame has any.</p>"));
  }

  private static int count(String text, String part) {
    Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
