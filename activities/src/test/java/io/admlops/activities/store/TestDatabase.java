package io.admlops.activities.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one PostgreSQL fixture of the test suites: a container when Docker is available, else
 * the server named by {@code ADMLOPS_TEST_DB_URL} (with {@code ADMLOPS_TEST_DB_USER} and
 * {@code ADMLOPS_TEST_DB_PASSWORD}), else the embedded PostgreSQL. The server starts once per
 * test JVM; every caller gets a schema of its own, so tests never see each other's rows.
 */
public final class TestDatabase {

  private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);

  private TestDatabase() {}

  /** A new, empty schema; connections through the target resolve unqualified names in it. */
  public static DatabaseTarget freshSchema() {
    DatabaseTarget admin = Server.ADMIN;
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), credentials(admin));
         Statement s = c.createStatement()) {
      s.execute("create schema " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test schema on " + admin, e);
    }
    String separator = admin.jdbcUrl().contains("?") ? "&" : "?";
    return new DatabaseTarget(admin.jdbcUrl() + separator + "currentSchema=" + schema,
        admin.user(), admin.password());
  }

  /** A migrated registry in a fresh schema. */
  public static RegistryDatabase freshRegistry() {
    return RegistryDatabase.open(freshSchema());
  }

  private static Properties credentials(DatabaseTarget target) {
    Properties p = new Properties();
    if (target.user() != null) {
      p.setProperty("user", target.user());
    }
    if (target.password() != null) {
      p.setProperty("password", target.password());
    }
    return p;
  }

  private static void deleteRecursively(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Holder idiom: the server starts on first use, once per JVM. */
  private static final class Server {
    static final DatabaseTarget ADMIN = start();

    private static DatabaseTarget start() {
      if (DockerClientFactory.instance().isDockerAvailable()) {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
        container.start();
        log.info("test database: PostgreSQL container {}", container.getJdbcUrl());
        return new DatabaseTarget(container.getJdbcUrl(), container.getUsername(),
            container.getPassword());
      }
      String url = System.getenv("ADMLOPS_TEST_DB_URL");
      if (url != null && !url.isBlank()) {
        log.info("test database: ADMLOPS_TEST_DB_URL");
        return new DatabaseTarget(url, System.getenv("ADMLOPS_TEST_DB_USER"),
            System.getenv("ADMLOPS_TEST_DB_PASSWORD"));
      }
      try {
        Path scratch = Files.createTempDirectory("admlops-test-pg");
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(scratch.resolve("data"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            server.close();
            deleteRecursively(scratch);
          } catch (IOException e) {
            log.warn("could not stop or remove the embedded test PostgreSQL", e);
          }
        }));
        log.info("test database: embedded PostgreSQL (no Docker, no ADMLOPS_TEST_DB_URL)");
        return server.target();
      } catch (IOException e) {
        throw new IllegalStateException("cannot start the embedded test PostgreSQL", e);
      }
    }
  }
}
