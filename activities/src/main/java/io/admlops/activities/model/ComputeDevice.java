package io.admlops.activities.model;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * The deep learning engine this process runs and the device it computes on: the first GPU
 * when DJL sees one, else the CPU. Detected once per process, because loading the engine
 * unpacks and links the PyTorch natives.
 *
 * @param engine the engine name, {@code PyTorch}
 * @param engineVersion the engine's native version, e.g. {@code 2.7.1}
 * @param device where tensors live
 * @param gpuCount how many GPUs DJL sees
 */
public record ComputeDevice(String engine, String engineVersion, Device device, int gpuCount) {

  private static final String ENGINE = "PyTorch";

  /** The device of this process, detected on first call. */
  public static ComputeDevice local() {
    return Detected.INSTANCE;
  }

  /** E.g. {@code PyTorch 2.7.1 on cpu() (no GPU visible)}. */
  public String describe() {
    String gpus = gpuCount == 0 ? "no GPU visible" : gpuCount + " GPU(s) visible";
    return engine + " " + engineVersion + " on " + device + " (" + gpus + ")";
  }

  private static ComputeDevice detect() {
    Engine pytorch = Engine.getEngine(ENGINE);
    int gpus = pytorch.getGpuCount();
    return new ComputeDevice(ENGINE, pytorch.getVersion(), gpus > 0 ? Device.gpu() : Device.cpu(),
        gpus);
  }

  /** Holder idiom: the engine loads on first use, once, without locking afterwards. */
  private static final class Detected {
    private static final ComputeDevice INSTANCE = detect();
  }
}
