package io.admlops.activities.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A linear axis of a chart: the range it spans, the ticks on it at 1, 2 or 5 times a power of
 * ten, and how their labels read.
 *
 * @param min the value at the axis' start
 * @param max the value at its end, above min
 * @param step the distance between ticks
 */
public record AxisScale(double min, double max, double step) {

  /** About as many intervals between value ticks as a plot's height reads comfortably. */
  private static final int VALUE_INTERVALS = 5;

  /** The epoch axis runs along the plot's width, which has room for more. */
  private static final int EPOCH_INTERVALS = 10;

  /** Tolerance for values that land on a tick up to floating-point error. */
  private static final double EPSILON = 1e-9;

  /** Labels with more decimals than this switch to scientific notation. */
  private static final int MAX_DECIMALS = 4;

  /**
   * An axis over values from low to high, widened to whole ticks so that grid lines frame
   * the data. A single value gets room on both sides, except zero, which gets it above only:
   * rates and scores are never negative.
   */
  public static AxisScale values(double low, double high) {
    if (high <= low && low == 0) {
      high = 1;
    } else if (high <= low) {
      double room = Math.abs(low) / 10;
      low -= room;
      high += room;
    }
    double step = niceStep((high - low) / VALUE_INTERVALS);
    return new AxisScale(Math.floor(low / step + EPSILON) * step,
        Math.ceil(high / step - EPSILON) * step, step);
  }

  /**
   * An axis over epochs first to last with whole-number ticks, spanning exactly those epochs
   * so the curves reach the plot's edges; a single epoch sits in the middle.
   */
  public static AxisScale epochs(int first, int last) {
    if (first == last) {
      return new AxisScale(first - 0.5, last + 0.5, 1);
    }
    double step = Math.max(1, niceStep((last - first) / (double) EPOCH_INTERVALS));
    return new AxisScale(first, last, step);
  }

  /** The ticks within the range, in increasing order. */
  public List<Double> ticks() {
    List<Double> ticks = new ArrayList<>();
    for (long k = (long) Math.ceil(min / step - EPSILON); k * step <= max + step * EPSILON;
        k++) {
      ticks.add(k * step);
    }
    return ticks;
  }

  /** Where a value falls, from 0 at min to 1 at max. */
  public double fraction(double value) {
    return (value - min) / (max - min);
  }

  /** A tick's label with as many decimals as the step needs: 0.25, 3, 2.0e-05. */
  public String label(double tick) {
    if (Math.abs(tick) < step * EPSILON) {
      return "0";
    }
    int decimals = (int) Math.max(0, Math.ceil(-Math.log10(step) - EPSILON));
    if (decimals > MAX_DECIMALS) {
      return String.format(Locale.ROOT, "%.1e", tick);
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", tick);
  }

  private static double niceStep(double rough) {
    double power = Math.pow(10, Math.floor(Math.log10(rough)));
    double fraction = rough / power;
    double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
    return nice * power;
  }
}
