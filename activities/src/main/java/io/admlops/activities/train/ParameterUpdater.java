package io.admlops.activities.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import io.admlops.activities.model.ModelConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam (Kingma and Ba, 2015) or SGD with momentum over the network's trainable parameters,
 * with L2 weight decay added to the gradient as PyTorch's optimizers do. Written here rather
 * than taken from DJL because a resumed run must continue with the same moment estimates,
 * and DJL's optimizers keep theirs private: {@link #save} and {@link #load} carry them in a
 * checkpoint, so an interrupted run ends exactly where an uninterrupted one does.
 */
final class ParameterUpdater {

  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;
  private static final float EPSILON = 1e-8f;
  /** Largest global gradient norm a step applies; larger ones are scaled down to it. */
  static final double MAX_GRADIENT_NORM = 10;

  private final ModelConfig.Optimizer settings;
  private final NDManager manager;
  private final List<Parameter> trainable = new ArrayList<>();
  /** Adam: first then second moment per parameter; SGD: the velocity per parameter. */
  private final List<NDArray> state = new ArrayList<>();
  private long steps;

  ParameterUpdater(ModelConfig.Optimizer settings, PairList<String, Parameter> parameters,
      NDManager manager) {
    this.settings = settings;
    this.manager = manager;
    for (Pair<String, Parameter> named : parameters) {
      Parameter parameter = named.getValue();
      if (parameter.requiresGradient()) {
        trainable.add(parameter);
        for (int i = 0; i < slots(); i++) {
          state.add(manager.zeros(parameter.getArray().getShape()));
        }
      }
    }
  }

  /** Makes every trainable parameter collect gradients; call once before training. */
  void attachGradients() {
    for (Parameter parameter : trainable) {
      parameter.getArray().setRequiresGradient(true);
    }
  }

  /**
   * Applies one step with the gradients of the last backward pass, then clears them. The
   * gradients are first scaled down to a global norm of at most {@value #MAX_GRADIENT_NORM},
   * so one bad batch cannot throw the weights far; a step whose gradients are not finite is
   * skipped, so it cannot poison them.
   *
   * @return whether the step was applied
   */
  boolean step(double learningRate) {
    double norm = gradientNorm();
    if (!Double.isFinite(norm)) {
      clearGradients();
      return false;
    }
    steps++;
    double clip = norm > MAX_GRADIENT_NORM ? MAX_GRADIENT_NORM / norm : 1;
    try (NDScope stepScope = new NDScope()) {
      Factors factors = new Factors(manager, settings, learningRate, clip, steps);
      for (int i = 0; i < trainable.size(); i++) {
        try (NDScope scope = new NDScope()) {
          NDArray parameter = trainable.get(i).getArray();
          NDArray gradient = parameter.getGradient();
          // Updated in place through a view without autograd history, as optimizers do: on a
          // thread where gradient recording is on, PyTorch refuses in-place changes to a leaf.
          NDArray weight = parameter.stopGradient();
          NDArray clipped = clip == 1 ? gradient : gradient.mul(factors.clip);
          NDArray g = factors.decay == null ? clipped : clipped.add(weight.mul(factors.decay));
          if (adam()) {
            NDArray first = state.get(2 * i);
            NDArray second = state.get(2 * i + 1);
            first.muli(factors.beta1).addi(g.mul(factors.oneMinusBeta1));
            second.muli(factors.beta2).addi(g.square().mul(factors.oneMinusBeta2));
            NDArray denominator = second.div(factors.secondCorrection).sqrt()
                .add(factors.epsilon);
            weight.subi(first.div(factors.firstCorrection).div(denominator).mul(factors.rate));
          } else {
            NDArray velocity = state.get(i);
            velocity.muli(factors.momentum).addi(g);
            weight.subi(velocity.mul(factors.rate));
          }
          gradient.subi(gradient);
        }
      }
    }
    return true;
  }

  /** The L2 norm of all gradients together, read back once. */
  private double gradientNorm() {
    try (NDScope scope = new NDScope()) {
      NDArray sum = null;
      for (Parameter parameter : trainable) {
        NDArray squares = parameter.getArray().getGradient().square().sum();
        sum = sum == null ? squares : sum.add(squares);
      }
      return sum == null ? 0 : Math.sqrt(sum.getFloat());
    }
  }

  private void clearGradients() {
    for (Parameter parameter : trainable) {
      try (NDScope scope = new NDScope()) {
        NDArray gradient = parameter.getArray().getGradient();
        gradient.set(new float[(int) gradient.size()]);
      }
    }
  }

  /** Steps taken, which Adam's bias correction depends on. */
  long steps() {
    return steps;
  }

  /** Writes the optimizer's state, in parameter order. */
  void save(Path file) throws IOException {
    Files.write(file, new NDList(state).encode());
  }

  /** Restores a state written by {@link #save} after {@code steps} steps. */
  void load(Path file, long stepsTaken) throws IOException {
    try (NDManager reading = manager.newSubManager()) {
      NDList saved = NDList.decode(reading, Files.readAllBytes(file));
      if (saved.size() != state.size()) {
        throw new IOException(file + " holds " + saved.size() + " optimizer arrays, the "
            + "network needs " + state.size() + "; it belongs to another architecture");
      }
      for (int i = 0; i < state.size(); i++) {
        state.get(i).set(saved.get(i).toByteBuffer());
      }
    }
    steps = stepsTaken;
  }

  private boolean adam() {
    return settings.name().equals("adam");
  }

  private int slots() {
    return adam() ? 2 : 1;
  }

  /**
   * A step's scalars as 0-d arrays, made once per step. An operation given a Java number
   * makes, uses and frees such an array each time: on every operation on every parameter, a
   * native allocation that costs more than the arithmetic on most parameters. These are the
   * arrays those operations would have made, so the results are the same.
   */
  private static final class Factors {
    final NDArray rate;
    final NDArray clip;
    final NDArray decay;
    final NDArray beta1;
    final NDArray oneMinusBeta1;
    final NDArray beta2;
    final NDArray oneMinusBeta2;
    final NDArray epsilon;
    final NDArray firstCorrection;
    final NDArray secondCorrection;
    final NDArray momentum;

    Factors(NDManager manager, ModelConfig.Optimizer settings, double learningRate,
        double clip, long steps) {
      rate = manager.create((float) learningRate);
      this.clip = manager.create((float) clip);
      decay = settings.weightDecay() == 0 ? null
          : manager.create((float) settings.weightDecay());
      beta1 = manager.create(BETA1);
      oneMinusBeta1 = manager.create(1 - BETA1);
      beta2 = manager.create(BETA2);
      oneMinusBeta2 = manager.create(1 - BETA2);
      epsilon = manager.create(EPSILON);
      firstCorrection = manager.create((float) (1 - Math.pow(BETA1, steps)));
      secondCorrection = manager.create((float) (1 - Math.pow(BETA2, steps)));
      momentum = manager.create(settings.momentum() == null ? 0f
          : settings.momentum().floatValue());
    }
  }
}
