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
  private final List<Parameter> trainable = new ArrayList<>();
  /** Adam: first then second moment per parameter; SGD: the velocity per parameter. */
  private final List<NDArray> state = new ArrayList<>();
  private long steps;

  ParameterUpdater(ModelConfig.Optimizer settings, PairList<String, Parameter> parameters,
      NDManager manager) {
    this.settings = settings;
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
    float rate = (float) learningRate;
    float clip = norm > MAX_GRADIENT_NORM ? (float) (MAX_GRADIENT_NORM / norm) : 1f;
    float decay = (float) settings.weightDecay();
    for (int i = 0; i < trainable.size(); i++) {
      try (NDScope scope = new NDScope()) {
        NDArray parameter = trainable.get(i).getArray();
        NDArray gradient = parameter.getGradient();
        // Updated in place through a view without autograd history, as optimizers do: on a
        // thread where gradient recording is on, PyTorch refuses in-place changes to a leaf.
        NDArray weight = parameter.stopGradient();
        NDArray clipped = clip == 1f ? gradient : gradient.mul(clip);
        NDArray g = decay == 0 ? clipped : clipped.add(weight.mul(decay));
        if (adam()) {
          adam(weight, g, state.get(2 * i), state.get(2 * i + 1), rate);
        } else {
          NDArray velocity = state.get(i);
          velocity.muli(settings.momentum().floatValue()).addi(g);
          weight.subi(velocity.mul(rate));
        }
        gradient.subi(gradient);
      }
    }
    return true;
  }

  /** The L2 norm of all gradients together. */
  private double gradientNorm() {
    double sum = 0;
    for (Parameter parameter : trainable) {
      try (NDScope scope = new NDScope()) {
        sum += parameter.getArray().getGradient().square().sum().getFloat();
      }
    }
    return Math.sqrt(sum);
  }

  private void clearGradients() {
    for (Parameter parameter : trainable) {
      try (NDScope scope = new NDScope()) {
        NDArray gradient = parameter.getArray().getGradient();
        gradient.set(new float[(int) gradient.size()]);
      }
    }
  }

  private void adam(NDArray weight, NDArray g, NDArray first, NDArray second, float rate) {
    first.muli(BETA1).addi(g.mul(1 - BETA1));
    second.muli(BETA2).addi(g.square().mul(1 - BETA2));
    float firstCorrection = (float) (1 - Math.pow(BETA1, steps));
    float secondCorrection = (float) (1 - Math.pow(BETA2, steps));
    NDArray denominator = second.div(secondCorrection).sqrt().add(EPSILON);
    weight.subi(first.div(firstCorrection).div(denominator).mul(rate));
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
    try (NDManager reading = state.get(0).getManager().newSubManager()) {
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
}
