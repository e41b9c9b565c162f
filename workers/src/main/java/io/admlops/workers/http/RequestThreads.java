package io.admlops.workers.http;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads an HTTP endpoint answers requests on: a fixed number, named after the endpoint
 * so a thread dump says whose they are, and daemons, so an endpoint left open never keeps the
 * process alive after its command has ended.
 */
public final class RequestThreads {

  private RequestThreads() {}

  /** A pool of {@code count} threads named {@code <name>-1}, {@code <name>-2}, ... */
  public static ExecutorService named(String name, int count) {
    AtomicInteger number = new AtomicInteger();
    return Executors.newFixedThreadPool(count, task -> {
      Thread thread = new Thread(task, name + "-" + number.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }
}
