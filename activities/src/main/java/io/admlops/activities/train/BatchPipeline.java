package io.admlops.activities.train;

import io.admlops.activities.detector.HeatmapTargets;
import io.admlops.activities.detector.InputPixels;
import io.admlops.activities.detector.LabeledBox;
import io.admlops.activities.model.ModelConfig;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * Streams the training frames of an epoch as batches: worker threads decode, augment, resize
 * and encode targets a few batches ahead of the trainer, so it waits for data only when the
 * workers fall behind. Nothing but the batches in flight is held in memory. Batch order and
 * every random draw depend on the seed, the epoch and the frame alone, never on thread
 * timing, so the same seed and data give the same batches.
 */
final class BatchPipeline implements AutoCloseable {

  /** Batches prepared ahead of the one the trainer takes. */
  private static final int PREFETCH = 4;
  /** Boxes cut to fewer input pixels than this on a side by a zoom or crop are dropped. */
  private static final double MIN_VISIBLE_SIDE = 2;

  private final List<TrainingExample> examples;
  private final ModelConfig config;
  private final Augmenter augmenter;
  private final ExecutorService workers;
  private long waitNanos;

  BatchPipeline(List<TrainingExample> examples, ModelConfig config, int threads) {
    this.examples = List.copyOf(examples);
    this.config = config;
    this.augmenter = new Augmenter(config);
    AtomicInteger count = new AtomicInteger();
    this.workers = Executors.newFixedThreadPool(threads, task -> {
      Thread thread = new Thread(task, "training-data-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Optimizer steps per epoch: full batches, plus a last partial one of two frames or more. */
  long batchesPerEpoch() {
    int batch = config.training().batchSize();
    int rest = examples.size() % batch;
    return examples.size() / batch + (rest >= 2 ? 1 : 0);
  }

  /** The batches of one epoch (from 1), in order. */
  Iterator<TrainingBatch> epoch(int epoch) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < examples.size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(mix(config.training().seed(), epoch, -1)));
    int batchSize = config.training().batchSize();
    long batches = batchesPerEpoch();
    return new Iterator<>() {
      private final Deque<Future<TrainingBatch>> ahead = new ArrayDeque<>();
      private int submitted;
      private int taken;

      @Override
      public boolean hasNext() {
        return taken < batches;
      }

      @Override
      public TrainingBatch next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        while (submitted < batches && ahead.size() <= PREFETCH) {
          int from = submitted * batchSize;
          List<Integer> members = order.subList(from, Math.min(from + batchSize, order.size()));
          ahead.add(workers.submit(() -> prepare(epoch, members)));
          submitted++;
        }
        taken++;
        return await(ahead.poll());
      }
    };
  }

  /** Time the trainer spent waiting for a batch since the pipeline was made. */
  long waitNanos() {
    return waitNanos;
  }

  private TrainingBatch await(Future<TrainingBatch> batch) {
    long start = System.nanoTime();
    try {
      return batch.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for training data", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      waitNanos += System.nanoTime() - start;
    }
  }

  private TrainingBatch prepare(int epoch, List<Integer> members) {
    int width = config.input().width();
    int height = config.input().height();
    int stride = config.backbone().outputStride();
    int classes = config.classes().size();
    int cells = (height / stride) * (width / stride);
    int n = members.size();
    float[] images = new float[n * 3 * width * height];
    float[] heatmap = new float[n * classes * cells];
    float[] size = new float[n * 2 * cells];
    float[] offset = new float[n * 2 * cells];
    float[] mask = new float[n * cells];
    for (int i = 0; i < n; i++) {
      int index = members.get(i);
      TrainingExample example = examples.get(index);
      BufferedImage image = decode(example);
      Augmenter.Draw draw = augmenter.draw(image.getWidth(), image.getHeight(),
          new Random(mix(config.training().seed(), epoch, index)));
      float[] pixels = InputPixels.render(image, draw.view(), draw.brightness(),
          draw.contrast());
      List<LabeledBox> boxes = new ArrayList<>();
      for (LabeledBox box : example.boxes()) {
        draw.view().map(box.classIndex(), box.x1(), box.y1(), box.x2(), box.y2(),
            MIN_VISIBLE_SIDE).ifPresent(boxes::add);
      }
      HeatmapTargets targets = HeatmapTargets.encode(boxes, classes, height / stride,
          width / stride, stride);
      System.arraycopy(pixels, 0, images, i * pixels.length, pixels.length);
      System.arraycopy(targets.heatmap(), 0, heatmap, i * classes * cells, classes * cells);
      System.arraycopy(targets.size(), 0, size, i * 2 * cells, 2 * cells);
      System.arraycopy(targets.offset(), 0, offset, i * 2 * cells, 2 * cells);
      System.arraycopy(targets.mask(), 0, mask, i * cells, cells);
    }
    return new TrainingBatch(n, images, heatmap, size, offset, mask);
  }

  static BufferedImage decode(TrainingExample example) {
    try {
      BufferedImage image = ImageIO.read(example.image().toFile());
      if (image == null) {
        throw new IOException("not an image ImageIO can decode");
      }
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException("frame " + example.frameId() + ": cannot read "
          + example.image() + ": " + e.getMessage(), e);
    }
  }

  /** A seed for one frame of one epoch (frame -1: the epoch's shuffle), well spread. */
  private static long mix(long seed, int epoch, int frame) {
    long z = seed * 0x9E3779B97F4A7C15L + epoch * 0xBF58476D1CE4E5B9L + frame;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}
