package io.admlops.activities.serve;

import java.util.Arrays;
import java.util.Locale;

/** Measured latencies in milliseconds and their percentiles; for benchmarks. */
public final class Latencies {

  private double[] values = new double[1024];
  private int count;

  /** Adds one latency measured from a {@link System#nanoTime()} start to now. */
  public synchronized void since(long startNanos) {
    if (count == values.length) {
      values = Arrays.copyOf(values, 2 * count);
    }
    values[count++] = (System.nanoTime() - startNanos) / 1e6;
  }

  public synchronized int count() {
    return count;
  }

  /** The nearest-rank percentile, e.g. 99 for p99. */
  public synchronized double percentile(double p) {
    double[] sorted = Arrays.copyOf(values, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100 * count);
    return sorted[Math.max(0, rank - 1)];
  }

  /** {@code p50 3.21 ms, p99 4.50 ms}. */
  public String summary() {
    return String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms", percentile(50),
        percentile(99));
  }
}
