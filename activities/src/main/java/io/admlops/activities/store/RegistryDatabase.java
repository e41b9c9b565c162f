package io.admlops.activities.store;

import io.admlops.schemas.UserInputException;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop's registry in PostgreSQL: opened once per process, migrated to the newest schema on
 * open, then used through jOOQ by the repositories of each stage.
 */
public final class RegistryDatabase {

  private static final Logger log = LoggerFactory.getLogger(RegistryDatabase.class);

  private final DatabaseTarget target;
  private final DSLContext dsl;

  private RegistryDatabase(DatabaseTarget target, DSLContext dsl) {
    this.target = target;
    this.dsl = dsl;
  }

  /**
   * Connects, applies pending Flyway migrations and returns the registry.
   *
   * @throws UserInputException when the database cannot be reached or migrated, naming it
   */
  public static RegistryDatabase open(DatabaseTarget target) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(target.jdbcUrl());
    if (target.user() != null) {
      dataSource.setUser(target.user());
    }
    if (target.password() != null) {
      dataSource.setPassword(target.password());
    }
    dataSource.setConnectTimeout(10);
    dataSource.setApplicationName("admlops");
    try (Connection probe = dataSource.getConnection()) {
      log.debug("reached {} as {}", target, probe.getMetaData().getUserName());
    } catch (SQLException e) {
      throw new UserInputException(
          "cannot reach PostgreSQL at " + target + ": " + e.getMessage(), e);
    }
    try {
      int applied = Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .load()
          .migrate()
          .migrationsExecuted;
      if (applied > 0) {
        log.info("applied {} schema migrations to {}", applied, target);
      }
    } catch (FlywayException e) {
      throw new UserInputException(
          "cannot migrate the registry schema at " + target + ": " + e.getMessage(), e);
    }
    return new RegistryDatabase(target, DSL.using(dataSource, SQLDialect.POSTGRES));
  }

  /** jOOQ over the registry; each statement takes and returns its own connection. */
  public DSLContext dsl() {
    return dsl;
  }

  /** Where the registry lives, without secrets. */
  public DatabaseTarget target() {
    return target;
  }

  /** The server's version string, e.g. {@code 17.6}. */
  public String serverVersion() {
    return String.valueOf(dsl.fetchValue("show server_version"));
  }
}
