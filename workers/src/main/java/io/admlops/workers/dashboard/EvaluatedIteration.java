package io.admlops.workers.dashboard;

/**
 * An iteration's candidate and the production model it was compared with, both scored on
 * the same benchmark split.
 *
 * @param iteration the iteration
 * @param benchmark the dataset version scored on, {@code name:version}
 * @param split the split scored, {@code test} in the loop
 * @param candidate the candidate's scores
 * @param production the production model's scores on the same frames, or null when there was
 *     no production model yet or its evaluation is not stored
 */
public record EvaluatedIteration(int iteration, String benchmark, String split,
    ModelScore candidate, ModelScore production) {}
