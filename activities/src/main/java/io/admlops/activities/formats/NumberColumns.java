package io.admlops.activities.formats;

import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Parses the numeric columns of a line of a text label format (KITTI, YOLO, CULane), naming
 * the column at fault the way its format documents it.
 */
public final class NumberColumns {

  private NumberColumns() {}

  /**
   * Parses {@code values[first..]}; entries before {@code first} are left 0.
   *
   * @param name the column's name for messages, by index, e.g. {@code "column 6 (bbox top)"}
   * @return the numbers, or empty after reporting the first value that is not a finite number
   */
  public static Optional<double[]> parse(String[] values, int first, IntFunction<String> name,
      String location, ProblemLog problems) {
    double[] numbers = new double[values.length];
    for (int i = first; i < values.length; i++) {
      try {
        numbers[i] = Double.parseDouble(values[i]);
      } catch (NumberFormatException e) {
        problems.error(location, name.apply(i) + " is not a number: '" + values[i] + "'");
        return Optional.empty();
      }
      if (!Double.isFinite(numbers[i])) {
        problems.error(location, name.apply(i) + " is " + values[i]);
        return Optional.empty();
      }
    }
    return Optional.of(numbers);
  }
}
