package io.admlops.workers.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FrameOverlayTest {

  @Test
  void onlyTheMostConfidentPredictionsAreDrawnWhileEveryLabelIs() {
    List<DrawnBox> predicted = new ArrayList<>();
    for (int i = 1; i <= 14; i++) {
      predicted.add(new DrawnBox("car", 10 * i, 10, 10 * i + 8, 30, i / 100.0));
    }
    List<DrawnBox> labeled = List.of(new DrawnBox("car", 20, 10, 28, 30, null),
        new DrawnBox("truck", 50, 10, 90, 40, null));
    GalleryFrame frame = new GalleryFrame("f1", "/frames/f1.png", 320, 180,
        List.of("uncertain"), "night", "clear", predicted, labeled);

    String svg = FrameOverlay.render(frame);

    assertEquals(FrameOverlay.PREDICTIONS_DRAWN, count(svg, "<rect class=\"box predicted\""));
    assertEquals(2, count(svg, "<rect class=\"box labeled\""));
    assertTrue(svg.contains(">car 0.14<"), "the most confident is named on the frame");
    assertTrue(svg.contains(">car 0.05<"), "the tenth most confident is drawn");
    assertFalse(svg.contains("car 0.04"), "the eleventh is left out");
  }

  private static int count(String text, String what) {
    return (int) Pattern.compile(Pattern.quote(what)).matcher(text).results().count();
  }
}
