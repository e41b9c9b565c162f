package io.admlops.activities.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.admlops.activities.detector.CenterNetLoss;
import io.admlops.activities.detector.Detector;
import io.admlops.activities.model.ComputeDevice;
import io.admlops.activities.model.ModelConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a config's detector on labeled frames, epoch by epoch, writing a checkpoint after
 * each and resuming from one when given. The weights start from the config's seed, the data
 * pipeline draws from it too, and the optimizer's state is checkpointed, so the same seed
 * and frames give the same weights, interrupted or not.
 */
final class DetectorTrainer {

  private static final Logger LOG = LoggerFactory.getLogger(DetectorTrainer.class);

  private final ModelConfig config;
  private final ComputeDevice device;
  private final int dataThreads;

  DetectorTrainer(ModelConfig config, ComputeDevice device, int dataThreads) {
    this.config = config;
    this.device = device;
    this.dataThreads = dataThreads;
  }

  /**
   * Runs the epochs not yet done.
   *
   * @param frames the training split
   * @param validation scores the detector after each epoch
   * @param runFolder where checkpoints go
   * @param resumeFrom the checkpoint of an earlier attempt of this run, if any
   * @param listener told of every step and epoch, for heartbeats and metrics
   */
  TrainingOutcome train(List<TrainingExample> frames, Validation validation, Path runFolder,
      Optional<Checkpoint> resumeFrom, Listener listener) throws IOException {
    ModelConfig.Training training = config.training();
    NativeAllocator.adviseOnce(LOG);
    try (Detector detector = Detector.initialize(config, device.device(), training.seed());
        BatchPipeline pipeline = new BatchPipeline(frames, config, dataThreads)) {
      ParameterUpdater updater = new ParameterUpdater(training.optimizer(),
          detector.network().getParameters(), detector.manager());
      int firstEpoch = 1;
      long step = 0;
      EpochMetrics last = null;
      if (resumeFrom.isPresent()) {
        Checkpoint checkpoint = resumeFrom.get();
        detector.loadWeights(checkpoint.parameters());
        updater.load(checkpoint.optimizerState(), checkpoint.optimizerSteps());
        last = checkpoint.metrics();
        firstEpoch = last.epoch() + 1;
        step = last.step();
        LOG.info("resuming {} after epoch {} from {}", config.name(), last.epoch(),
            checkpoint.folder());
      }
      updater.attachGradients();
      CenterNetLoss loss = new CenterNetLoss(config.loss());
      LearningRateSchedule schedule = new LearningRateSchedule(training,
          pipeline.batchesPerEpoch());
      long waitBefore = pipeline.waitNanos();
      long trainingNanos = 0;
      for (int epoch = firstEpoch; epoch <= training.epochs(); epoch++) {
        long started = System.nanoTime();
        LossTotals totals = new LossTotals();
        int skipped = 0;
        double rate = 0;
        int images = 0;
        Iterator<TrainingBatch> batches = pipeline.epoch(epoch);
        for (long inEpoch = 0; batches.hasNext(); inEpoch++) {
          TrainingBatch batch = batches.next();
          rate = schedule.rate(epoch, inEpoch);
          Map<String, Double> parts = step(detector, loss, batch);
          if (updater.step(rate)) {
            totals.add(parts);
          } else {
            skipped++;
            LOG.warn("{} epoch {}: step {} skipped, its loss {} gave gradients that are not "
                + "finite", config.name(), epoch, step, parts.get("total"));
          }
          step++;
          images += batch.frames();
          listener.stepFinished(epoch, step);
        }
        if (skipped > 0 && totals.isEmpty()) {
          throw new IllegalStateException(config.name() + " epoch " + epoch + ": every step "
              + "gave gradients that are not finite; lower the learning rate");
        }
        long elapsed = System.nanoTime() - started;
        trainingNanos += elapsed;
        double imagesPerSecond = images / (elapsed / 1e9);
        Double valMap = validation.meanAveragePrecision(detector);
        Path folder = Checkpoint.folderOf(runFolder, epoch);
        EpochMetrics metrics = new EpochMetrics(epoch, step, totals.mean("total"),
            totals.means(), rate, imagesPerSecond, valMap, folder.toUri().toString());
        writeCheckpoint(detector, updater, folder, metrics);
        // The run's table in the registry is where people follow it; this is for --debug.
        LOG.debug("{} epoch {}/{}: loss {} lr {} {} images/s val mAP {}", config.name(), epoch,
            training.epochs(), String.format("%.4f", metrics.loss()),
            String.format("%.5f", rate), String.format("%.1f", imagesPerSecond), valMap);
        listener.epochFinished(metrics);
        last = metrics;
      }
      double waitShare = trainingNanos == 0 ? 0
          : (double) (pipeline.waitNanos() - waitBefore) / trainingNanos;
      return new TrainingOutcome(last, Checkpoint.folderOf(runFolder, last.epoch())
          .resolve(Checkpoint.PARAMETERS), waitShare, firstEpoch);
    }
  }

