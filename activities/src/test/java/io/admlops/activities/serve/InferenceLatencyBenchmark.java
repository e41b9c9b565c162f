package io.admlops.activities.serve;

import io.admlops.activities.export.ParityFrames;
import io.admlops.activities.model.ComputeDevice;
import io.admlops.activities.modelzoo.ModelVersion;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Latency and throughput of a registered version in each serving backend, on decoded road
 * frames: what a request costs once its image is decoded (input rendering, network, peak
 * decoding), without HTTP. Batch 1: p50 and p99 over single frames; then frames/s at each
 * batch size. Run by {@code bench/serve/run.sh}.
 *
 * <p>Arguments: the version's model zoo folder (with {@code model.onnx} exported), its label
 * {@code name:version}, a scenario mix for the frames, the single-frame requests to time.
 */
public final class InferenceLatencyBenchmark {

  private static final int[] BATCHES = {1, 2, 4, 8, 16};
  private static final int WARMUP = 20;
  // Enough batches per size for a stable rate, few enough that all sizes take a minute.
  private static final int FRAMES_PER_SIZE = 320;

  private InferenceLatencyBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path folder = Path.of(args[0]);
    String[] label = args[1].split(":");
    List<BufferedImage> frames = ParityFrames.generated(Path.of(args[2]), 7, 16);
    int requests = Integer.parseInt(args[3]);
    ModelVersion version = new ModelVersion(0, label[0], Integer.parseInt(label[1]), folder,
        "");
    ComputeDevice device = ComputeDevice.local();
    System.out.println("frames " + frames.get(0).getWidth() + "x" + frames.get(0).getHeight()
        + ", " + Runtime.getRuntime().availableProcessors() + " cores, DJL "
        + device.describe());
    for (ServingBackend backend : ServingBackend.values()) {
      try (ServedModel model = backend.load(version, device, () -> frames)) {
        measure(backend.label(), model, frames, requests);
      }
    }
  }

  private static void measure(String backend, ServedModel model, List<BufferedImage> frames,
      int requests) {
    for (int i = 0; i < WARMUP; i++) {
      model.detect(List.of(frames.get(i % frames.size())));
    }
    Latencies single = new Latencies();
    for (int i = 0; i < requests; i++) {
      long start = System.nanoTime();
      model.detect(List.of(frames.get(i % frames.size())));
      single.since(start);
    }
    System.out.println(backend + " batch 1: " + single.summary() + " over " + requests
        + " frames");
    for (int batch : BATCHES) {
      List<BufferedImage> input = frames.subList(0, batch);
      model.detect(input);
      int rounds = FRAMES_PER_SIZE / batch;
      long start = System.nanoTime();
      for (int i = 0; i < rounds; i++) {
        model.detect(input);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(Locale.ROOT, "%s batch %d: %.1f frames/s%n", backend, batch,
          rounds * batch / seconds);
    }
  }
}
