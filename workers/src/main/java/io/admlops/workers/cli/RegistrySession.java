package io.admlops.workers.cli;

import io.admlops.activities.datasets.DatasetRegistry;
import io.admlops.activities.datasets.DatasetStore;
import io.admlops.activities.store.EmbeddedPostgresServer;
import io.admlops.activities.store.RegistryDatabase;
import io.admlops.activities.store.StorageRoots;
import io.admlops.workers.stack.StackSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The registry for one command: the PostgreSQL named by {@code --db-url} /
 * {@code ADMLOPS_DB_URL}, or else the embedded one under {@code ADMLOPS_HOME}, started for
 * the command's duration (refused while {@code admlops up} owns it; then pass its URL).
 */
final class RegistrySession implements AutoCloseable {

  private final EmbeddedPostgresServer server;
  private final RegistryDatabase database;
  private final StorageRoots storage;

  private RegistrySession(EmbeddedPostgresServer server, RegistryDatabase database,
      StorageRoots storage) {
    this.server = server;
    this.database = database;
    this.storage = storage;
  }

  /**
   * Opens the registry a command names.
   *
   * @param dbUrl the {@code --db-url} flag, or null for {@code ADMLOPS_DB_URL} or the
   *     embedded PostgreSQL
   * @param datasetStore the {@code --store} flag, or null for {@code DATASET} or its default
   */
  static RegistrySession open(String dbUrl, Path datasetStore) throws IOException {
    return open(dbUrl, datasetStore, null);
  }

  /**
   * Opens the registry a command names, with the model zoo it names.
   *
   * @param modelZoo the {@code --model-zoo} flag, or null for {@code MODELZOO} or its default
   */
  static RegistrySession open(String dbUrl, Path datasetStore, Path modelZoo)
      throws IOException {
    Map<String, String> env = new HashMap<>(System.getenv());
    if (datasetStore != null) {
      env.put("DATASET", datasetStore.toString());
    }
    if (modelZoo != null) {
      env.put("MODELZOO", modelZoo.toString());
    }
    return open(StackSettings.resolve(null, dbUrl, null, env));
  }

  private static RegistrySession open(StackSettings settings) throws IOException {
    if (settings.database().isPresent()) {
      return new RegistrySession(null, RegistryDatabase.open(settings.database().get()),
          settings.storage());
    }
    EmbeddedPostgresServer server = EmbeddedPostgresServer.start(settings.postgresData());
    try {
      RegistrySession session = new RegistrySession(server,
          RegistryDatabase.open(server.target()), settings.storage());
      // Ctrl-C during a long import must not leave the embedded server running.
      Runtime.getRuntime().addShutdownHook(new Thread(session::closeQuietly));
      return session;
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /** The dataset registry; the dataset store's folder is created when missing. */
  DatasetRegistry registry() {
    return new DatasetRegistry(database, new DatasetStore(storage.createIfMissing().datasets()));
  }

  /** Where datasets and the model zoo live; folders are created when missing. */
  StorageRoots storage() {
    return storage.createIfMissing();
  }

  /** The database itself, for the registry tables outside the dataset registry. */
  RegistryDatabase database() {
    return database;
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
