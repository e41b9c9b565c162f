package io.admlops.workers.cli;

import io.admlops.activities.datasets.DatasetRegistry;
import io.admlops.activities.datasets.DatasetStore;
import io.admlops.activities.store.EmbeddedPostgresServer;
import io.admlops.activities.store.RegistryDatabase;
import io.admlops.workers.stack.StackSettings;
import java.io.IOException;

/**
 * The dataset registry for one command: the PostgreSQL named by {@code --db-url} /
 * {@code ADMLOPS_DB_URL}, or else the embedded one under {@code ADMLOPS_HOME}, started for
 * the command's duration (refused while {@code admlops up} owns it; then pass its URL).
 */
final class RegistrySession implements AutoCloseable {

  private final EmbeddedPostgresServer server;
  private final DatasetRegistry registry;

  private RegistrySession(EmbeddedPostgresServer server, DatasetRegistry registry) {
    this.server = server;
    this.registry = registry;
  }

  static RegistrySession open(StackSettings settings) throws IOException {
    DatasetStore store = new DatasetStore(settings.storage().createIfMissing().datasets());
    if (settings.database().isPresent()) {
      RegistryDatabase database = RegistryDatabase.open(settings.database().get());
      return new RegistrySession(null, new DatasetRegistry(database, store));
    }
    EmbeddedPostgresServer server = EmbeddedPostgresServer.start(settings.postgresData());
    try {
      RegistrySession session = new RegistrySession(server,
          new DatasetRegistry(RegistryDatabase.open(server.target()), store));
      // Ctrl-C during a long import must not leave the embedded server running.
      Runtime.getRuntime().addShutdownHook(new Thread(session::closeQuietly));
      return session;
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  DatasetRegistry registry() {
    return registry;
  }

  @Override
  public void close() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  private void closeQuietly() {
    try {
      close();
    } catch (IOException e) {
      System.err.println("admlops: while stopping the embedded PostgreSQL: " + e.getMessage());
    }
  }
}
