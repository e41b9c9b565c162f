package io.admlops.activities.collect.generator;

import java.nio.file.Path;

/**
 * Measures frames per second of the whole generator, PNG encoding and hashing included, on a
 * shipped mix. Run by hand with the test classpath:
 * {@code GeneratorBenchmark configs/collect/fleet.yaml 4000}.
 */
public final class GeneratorBenchmark {

  private GeneratorBenchmark() {}

  public static void main(String[] args) throws Exception {
    ScenarioMix mix = ScenarioMix.load(Path.of(args[0]));
    int frames = Integer.parseInt(args[1]);
    // A first run lets the JIT compile the renderer before the measured run.
    new DriveLogGenerator(mix, 1).generate(Math.min(frames, 1000), f -> { });
    long[] bytes = {0};
    long start = System.nanoTime();
    new DriveLogGenerator(mix, 2).generate(frames, f -> bytes[0] += f.png().length);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("%d frames %dx%d in %.2f s: %.0f frames/s, %.1f KB per PNG%n", frames,
        mix.imageWidth(), mix.imageHeight(), seconds, frames / seconds,
        bytes[0] / 1024.0 / frames);
  }
}
