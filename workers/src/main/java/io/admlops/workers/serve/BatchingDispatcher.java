package io.admlops.workers.serve;

import io.admlops.activities.detector.Detection;
import io.admlops.activities.serve.ServedModel;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Collects concurrent requests into batches on one thread: a batch starts with the first
 * waiting request and takes more until it holds {@code maxBatch} or {@code batchWait} has
 * passed since it started, then runs on the live model and answers each request. A network
 * answers a batch of frames in less time than the frames one by one, so under load the
 * endpoint serves more frames per second; alone, a request waits at most {@code batchWait}.
 */
public final class BatchingDispatcher implements AutoCloseable {

  /**
   * One request's answer.
   *
   * @param model the version that answered, {@code name:version}
   * @param classes its class names, for {@link Detection#classIndex()}
   * @param detections in the image's pixels, best first
   */
  public record Answer(String model, List<String> classes, List<Detection> detections) {}

  /** How requests were batched so far. */
  public record BatchCounts(long batches, long requests, int largestBatch) {}

  private record Request(BufferedImage image, CompletableFuture<Answer> answer) {}

  private final LiveModel model;
  private final int maxBatch;
  private final long batchWaitNanos;
  private final BlockingQueue<Request> waiting = new LinkedBlockingQueue<>();
  private final Thread thread;
  private final AtomicLong batches = new AtomicLong();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicInteger largestBatch = new AtomicInteger();

  /**
   * Starts the dispatching thread.
   *
   * @param maxBatch at least 1
   * @param batchWait how long a batch waits for more requests after its first
   */
  public BatchingDispatcher(LiveModel model, int maxBatch, Duration batchWait) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch " + maxBatch + " < 1");
    }
    this.model = model;
    this.maxBatch = maxBatch;
    this.batchWaitNanos = batchWait.toNanos();
    this.thread = new Thread(this::dispatch, "serve-dispatcher");
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues an image; the answer completes once its batch has run. */
  public CompletableFuture<Answer> submit(BufferedImage image) {
    CompletableFuture<Answer> answer = new CompletableFuture<>();
    waiting.add(new Request(image, answer));
    return answer;
  }

  /** The model batches run on. */
  public LiveModel model() {
    return model;
  }

  public BatchCounts counts() {
    return new BatchCounts(batches.get(), requests.get(), largestBatch.get());
  }

  private void dispatch() {
    try {
      while (true) {
        List<Request> batch = new ArrayList<>(List.of(waiting.take()));
        long deadline = System.nanoTime() + batchWaitNanos;
        while (batch.size() < maxBatch) {
          // Past the deadline, requests already waiting still join: under load they queued
          // while the last batch ran, and taking them now costs them nothing.
          Request next = waiting.poll(Math.max(0, deadline - System.nanoTime()),
              TimeUnit.NANOSECONDS);
          if (next == null) {
            break;
          }
          batch.add(next);
        }
        run(batch);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run(List<Request> batch) {
    try {
      model.run(served -> {
        List<List<Detection>> found = served.detect(batch.stream().map(Request::image)
            .toList());
        for (int i = 0; i < batch.size(); i++) {
          batch.get(i).answer().complete(answer(served, found.get(i)));
        }
        return batch.size();
      });
    } catch (RuntimeException e) {
      batch.forEach(request -> request.answer().completeExceptionally(e));
    }
    batches.incrementAndGet();
    requests.addAndGet(batch.size());
    largestBatch.accumulateAndGet(batch.size(), Math::max);
  }

  private static Answer answer(ServedModel served, List<Detection> detections) {
    return new Answer(served.version().label(), served.classes(), detections);
  }

  /** Stops dispatching; requests still waiting fail, the batch running finishes first. */
  @Override
  public void close() throws InterruptedException {
    thread.interrupt();
    thread.join();
    for (Request request = waiting.poll(); request != null; request = waiting.poll()) {
      request.answer().completeExceptionally(new IllegalStateException("the server stopped"));
    }
  }
}
