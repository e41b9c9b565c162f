package io.admlops.workers.serve;

import io.admlops.activities.modelzoo.ModelVersion;
import io.admlops.activities.modelzoo.ModelVersions;
import io.admlops.activities.serve.ServedModel;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the reference a server was started with ({@code name@production}, or a bare name
 * for the newest version) by polling the registry: when it names another version, that
 * version is loaded beside the one serving and swapped in. A version that cannot be loaded
 * leaves the current one serving.
 */
public final class AliasWatcher implements AutoCloseable {

  /** Loads a version in the server's backend. */
  @FunctionalInterface
  public interface Loader {
    ServedModel load(ModelVersion version) throws IOException;
  }

  private static final Logger log = LoggerFactory.getLogger(AliasWatcher.class);

  private final String reference;
  private final ModelVersions versions;
  private final Loader loader;
  private final LiveModel live;
  private final ScheduledExecutorService poller;
  // The last problem logged, so a problem that persists is logged once, not every poll.
  private String lastProblem;
  // The id of the version that last failed to load, or -1.
  private long refused = -1;

  private AliasWatcher(String reference, ModelVersions versions, Loader loader,
      LiveModel live) {
    this.reference = reference;
    this.versions = versions;
    this.loader = loader;
    this.live = live;
    this.poller = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "serve-alias-watcher");
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Starts polling.
   *
   * @param reference what the server was asked to serve, e.g. {@code centernet-demo@production}
   * @param every how often the registry is asked
   */
  public static AliasWatcher start(String reference, ModelVersions versions, Loader loader,
      LiveModel live, Duration every) {
    AliasWatcher watcher = new AliasWatcher(reference, versions, loader, live);
    watcher.poller.scheduleWithFixedDelay(watcher::poll, every.toMillis(), every.toMillis(),
        TimeUnit.MILLISECONDS);
    return watcher;
  }

  private void poll() {
    ModelVersion serving = live.current().version();
    ModelVersion named;
    try {
      named = versions.resolve(reference);
    } catch (RuntimeException e) {
      // The registry may be briefly unreachable; the next poll asks again.
      warnOnce(reference + " cannot be resolved, " + serving.label() + " keeps serving: "
          + e.getMessage());
      return;
    }
    lastProblem = null;
    if (named.id() == serving.id()) {
      refused = -1;
      return;
    }
    if (named.id() == refused) {
      return;
    }
    log.info("{} now names {}; loading it beside {}", reference, named.label(),
        serving.label());
    try {
      live.swap(loader.load(named));
      log.info("serving {} in place of {}", named.label(), serving.label());
    } catch (IOException | RuntimeException e) {
      // Loading again would fail again (a failed parity check, missing weights) and cost a
      // load every poll; the version is tried again once the reference has moved on.
      refused = named.id();
      log.warn("{} cannot be served, {} keeps serving: {}", named.label(), serving.label(),
          e.getMessage());
    }
  }

  private void warnOnce(String problem) {
    if (!problem.equals(lastProblem)) {
      log.warn(problem);
      lastProblem = problem;
    }
  }

  @Override
  public void close() throws InterruptedException {
    poller.shutdownNow();
    poller.awaitTermination(1, TimeUnit.MINUTES);
  }
}
