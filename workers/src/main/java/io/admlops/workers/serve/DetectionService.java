package io.admlops.workers.serve;

import io.admlops.activities.modelzoo.ModelVersion;
import io.admlops.activities.modelzoo.ModelVersions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;

/**
 * A registered version served over HTTP, whole: loaded in its backend, requests batched, the
 * reference it was named by followed in the registry. What {@code admlops serve} runs.
 */
public final class DetectionService implements AutoCloseable {

  /**
   * How to serve.
   *
   * @param reference the version to serve, e.g. {@code centernet-demo@production}
   * @param backend the backend's name, reported by {@code /healthz}
   * @param address where to listen; port 0 picks a free one
   * @param maxBatch the most requests one batch answers
   * @param batchWait how long a batch waits for more requests after its first
   * @param poll how often the registry is asked where the reference points
   */
  public record Settings(String reference, String backend, InetSocketAddress address,
      int maxBatch, Duration batchWait, Duration poll) {}

  private final LiveModel live;
  private final BatchingDispatcher dispatcher;
  private final DetectionServer server;
  private final AliasWatcher watcher;

  private DetectionService(LiveModel live, BatchingDispatcher dispatcher, DetectionServer server,
      AliasWatcher watcher) {
    this.live = live;
    this.dispatcher = dispatcher;
    this.server = server;
    this.watcher = watcher;
  }

  /**
   * Loads the version the reference names and starts answering.
   *
   * @throws io.admlops.schemas.UserInputException when the reference names nothing
   * @throws java.net.BindException when the port is taken
   */
  public static DetectionService start(Settings settings, ModelVersions versions,
      AliasWatcher.Loader loader) throws IOException {
    ModelVersion version = versions.resolve(settings.reference());
    LiveModel live = new LiveModel(loader.load(version));
    BatchingDispatcher dispatcher = new BatchingDispatcher(live, settings.maxBatch(),
        settings.batchWait());
    DetectionServer server;
    try {
      // Each request thread waits for its batch: twice the batch keeps one batch filling
      // while another runs.
      server = DetectionServer.start(settings.address(), 2 * settings.maxBatch() + 2,
          dispatcher, settings.backend());
    } catch (IOException | RuntimeException e) {
      closeQuietly(dispatcher);
      live.close();
      throw e;
    }
    return new DetectionService(live, dispatcher, server, AliasWatcher.start(
        settings.reference(), versions, loader, live, settings.poll()));
  }

  /** Where clients post images. */
  public URI url() {
    return server.url();
  }

  /** The version answering new requests, {@code name:version}. */
  public String serving() {
    return live.current().version().label();
  }

  /** Stops polling, then taking requests, then answering; frees the loaded version. */
  @Override
  public void close() throws InterruptedException {
    watcher.close();
    server.close();
    dispatcher.close();
    live.close();
  }

  private static void closeQuietly(BatchingDispatcher dispatcher) {
    try {
      dispatcher.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
