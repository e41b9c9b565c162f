package io.admlops.activities.detector;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import io.admlops.activities.model.ModelConfig;
import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A config's network with its weights on a device, ready to detect objects in frames or to
 * be trained. Owns the native memory of its weights; close it.
 */
public final class Detector implements AutoCloseable {

  private final ModelConfig config;
  private final NDManager manager;
  private final CenterNet network;
  private final PeakDecoder decoder;

  private Detector(ModelConfig config, NDManager manager, CenterNet network) {
    this.config = config;
    this.manager = manager;
    this.network = network;
    this.decoder = new PeakDecoder(config);
  }

  /** A network with fresh weights drawn from the seed: the same seed, the same weights. */
  public static Detector initialize(ModelConfig config, Device device, long seed) {
    // The engine takes an int seed; folding the long keeps every bit of it in play.
    Engine.getEngine("PyTorch").setRandomSeed(Long.hashCode(seed));
    NDManager manager = NDManager.newBaseManager(device);
    CenterNet network = new CenterNet(config);
    network.initialize(manager, DataType.FLOAT32, inputShape(config, 1));
    return new Detector(config, manager, network);
  }

  /** The network of a config with the weights a {@link #save} wrote. */
  public static Detector load(ModelConfig config, Path parameters, Device device)
      throws IOException {
    Detector detector = initialize(config, device, 0);
    try {
      detector.loadWeights(parameters);
    } catch (IOException e) {
      detector.close();
      throw e;
    }
    return detector;
  }

  /** Replaces the weights with those a {@link #save} wrote, e.g. to resume training. */
  public void loadWeights(Path parameters) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(
        Files.newInputStream(parameters)))) {
      network.loadParameters(manager, in);
    } catch (MalformedModelException e) {
      throw new IOException(parameters + " does not hold weights of " + config.name()
          + "'s architecture: " + e.getMessage(), e);
    }
  }

  /** Writes the weights, batch-norm statistics included. */
  public void save(Path parameters) throws IOException {
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
        Files.newOutputStream(parameters)))) {
      network.saveParameters(out);
    }
  }

  /** The detections of each image, in that image's pixels, best first. */
  public List<List<Detection>> detect(List<BufferedImage> images) {
    int width = config.input().width();
    int height = config.input().height();
    List<InputView> views = new ArrayList<>();
    float[] batch = new float[images.size() * 3 * width * height];
    for (int i = 0; i < images.size(); i++) {
      BufferedImage image = images.get(i);
      InputView view = InputView.fit(image.getWidth(), image.getHeight(), width, height);
      float[] pixels = InputPixels.render(image, view);
      System.arraycopy(pixels, 0, batch, i * pixels.length, pixels.length);
      views.add(view);
    }
    boolean recording = JniUtils.isGradMode();
    // Inference records no autograd graph, whatever the calling thread's mode was.
    JniUtils.setGradMode(false);
    try (NDManager scope = manager.newSubManager()) {
      NDArray input = scope.create(batch, inputShape(config, images.size()));
      List<List<Detection>> decoded = decoder.decode(forward(input, false));
      List<List<Detection>> result = new ArrayList<>();
      for (int i = 0; i < decoded.size(); i++) {
        InputView view = views.get(i);
        result.add(decoded.get(i).stream().map(view::toImage).toList());
      }
      return result;
    } finally {
      JniUtils.setGradMode(recording);
    }
  }

  /** One pass of the network; in training mode batch norm uses and updates batch statistics. */
  public NDList forward(NDArray input, boolean training) {
    return network.forward(new ParameterStore(manager, false), new NDList(input), training);
  }

  /** The input tensor's shape for a batch of frames. */
  public static Shape inputShape(ModelConfig config, int frames) {
    return new Shape(frames, 3, config.input().height(), config.input().width());
  }

  public ModelConfig config() {
    return config;
  }

  public CenterNet network() {
    return network;
  }

  public NDManager manager() {
    return manager;
  }

  @Override
  public void close() {
    manager.close();
  }
}
