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
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

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
    InputBatch batch = InputBatch.of(images, config);
    return infer(batch, input -> batch.inImagePixels(decoder.decode(forward(input, false))));
  }

  /**
   * What the network makes of each image in one pass: its detections as {@link #detect}
   * reports them, its {@code peaks} strongest heatmap peaks whatever their score, and the
   * deepest backbone stage's features averaged over the image.
   */
  public List<FrameInspection> inspect(List<BufferedImage> images, int peaks) {
    InputBatch batch = InputBatch.of(images, config);
    return infer(batch, input -> {
      NDList outputs = network.forwardWithEmbedding(new ParameterStore(manager, false), input);
      PeakDecoder.Peaks found = decoder.peaks(outputs);
      List<List<Detection>> detections = batch.inImagePixels(decoder.decode(found, outputs));
      List<float[]> strongest = decoder.strongest(found, peaks);
      NDArray embeddings = outputs.get(CenterNet.Outputs.values().length);
      int width = (int) embeddings.getShape().get(1);
      float[] flat = embeddings.toFloatArray();
      List<FrameInspection> inspections = new ArrayList<>();
      for (int i = 0; i < images.size(); i++) {
        inspections.add(new FrameInspection(detections.get(i), strongest.get(i),
            Arrays.copyOfRange(flat, i * width, (i + 1) * width)));
      }
      return inspections;
    });
  }

  /**
   * The heads' raw outputs on a batch in inference mode, in {@link CenterNet.Outputs} order,
   * each flattened row-major: what an exported copy of the network must reproduce.
   */
  public List<float[]> heads(InputBatch batch) {
    return infer(batch, input -> forward(input, false).stream().map(NDArray::toFloatArray)
        .toList());
  }

  /**
   * The detections of head outputs computed elsewhere, e.g. by an exported copy of this
   * network, decoded exactly as {@link #detect} decodes its own.
   *
   * @param heads the outputs on {@code batch} in {@link CenterNet.Outputs} order, each
   *     flattened row-major
   */
  public List<List<Detection>> decode(List<float[]> heads, InputBatch batch) {
    Shape[] shapes = network.getOutputShapes(new Shape[] {new Shape(batch.shape())});
    try (NDManager scope = manager.newSubManager()) {
      NDList outputs = new NDList();
      for (int i = 0; i < shapes.length; i++) {
        outputs.add(scope.create(heads.get(i), shapes[i]));
      }
      return batch.inImagePixels(decoder.decode(outputs));
    }
  }

  /**
   * Runs a pass over a batch, in a scope that frees its tensors, with no autograd graph
   * recorded whatever the calling thread's mode was.
   */
  private <T> T infer(InputBatch batch, Function<NDArray, T> pass) {
    boolean recording = JniUtils.isGradMode();
    JniUtils.setGradMode(false);
    try (NDManager scope = manager.newSubManager()) {
      return pass.apply(scope.create(batch.pixels(), new Shape(batch.shape())));
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
