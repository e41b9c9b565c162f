package io.admlops.activities.collect.generator;

import java.util.List;
import java.util.Random;

/**
 * Relative weights over named choices, in the order the file lists them; the order is part of
 * the seed's meaning, so the same mix and seed pick the same values.
 *
 * @param names the choices
 * @param values their weights, non-negative, with a positive sum
 */
public record Weights(List<String> names, List<Double> values) {

  public Weights {
    names = List.copyOf(names);
    values = List.copyOf(values);
    if (names.size() != values.size() || total(values) <= 0) {
      throw new IllegalArgumentException("weights need one non-negative value per name and a"
          + " positive sum: " + names + " " + values);
    }
  }

  /** The share of one choice, 0 for a name not listed. */
  public double share(String name) {
    int i = names.indexOf(name);
    return i < 0 ? 0 : values.get(i) / total(values);
  }

  /** Picks a choice with probability proportional to its weight, using exactly one draw. */
  public String pick(Random random) {
    double target = random.nextDouble() * total(values);
    double cumulative = 0;
    for (int i = 0; i < names.size(); i++) {
      cumulative += values.get(i);
      if (target < cumulative) {
        return names.get(i);
      }
    }
    // Rounding can leave the target at the very top; the last weighted choice owns it.
    for (int i = names.size() - 1; ; i--) {
      if (values.get(i) > 0) {
        return names.get(i);
      }
    }
  }

  private static double total(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).sum();
  }
}
