package io.admlops.activities.analyze;

import java.util.Locale;

/** How the report writes numbers, and where chart axes put their ticks. */
final class Numbers {

  private Numbers() {}

  /** With thousands separators: 12,345. */
  static String grouped(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** Short enough to sit above a narrow bar: 950, 12.3k, 4.1M. */
  static String compact(long n) {
    if (n < 1_000) {
      return Long.toString(n);
    }
    if (n < 1_000_000) {
      return String.format(Locale.ROOT, "%.1fk", n / 1e3).replace(".0k", "k");
    }
    return String.format(Locale.ROOT, "%.1fM", n / 1e6).replace(".0M", "M");
  }

  /** A share as a percentage with one decimal: 42.5 %. */
  static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f %%", 100 * share);
  }

  /** A decimal with two places: 1.75. */
  static String decimal(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  /**
   * The distance between axis ticks for values up to {@code max}: 1, 2 or 5 times a power of
   * ten, so an axis has at most five intervals; never below 1, as the charts count things.
   */
  static long tickStep(long max) {
    long step = 1;
    while (true) {
      for (long factor : new long[] {1, 2, 5}) {
        if (max <= 5 * step * factor) {
          return step * factor;
        }
      }
      step *= 10;
    }
  }

  /** The axis' end: {@code max} rounded up to a whole tick, at least one tick. */
  static long axisMax(long max) {
    long step = tickStep(max);
    return Math.max(step, (max + step - 1) / step * step);
  }
}
