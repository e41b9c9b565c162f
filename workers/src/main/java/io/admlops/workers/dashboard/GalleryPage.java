package io.admlops.workers.dashboard;

import static io.admlops.workers.dashboard.PageLayout.escape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * An iteration's mined frames: each frame with the production model's detections (dashed,
 * with scores) and the accepted labels (solid) drawn over it, and why the miner chose it.
 */
final class GalleryPage {

  private GalleryPage() {}

  static String render(Gallery gallery) {
    StringBuilder html = new StringBuilder();
    if (gallery.notMined() != null) {
      html.append("<section class=\"empty\" id=\"gallery-empty\"><p>")
          .append(escape(gallery.notMined())).append("</p></section>\n");
    } else {
      lead(html, gallery);
      if (!gallery.problems().isEmpty()) {
        html.append("<section class=\"notice warn\" id=\"gallery-problems\"><h2>")
            .append("Not everything could be read</h2><ul>\n");
        gallery.problems().forEach(p -> html.append("<li>").append(escape(p))
            .append("</li>\n"));
        html.append("</ul></section>\n");
      }
      html.append("<section class=\"gallery\" id=\"gallery\">\n");
      gallery.frames().forEach(f -> frame(html, f));
      html.append("</section>\n");
    }
    String campaign = DashboardRoutes.campaign(gallery.campaign());
    String api = DashboardRoutes.api(DashboardRoutes.gallery(gallery.campaign(),
        gallery.iteration()));
    html.append("<p class=\"note\">As JSON: ").append(PageLayout.anchor(api, api))
        .append("</p>\n");
    return PageLayout.page("Mined frames of iteration " + gallery.iteration(),
        List.of(new PageLayout.Link("Campaigns", DashboardRoutes.CAMPAIGNS),
            new PageLayout.Link(gallery.campaign(), campaign)), html.toString());
  }

  private static void lead(StringBuilder html, Gallery gallery) {
    List<String> reasons = new ArrayList<>();
    for (Map.Entry<String, Integer> r : gallery.reasons().entrySet()) {
      reasons.add(r.getKey() + " " + r.getValue());
    }
    html.append("<p class=\"lead\">").append(Readable.count(gallery.frames().size(), "frame"))
        .append(" chosen").append(gallery.strategy() == null ? ""
            : " by the " + escape(gallery.strategy()) + " strategy")
        .append(reasons.isEmpty() ? ""
            : " (" + escape(String.join(", ", reasons)) + ")")
        .append(".<span class=\"legend-line predicted\"></span>the production model's ")
        .append("detections with their scores");
    if (gallery.labelsAccepted()) {
      html.append("<span class=\"legend-line labeled\"></span>the accepted labels");
    }
    html.append(".</p>\n");
    if (!gallery.labelsAccepted()) {
      html.append("<p class=\"note\" id=\"labels-missing\">No labels drawn: ")
          .append(escape(gallery.labelsMissing())).append(".</p>\n");
    }
  }

  private static void frame(StringBuilder html, GalleryFrame frame) {
    html.append("<figure class=\"mined-frame\" data-frame=\"").append(escape(frame.id()))
        .append("\">").append(FrameOverlay.render(frame)).append("<figcaption>");
    frame.reasons().forEach(r -> html.append("<span class=\"reason\">").append(escape(r))
        .append("</span>"));
    html.append("<br>").append(escape(frame.id())).append(" · ")
        .append(frame.predicted().size()).append(" detected");
    if (frame.predicted().size() > FrameOverlay.PREDICTIONS_DRAWN) {
      html.append(" (the ").append(FrameOverlay.PREDICTIONS_DRAWN)
          .append(" most confident drawn)");
    }
    if (frame.labeled() != null) {
      html.append(" · ").append(frame.labeled().size()).append(" labeled");
    }
    if (frame.timeOfDay() != null || frame.weather() != null) {
      html.append(" · ").append(escape(String.join(", ", Stream.of(frame.timeOfDay(),
          frame.weather()).filter(Objects::nonNull).toList())));
    }
    if (frame.image() == null) {
      html.append("<br><span class=\"muted\">its image is no PNG or JPEG in the dataset store")
          .append("</span>");
    } else {
      html.append(" · ").append(PageLayout.anchor(frame.image(), "full size"));
    }
    html.append("</figcaption></figure>\n");
  }
}
