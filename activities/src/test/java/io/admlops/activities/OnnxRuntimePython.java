package io.admlops.activities;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Whether python3 can load ONNX models here ({@code .ci/run} installs onnxruntime). */
public final class OnnxRuntimePython {

  private OnnxRuntimePython() {}

  /** True when python3 imports onnxruntime. */
  public static boolean present() {
    try {
      Process p = new ProcessBuilder("python3", "-c", "import onnxruntime")
          .redirectErrorStream(true).start();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
