package io.admlops.activities.loop;

import io.admlops.activities.datasets.DatasetRegistry;
import io.admlops.activities.detector.Detector;
import io.admlops.activities.evaluate.slices.Detection;
import io.admlops.activities.mine.CornerCaseMiner;
import io.admlops.activities.mine.MinedFrame;
import io.admlops.activities.mine.MiningSettings;
import io.admlops.activities.mine.MiningStrategy;
import io.admlops.activities.mine.SceneDistribution;
import io.admlops.activities.model.ComputeDevice;
import io.admlops.activities.model.ModelConfigLoader;
import io.admlops.activities.modelzoo.ModelVersion;
import io.admlops.activities.modelzoo.ModelVersions;
import io.admlops.activities.predict.FramePredictor;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.FrameObject;
import io.admlops.workflows.loop.MineActivities;
import io.admlops.workflows.loop.MineRequest;
import io.admlops.workflows.loop.MineResult;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;

/**
 * Mining on the gpu queue: the production model scores the iteration's new frames, the
 * miner picks the budget, and the picks are written with the model's detections as
 * pre-annotations and their reasons as tags to {@code mined/<campaign>/iteration-<n>/}.
 * The output's place is fixed by campaign and iteration and its content by the inputs, so a
 * retry writes the same file again.
 */
public class MineActivitiesImpl implements MineActivities {

  /** The failure type of a request no retry can fix: an unknown model or strategy. */
  public static final String INVALID_REQUEST = "InvalidMineRequest";

  private final DSLContext dsl;
  private final DatasetRegistry datasets;
  private final Path store;
  private final ComputeDevice device;

  public MineActivitiesImpl(DSLContext dsl, DatasetRegistry datasets, Path store,
      ComputeDevice device) {
    this.dsl = dsl;
    this.datasets = datasets;
    this.store = store;
    this.device = device;
  }

  @Override
  public MineResult mine(MineRequest request) {
    try {
      MiningStrategy strategy = MiningStrategy.of(request.strategy());
      List<Frame> frames = LoopManifests.read(store.resolve(request.collectedManifest()));
      ModelVersion model = new ModelVersions(dsl).resolve(request.productionModel());
      try (Detector detector = Detector.load(ModelConfigLoader.load(model.config()),
          model.parameters(), device.device())) {
        List<MinedFrame> picks = new CornerCaseMiner(detector, MiningSettings.DEFAULTS).mine(
            frames, SceneDistribution.ofVersion(datasets, request.dataset(),
                request.datasetVersion()), request.budget(), strategy, request.seed());
        List<Frame> chosen = picks.stream().map(MinedFrame::frame).toList();
        String manifest = "mined/" + request.campaign() + "/iteration-" + request.iteration()
            + "/frames.jsonl";
        LoopManifests.write(store.resolve(manifest),
            withPreAnnotations(chosen, FramePredictor.predict(detector, chosen)));
        Map<String, Integer> reasons = new TreeMap<>();
        picks.forEach(p -> p.reasons().forEach(r -> reasons.merge(r, 1, Integer::sum)));
        return new MineResult(manifest, chosen.size(), reasons);
      }
    } catch (UserInputException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), INVALID_REQUEST);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The frames with the model's detections as their objects, each with its score. */
  private static List<Frame> withPreAnnotations(List<Frame> frames, List<Detection> found) {
    Map<String, List<FrameObject>> byFrame = new LinkedHashMap<>();
    for (Detection d : found) {
      byFrame.computeIfAbsent(d.frameId(), k -> new ArrayList<>()).add(new FrameObject(null,
          d.className(), d.box(), null, null, null, null, false, false, null, d.score(),
          null));
    }
    return frames.stream()
        .map(f -> f.withObjects(byFrame.getOrDefault(f.id(), List.of()))).toList();
  }
}
