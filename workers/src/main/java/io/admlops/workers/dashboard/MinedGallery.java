package io.admlops.workers.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.activities.loop.LoopManifests;
import io.admlops.activities.mine.MiningReasons;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.FrameObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An iteration's mined frames from the dataset store: the mine stage's manifest holds each
 * frame with the production model's detections and, in its tags, why it was chosen; the
 * annotate stage's manifest holds the labels accepted for the same frames.
 */
final class MinedGallery {

  private final StoreFiles store;

  MinedGallery(StoreFiles store) {
    this.store = store;
  }

  Gallery of(String campaign, IterationHistory iteration) {
    Optional<StageRun> mine = iteration.stageRun("mine");
    Optional<JsonNode> mined = iteration.detail("mine")
        .filter(d -> d.path("manifest").isTextual());
    if (mine.isEmpty() || !mine.get().status().equals("completed") || mined.isEmpty()) {
      return Gallery.notMined(campaign, iteration.number(), whyNotMined(iteration, mine));
    }
    List<String> problems = new ArrayList<>();
    List<Frame> frames = read(mined.get().path("manifest").textValue(), problems);
    Optional<String> accepted = iteration.detail("annotate")
        .map(d -> d.path("accepted").textValue());
    Map<String, List<FrameObject>> labels = new LinkedHashMap<>();
    accepted.ifPresent(manifest -> read(manifest, problems)
        .forEach(f -> labels.put(f.id(), f.objects())));
    // The most frequent reason first; jsonb keeps keys in an order of its own.
    List<Map.Entry<String, Integer>> counted = new ArrayList<>();
    mined.get().path("reasons").fields().forEachRemaining(
        r -> counted.add(Map.entry(shortReason(r.getKey()), r.getValue().intValue())));
    counted.sort(Map.Entry.<String, Integer>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey()));
    Map<String, Integer> reasons = new LinkedHashMap<>();
    counted.forEach(r -> reasons.put(r.getKey(), r.getValue()));
    return new Gallery(campaign, iteration.number(), null,
        mined.get().path("strategy").textValue(), reasons, accepted.isPresent(),
        accepted.isPresent() ? null : whyNoLabels(iteration),
        frames.stream().map(f -> frame(f, accepted.isPresent() ? labels : null)).toList(),
        problems);
  }

  private GalleryFrame frame(Frame frame, Map<String, List<FrameObject>> labels) {
    List<String> reasons = frame.scene().tags().stream()
        .filter(t -> t.startsWith(MiningReasons.PREFIX)).map(MinedGallery::shortReason)
        .toList();
    List<DrawnBox> labeled = labels == null ? null
        : labels.getOrDefault(frame.id(), List.of()).stream().map(DrawnBox::of).toList();
    return new GalleryFrame(frame.id(),
        store.imageUrl(Path.of(frame.image().uri())).orElse(null), frame.image().width(),
        frame.image().height(), reasons, frame.scene().timeOfDay(), frame.scene().weather(),
        frame.objects().stream().map(DrawnBox::of).toList(), labeled);
  }

  /** The frames of a manifest the journal names; what cannot be read goes to problems. */
  private List<Frame> read(String relative, List<String> problems) {
    Optional<Path> manifest = store.resolve(relative);
    if (manifest.isEmpty()) {
      problems.add(relative + ": leads outside the dataset store");
      return List.of();
    }
    if (!Files.isRegularFile(manifest.get())) {
      problems.add(relative + ": no such file in the dataset store");
      return List.of();
    }
    try {
      return LoopManifests.read(manifest.get());
    } catch (IOException e) {
      problems.add(relative + ": " + e.getMessage());
      return List.of();
    }
  }

  private static String shortReason(String reason) {
    return reason.startsWith(MiningReasons.PREFIX)
        ? reason.substring(MiningReasons.PREFIX.length()) : reason;
  }

  private static String whyNotMined(IterationHistory iteration, Optional<StageRun> mine) {
    String which = "Iteration " + iteration.number();
    if (mine.isPresent()) {
      return switch (mine.get().status()) {
        case "running" -> which + " is mining now.";
        case "failed" -> which + ": mining failed.";
        case "skipped" -> which + " ended before mining" + outcome(iteration);
        default -> which + " recorded no mined frames.";
      };
    }
    if (iteration.finishedAt() != null) {
      return which + " ended before mining" + outcome(iteration);
    }
    return which + " has not mined yet: it is at stage " + iteration.stage() + ".";
  }

  private static String whyNoLabels(IterationHistory iteration) {
    Optional<StageRun> annotate = iteration.stageRun("annotate");
    if (annotate.isEmpty()) {
      return "labels were not requested yet";
    }
    Optional<JsonNode> detail = iteration.detail("annotate");
    String gaveUp = detail.map(d -> d.path("gaveUp").textValue()).orElse(null);
    if (gaveUp != null) {
      return "no labels were accepted: " + gaveUp;
    }
    String batch = detail.map(d -> d.path("batch").textValue()).orElse("of this iteration");
    return switch (annotate.get().status()) {
      case "running", "waiting" -> "labels for batch " + batch + " are awaited";
      case "failed" -> "the annotate stage failed";
      default -> "no accepted labels are recorded for batch " + batch;
    };
  }

  private static String outcome(IterationHistory iteration) {
    String outcome = iteration.summary() == null ? null
        : iteration.summary().path("outcome").textValue();
    return outcome == null ? "." : ": " + outcome + ".";
  }
}
