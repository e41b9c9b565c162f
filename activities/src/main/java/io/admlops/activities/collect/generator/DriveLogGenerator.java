package io.admlops.activities.collect.generator;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Generates unlabeled-drive-like data with exact labels: sequences of
 * {@link ScenarioMix#framesPerSequence()} frames, each sequence with conditions drawn from the
 * mix. Sequence {@code i} draws everything from its own generator seeded by (seed, i), so
 * sequences render in parallel on two threads and the output is still the same bytes for the
 * same mix and seed; frames reach the sink in sequence and frame order.
 */
public final class DriveLogGenerator {

  private static final int THREADS = 2;
  /** Sequences rendered ahead of the sink, which bounds memory to a few sequences' PNGs. */
  private static final int AHEAD = 4;

  private final ScenarioMix mix;
  private final long seed;

  public DriveLogGenerator(ScenarioMix mix, long seed) {
    this.mix = mix;
    this.seed = seed;
  }

  /** Renders {@code frames} frames (the last sequence may be shorter) into the sink. */
  public void generate(int frames, GeneratedFrameSink sink) throws IOException {
    int perSequence = mix.framesPerSequence();
    int sequences = (frames + perSequence - 1) / perSequence;
    ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
      Thread t = new Thread(r, "drive-log-generator");
      t.setDaemon(true);
      return t;
    });
    try {
      Deque<Future<List<GeneratedFrame>>> pending = new ArrayDeque<>();
      int submitted = 0;
      for (int delivered = 0; delivered < sequences; delivered++) {
        while (submitted < sequences && pending.size() < AHEAD) {
          int index = submitted++;
          int count = Math.min(perSequence, frames - index * perSequence);
          pending.add(pool.submit(() -> new SequenceRenderer(mix)
              .render(index, count, sequenceRandom(seed, index))));
        }
        for (GeneratedFrame frame : await(pending.removeFirst())) {
          sink.accept(frame);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** The generator of one sequence: the seed and the index mixed so neighbors differ. */
  static Random sequenceRandom(long seed, int index) {
    long z = seed * 0x9E3779B97F4A7C15L + index + 1;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return new Random(z ^ (z >>> 31));
  }

  private static List<GeneratedFrame> await(Future<List<GeneratedFrame>> sequence)
      throws IOException {
    try {
      return sequence.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while rendering drive-log frames", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("rendering a sequence failed", e.getCause());
    }
  }
}
