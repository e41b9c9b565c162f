package io.admlops.activities.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admlops.activities.analyze.LineChart.Series;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LineChartTest {

  private static final Pattern POLYLINE = Pattern.compile("<polyline points=\"([^\"]*)\"");

  private final LineChart chart = new LineChart("mAP per iteration", List.of("1", "2", "3", "4"),
      "iteration", "mAP", v -> String.format(Locale.ROOT, "%.2f", v));

  @Test
  void putsOneClassedDotOnEachValueWithItsValueInTheTooltip() {
    String svg = chart.render(List.of(
        new Series("candidate", "candidate", "#7c3aed", List.of(0.1, 0.2, 0.3, 0.4)),
        new Series("production", "production", "#475569", List.of(0.1, 0.1, 0.2, 0.2))), 600);

    assertEquals(4, count(svg, "class=\"point candidate\""));
    assertEquals(4, count(svg, "class=\"point production\""));
    assertTrue(svg.contains("<title>candidate, 3: 0.30</title>"), svg);
    assertEquals(2, count(svg, "<polyline "));
  }

  @Test
  void breaksTheLineWhereAValueIsMissingInsteadOfDrawingAZero() {
    String svg = chart.render(List.of(new Series("production", "production", "#475569",
        Arrays.asList(0.2, 0.25, null, 0.3))), 600);

    assertEquals(3, count(svg, "class=\"point production\""));
    Matcher line = POLYLINE.matcher(svg);
    assertTrue(line.find());
    assertEquals(2, line.group(1).split(" ").length, "the run before the gap");
    assertFalse(line.find(), "a lone value after the gap is a dot, not a line");
  }

  @Test
  void saysSoWhenThereIsNoValueYet() {
    String svg = chart.render(List.of(new Series("candidate", "candidate", "#7c3aed",
        Arrays.asList(null, null, null, null))), 600);

    assertTrue(svg.contains(">no values yet<"), svg);
    assertEquals(0, count(svg, "<circle"));
  }

  @Test
  void refusesASeriesWithoutOneValuePerPosition() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> chart.render(List.of(new Series("candidate", "candidate", "#7c3aed",
            List.of(0.1, 0.2))), 600));

    assertEquals("series candidate has 2 values for 4 positions", e.getMessage());
  }

  private static int count(String text, String needle) {
    return text.split(Pattern.quote(needle), -1).length - 1;
  }
}
