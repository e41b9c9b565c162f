package io.admlops.activities.train;

import io.admlops.activities.model.ModelConfig;

/**
 * The learning rate at every optimizer step, from the config's schedule: a linear warm-up
 * from near zero over the first {@code warmupEpochs}, then constant, stepped (multiplied by
 * gamma at each listed epoch) or cosine-annealed to zero at the end of the last epoch.
 */
final class LearningRateSchedule {

  private final double peak;
  private final ModelConfig.Schedule schedule;
  private final int epochs;
  private final long stepsPerEpoch;

  LearningRateSchedule(ModelConfig.Training training, long stepsPerEpoch) {
    this.peak = training.optimizer().learningRate();
    this.schedule = training.schedule();
    this.epochs = training.epochs();
    this.stepsPerEpoch = stepsPerEpoch;
  }

  /**
   * The rate of a step.
   *
   * @param epoch the epoch being trained, from 1
   * @param stepInEpoch the step within it, from 0
   */
  double rate(int epoch, long stepInEpoch) {
    double progress = (epoch - 1) + (double) stepInEpoch / stepsPerEpoch;
    int warmup = Math.min(schedule.warmupEpochs(), epochs);
    if (progress < warmup) {
      // Steps count from 1 here so the first step does not use a rate of exactly zero.
      return peak * (progress + 1.0 / stepsPerEpoch) / warmup;
    }
    return switch (schedule.name()) {
      case "constant" -> peak;
      case "step" -> peak * Math.pow(schedule.gamma(),
          schedule.steps().stream().filter(s -> s < epoch).count());
      case "cosine" -> {
        double span = epochs - warmup;
        yield span <= 0 ? peak
            : peak * 0.5 * (1 + Math.cos(Math.PI * (progress - warmup) / span));
      }
      default -> throw new IllegalStateException("schedule " + schedule.name()
          + " passed config validation but has no rule");
    };
  }
}
