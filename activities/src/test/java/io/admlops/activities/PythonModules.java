package io.admlops.activities;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Whether python3 here can import what a reference check needs ({@code .ci/run} installs
 * pycocotools and onnxruntime), so such a test can say it was skipped and why.
 */
public final class PythonModules {

  /** pycocotools' COCO and COCOeval, the reference of the COCO evaluation. */
  public static final String PYCOCOTOOLS = "pycocotools.coco, pycocotools.cocoeval";
  /** ONNX Runtime, which loads exported models from Python. */
  public static final String ONNXRUNTIME = "onnxruntime";

  private PythonModules() {}

  /** True when {@code python3 -c "import <modules>"} succeeds. */
  public static boolean importable(String modules) {
    try {
      Process p = new ProcessBuilder("python3", "-c", "import " + modules)
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
