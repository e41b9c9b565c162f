package io.admlops.activities;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Whether the field's reference tool is here to compare against ({@code .ci/run} installs it). */
public final class Pycocotools {

  private Pycocotools() {}

  /** True when python3 imports pycocotools' COCO and COCOeval. */
  public static boolean present() {
    try {
      Process p = new ProcessBuilder("python3", "-c",
          "import pycocotools.coco, pycocotools.cocoeval").redirectErrorStream(true).start();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
