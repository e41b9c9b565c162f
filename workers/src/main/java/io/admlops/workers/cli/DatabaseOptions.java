package io.admlops.workers.cli;

import picocli.CommandLine.Option;

/** Which PostgreSQL holds the registry; falls back to its environment variable. */
public class DatabaseOptions {

  @Option(names = "--db-url", paramLabel = "JDBC_URL",
      description = "PostgreSQL, e.g. jdbc:postgresql://db:5432/admlops (env ADMLOPS_DB_URL; "
          + "user and password from ADMLOPS_DB_USER and ADMLOPS_DB_PASSWORD). "
          + "Default for 'up': the embedded PostgreSQL under ADMLOPS_HOME.")
  String url;
}
