package io.admlops.workers.stack;

import io.admlops.activities.store.DatabaseTarget;
import io.admlops.activities.store.EmbeddedPostgresServer;
import io.admlops.activities.store.RegistryDatabase;
import io.admlops.workers.webhook.SimulatedVendor;
import io.admlops.workflows.TaskQueues;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code admlops up} runs: PostgreSQL and Temporal (embedded unless external ones are
 * named) and workers on the requested queues, all in this process. Closing stops them in the
 * reverse order they started.
 */
public final class DevStack implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DevStack.class);

  private final Deque<AutoCloseable> started;
  private final String temporalAddress;
  private final boolean temporalEmbedded;
  private final DatabaseTarget database;
  private final RegistryDatabase registry;
  private final WorkerHost workers;

  private DevStack(Deque<AutoCloseable> started, String temporalAddress, boolean temporalEmbedded,
      DatabaseTarget database, RegistryDatabase registry, WorkerHost workers) {
    this.started = started;
    this.temporalAddress = temporalAddress;
    this.temporalEmbedded = temporalEmbedded;
    this.database = database;
    this.registry = registry;
    this.workers = workers;
  }

  /**
   * Starts the stack; on any failure, what was already started is stopped again.
   *
   * @param temporalPort the port of the embedded Temporal service, 0 for any free one
   */
  public static DevStack start(StackSettings settings, List<TaskQueues> queues, int temporalPort)
      throws IOException {
    Deque<AutoCloseable> started = new ArrayDeque<>();
    try {
      DatabaseTarget database;
      if (settings.database().isPresent()) {
        database = settings.database().get();
      } else {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(settings.postgresData());
        started.push(postgres);
        database = postgres.target();
      }
      RegistryDatabase registry = RegistryDatabase.open(database);

      String address;
      if (settings.temporalAddress().isPresent()) {
        address = settings.temporalAddress().get();
      } else {
        EmbeddedTemporalServer temporal = EmbeddedTemporalServer.start(temporalPort);
        started.push(temporal);
        address = temporal.address();
      }
      TemporalConnection connection = TemporalConnection.open(address, settings.namespace());
      started.push(connection);
      WorkerHost workers = WorkerHost.start(connection.client(), queues, settings.storage(),
          Optional.of(registry));
      started.push(workers);
      return new DevStack(started, address, settings.temporalAddress().isEmpty(), database,
          registry, workers);
    } catch (IOException | RuntimeException e) {
      closeAll(started);
      throw e;
    }
  }

  public String temporalAddress() {
    return temporalAddress;
  }

  public boolean temporalEmbedded() {
    return temporalEmbedded;
  }

  public DatabaseTarget database() {
    return database;
  }

  /** The registry the stack's workers write. */
  public RegistryDatabase registry() {
    return registry;
  }

  /** The simulated labeling vendor of the stack's workers. */
  public SimulatedVendor simulatedVendor() {
    return workers.simulatedVendor();
  }

  @Override
  public void close() {
    closeAll(started);
  }

  private static void closeAll(Deque<AutoCloseable> started) {
    while (!started.isEmpty()) {
      AutoCloseable next = started.pop();
      try {
        next.close();
      } catch (Exception e) {
        log.warn("while stopping {}", next.getClass().getSimpleName(), e);
      }
    }
  }
}
