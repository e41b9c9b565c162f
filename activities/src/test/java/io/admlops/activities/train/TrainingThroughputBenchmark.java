package io.admlops.activities.train;

import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.Pair;
import io.admlops.activities.detector.CenterNetLoss;
import io.admlops.activities.detector.Detector;
import io.admlops.activities.detector.HeatmapTargets;
import io.admlops.activities.detector.LabeledBox;
import io.admlops.activities.model.ComputeDevice;
import io.admlops.activities.model.ModelConfig;
import io.admlops.activities.model.ModelConfigLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

/**
 * Training throughput of a config's detector in DJL on synthetic batches: the trainer's own
 * step (forward, loss, backward) and the optimizer's update, timed over {@code STEPS} steps
 * after {@code WARMUP} untimed ones, with no data pipeline in the way, and the minor page
 * faults the timed steps cost. The PyTorch side of the comparison is
 * {@code bench/train/torch_centernet.py}. Run by hand with the test classpath:
 * {@code TrainingThroughputBenchmark configs/models/centernet-base.yaml 3 20}.
 */
public final class TrainingThroughputBenchmark {

  /** Distinct batches the steps cycle through, so no step reuses the previous one's input. */
  private static final int BATCHES = 4;

  private TrainingThroughputBenchmark() {}

  public static void main(String[] args) {
    ModelConfig config = ModelConfigLoader.load(Path.of(args[0]));
    int warmup = Integer.parseInt(args[1]);
    int steps = Integer.parseInt(args[2]);
    ModelConfig.Training training = config.training();
    List<TrainingBatch> batches = new ArrayList<>();
    Random random = new Random(training.seed());
    for (int i = 0; i < BATCHES; i++) {
      batches.add(syntheticBatch(config, random));
    }
    ComputeDevice device = ComputeDevice.local();
    try (Detector detector = Detector.initialize(config, device.device(), training.seed())) {
      ParameterUpdater updater = new ParameterUpdater(training.optimizer(),
          detector.network().getParameters(), detector.manager());
      updater.attachGradients();
      CenterNetLoss loss = new CenterNetLoss(config.loss());
      DetectorTrainer trainer = new DetectorTrainer(config, device, 1);
      double rate = training.optimizer().learningRate();
      long[] stepNanos = new long[steps];
      long faultsBefore = 0;
      for (int step = 0; step < warmup + steps; step++) {
        if (step == warmup) {
          faultsBefore = minorFaults();
        }
        long start = System.nanoTime();
        trainer.step(detector, loss, batches.get(step % BATCHES));
        updater.step(rate);
        if (step >= warmup) {
          stepNanos[step - warmup] = System.nanoTime() - start;
        }
      }
      long faultsPerStep = (minorFaults() - faultsBefore) / steps;
      long tensors = 0;
      long values = 0;
      for (Pair<String, Parameter> named : detector.network().getParameters()) {
        if (named.getValue().requiresGradient()) {
          tensors++;
          values += named.getValue().getArray().size();
        }
      }
      int batch = training.batchSize();
      double seconds = LongStream.of(stepNanos).sum() / 1e9;
      double medianSeconds = median(stepNanos) / 1e9;
      System.out.printf("djl %s (%d intra-op, %d inter-op threads): %d steps of %d images in "
          + "%.2f s: %.2f images/s; median step %.0f ms: %.2f images/s; %d minor page faults "
          + "per step; %d trainable parameters in %d tensors%n", device.describe(),
          JniUtils.getNumThreads(), JniUtils.getNumInteropThreads(), steps, batch, seconds,
          steps * batch / seconds, medianSeconds * 1e3, batch / medianSeconds, faultsPerStep,
          values, tensors);
    }
  }

  /**
   * Pages this process has touched for the first time since it started or since they were
   * last handed back to the system, from Linux's {@code /proc/self/stat}: how the native
   * allocator's settings show (scripts/native-allocator).
   */
  private static long minorFaults() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      // The fields after the command name, which is in parentheses and may hold spaces;
      // minflt is the 10th field of the line, the 8th after the name.
      return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[7]);
    } catch (IOException e) {
      throw new UncheckedIOException("this benchmark reads Linux's /proc/self/stat", e);
    }
  }

  /** The middle step time, which a burst of load from other processes moves little. */
  private static double median(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }

  /**
   * A full batch of random pixels and the real encoder's targets for 3 to 10 random boxes
   * per frame, so the loss sees centers, Gaussian peaks and background as in training.
   */
  private static TrainingBatch syntheticBatch(ModelConfig config, Random random) {
    int n = config.training().batchSize();
    int width = config.input().width();
    int height = config.input().height();
    int stride = config.backbone().outputStride();
    int classes = config.classes().size();
    int cells = (height / stride) * (width / stride);
    float[] images = new float[n * 3 * width * height];
    for (int i = 0; i < images.length; i++) {
      images[i] = (float) random.nextGaussian();
    }
    float[] heatmap = new float[n * classes * cells];
    float[] size = new float[n * 2 * cells];
    float[] offset = new float[n * 2 * cells];
    float[] mask = new float[n * cells];
    for (int frame = 0; frame < n; frame++) {
      List<LabeledBox> boxes = new ArrayList<>();
      for (int b = 3 + random.nextInt(8); b > 0; b--) {
        double w = 4 + random.nextDouble() * (width / 3.0);
        double h = 4 + random.nextDouble() * (height / 2.0);
        double x = random.nextDouble() * (width - w);
        double y = random.nextDouble() * (height - h);
        boxes.add(new LabeledBox(random.nextInt(classes), x, y, x + w, y + h));
      }
      HeatmapTargets targets = HeatmapTargets.encode(boxes, classes, height / stride,
          width / stride, stride);
      System.arraycopy(targets.heatmap(), 0, heatmap, frame * classes * cells, classes * cells);
      System.arraycopy(targets.size(), 0, size, frame * 2 * cells, 2 * cells);
      System.arraycopy(targets.offset(), 0, offset, frame * 2 * cells, 2 * cells);
      System.arraycopy(targets.mask(), 0, mask, frame * cells, cells);
    }
    return new TrainingBatch(n, images, heatmap, size, offset, mask);
  }
}
