package io.admlops.workers.stack;

import io.admlops.activities.store.DatabaseTarget;
import io.admlops.activities.store.StorageRoots;
import io.admlops.schemas.UserInputException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where every part of the stack is, from flags first and the environment second:
 * {@code ADMLOPS_HOME}, {@code DATASET}, {@code MODELZOO}, {@code TEMPORAL_ADDRESS},
 * {@code TEMPORAL_NAMESPACE}, {@code ADMLOPS_DB_URL} (+ {@code ADMLOPS_DB_USER},
 * {@code ADMLOPS_DB_PASSWORD}). An absent Temporal address or database URL means the embedded
 * default.
 *
 * @param home state of the embedded stack ({@code ~/.admlops} by default)
 * @param storage the artifact roots
 * @param temporalAddress host:port of a Temporal service, empty for the embedded one
 * @param namespace the Temporal namespace
 * @param database an external PostgreSQL, empty for the embedded one
 */
public record StackSettings(
    Path home,
    StorageRoots storage,
    Optional<String> temporalAddress,
    String namespace,
    Optional<DatabaseTarget> database) {

  /** The address {@code admlops up} serves Temporal on, and clients try when none is named. */
  public static final String DEFAULT_TEMPORAL_ADDRESS = "127.0.0.1:7233";

  /**
   * Resolves the settings.
   *
   * @param temporalFlag the {@code --temporal} flag, or null
   * @param dbUrlFlag the {@code --db-url} flag, or null
   * @param namespaceFlag the {@code --namespace} flag, or null
   * @param env the process environment
   */
  public static StackSettings resolve(String temporalFlag, String dbUrlFlag, String namespaceFlag,
      Map<String, String> env) {
    Path home = path(env, "ADMLOPS_HOME")
        .orElse(Path.of(System.getProperty("user.home"), ".admlops"));
    StorageRoots storage = new StorageRoots(
        path(env, "DATASET").orElse(home.resolve("datasets")),
        path(env, "MODELZOO").orElse(home.resolve("modelzoo")));
    Optional<String> temporal = firstOf(temporalFlag, env.get("TEMPORAL_ADDRESS"))
        .map(StackSettings::checkedAddress);
    String namespace = firstOf(namespaceFlag, env.get("TEMPORAL_NAMESPACE")).orElse("default");
    Optional<DatabaseTarget> database = firstOf(dbUrlFlag, env.get("ADMLOPS_DB_URL"))
        .map(url -> databaseTarget(url, env));
    return new StackSettings(home.toAbsolutePath(), storage, temporal, namespace, database);
  }

  /** The Temporal address to connect to: the named one, else where {@code up} listens. */
  public String temporalAddressOrDefault() {
    return temporalAddress.orElse(DEFAULT_TEMPORAL_ADDRESS);
  }

  /** The embedded PostgreSQL's data directory. */
  public Path postgresData() {
    return home.resolve("postgres").resolve("data");
  }

  private static DatabaseTarget databaseTarget(String url, Map<String, String> env) {
    try {
      return new DatabaseTarget(url, env.get("ADMLOPS_DB_USER"), env.get("ADMLOPS_DB_PASSWORD"));
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--db-url / ADMLOPS_DB_URL: " + e.getMessage(), e);
    }
  }

  private static String checkedAddress(String address) {
    int colon = address.lastIndexOf(':');
    boolean valid = colon > 0 && colon < address.length() - 1
        && address.substring(colon + 1).chars().allMatch(Character::isDigit);
    if (!valid) {
      throw new UserInputException(
          "--temporal / TEMPORAL_ADDRESS: expected host:port, got '" + address + "'");
    }
    return address;
  }

  private static Optional<Path> path(Map<String, String> env, String name) {
    return firstOf(env.get(name)).map(Path::of);
  }

  private static Optional<String> firstOf(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return Optional.of(v.trim());
      }
    }
    return Optional.empty();
  }
}