  /**
   * Forward, loss and backward of one batch; returns the loss parts as numbers. Visible to
   * the package so the throughput benchmark times exactly this step.
   */
  Map<String, Double> step(Detector detector, CenterNetLoss loss, TrainingBatch batch) {
    int classes = config.classes().size();
    int stride = config.backbone().outputStride();
    long h = config.input().height() / stride;
    long w = config.input().width() / stride;
    try (NDManager scope = detector.manager().newSubManager()) {
      NDArray images = scope.create(batch.images(),
          Detector.inputShape(config, batch.frames()));
      NDArray heatmap = scope.create(batch.heatmap(), new Shape(batch.frames(), classes, h, w));
      NDArray size = scope.create(batch.size(), new Shape(batch.frames(), 2, h, w));
      NDArray offset = scope.create(batch.offset(), new Shape(batch.frames(), 2, h, w));
      NDArray mask = scope.create(batch.mask(), new Shape(batch.frames(), 1, h, w));
      try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
        NDList outputs = detector.forward(images, true);
        CenterNetLoss.LossParts parts = loss.compute(outputs, heatmap, size, offset, mask);
        collector.backward(parts.total());
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("total", (double) parts.total().getFloat());
        values.put("heatmap", (double) parts.heatmap().getFloat());
        values.put("size", (double) parts.size().getFloat());
        values.put("offset", (double) parts.offset().getFloat());
        return values;
      }
    }
  }

  private static void writeCheckpoint(Detector detector, ParameterUpdater updater, Path folder,
      EpochMetrics metrics) throws IOException {
    Path partial = folder.resolveSibling(folder.getFileName() + ".partial");
    deleteTree(partial);
    Files.createDirectories(partial);
    detector.save(partial.resolve(Checkpoint.PARAMETERS));
    updater.save(partial.resolve(Checkpoint.OPTIMIZER));
    Checkpoint.writeProgress(partial, metrics, updater.steps());
    // A retried attempt may have written this epoch before it failed; the new one replaces it.
    deleteTree(folder);
    Files.move(partial, folder, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (var paths = Files.walk(folder)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** Scores a detector on the validation split, or gives null when there is none. */
  interface Validation {
    Double meanAveragePrecision(Detector detector) throws IOException;
  }

  /** Told of progress, on the training thread. */
  interface Listener {
    void stepFinished(int epoch, long step);

    void epochFinished(EpochMetrics metrics) throws IOException;
  }

  /** Running means of the loss parts over an epoch. */
  private static final class LossTotals {
    private final Map<String, Double> sums = new LinkedHashMap<>();
    private int steps;

    void add(Map<String, Double> parts) {
      parts.forEach((name, value) -> sums.merge(name, value, Double::sum));
      steps++;
    }

    boolean isEmpty() {
      return steps == 0;
    }

    double mean(String part) {
      return steps == 0 ? 0 : sums.getOrDefault(part, 0.0) / steps;
    }

    Map<String, Double> means() {
      Map<String, Double> means = new LinkedHashMap<>();
      sums.keySet().stream().filter(k -> !k.equals("total")).forEach(k -> means.put(k, mean(k)));
      return means;
    }
  }
}
