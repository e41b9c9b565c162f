package io.admlops.workers.cli;

import java.util.concurrent.CountDownLatch;

/**
 * Keeps a long-running command alive until the JVM is asked to exit (Ctrl-C, SIGTERM), then
 * stops what it runs in order — workers before the services they talk to.
 */
final class ShutdownOnSignal {

  private static final CountDownLatch EXITING = new CountDownLatch(1);

  private ShutdownOnSignal() {}

  static void closeOnExit(AutoCloseable running) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        running.close();
      } catch (Exception e) {
        System.err.println("admlops: while stopping: " + e.getMessage());
      } finally {
        EXITING.countDown();
      }
    }, "admlops-shutdown"));
  }

  static void awaitExit() throws InterruptedException {
    EXITING.await();
  }
}
