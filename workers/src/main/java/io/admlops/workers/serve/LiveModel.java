package io.admlops.workers.serve;

import io.admlops.activities.serve.ServedModel;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The version being served, swappable while batches run: a batch runs on the version that was
 * current when it started, and a replaced version is closed only once that batch is done, so
 * a swap never fails a request.
 */
public final class LiveModel implements AutoCloseable {

  private final AtomicReference<ServedModel> current;
  // Held while a batch runs; a swap takes it to know the old version is no longer in use.
  private final ReentrantLock running = new ReentrantLock();

  public LiveModel(ServedModel first) {
    this.current = new AtomicReference<>(first);
  }

  /** The version new batches run on. */
  public ServedModel current() {
    return current.get();
  }

  /** Runs a batch on the current version, which stays open until the batch returns. */
  <T> T run(Function<ServedModel, T> batch) {
    running.lock();
    try {
      return batch.apply(current.get());
    } finally {
      running.unlock();
    }
  }

  /**
   * Makes a loaded version the current one, then closes the one it replaces once the batch
   * running on it (if any) has finished.
   */
  public void swap(ServedModel next) {
    ServedModel replaced = current.getAndSet(next);
    running.lock();
    try {
      replaced.close();
    } finally {
      running.unlock();
    }
  }

  @Override
  public void close() {
    running.lock();
    try {
      current.get().close();
    } finally {
      running.unlock();
    }
  }
}
