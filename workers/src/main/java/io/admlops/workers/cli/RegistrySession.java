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
    EmbeddedPostgresServer server = null;
    RegistryDatabase database;
    if (settings.database().isPresent()) {
      database = RegistryDatabase.open(settings.database().get());
    } else {
      server = EmbeddedPostgresServer.start(settings.postgresData());
      try {
        database = RegistryDatabase.open(server.target());
      } catch (RuntimeException e) {
        server.close();
        throw e;
      }
    }
    DatasetStore store = new DatasetStore(settings.storage().createIfMissing().datasets());
    return new RegistrySession(server, new DatasetRegistry(database, store));
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
}
