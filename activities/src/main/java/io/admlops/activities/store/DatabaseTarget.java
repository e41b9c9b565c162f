package io.admlops.activities.store;

import java.util.regex.Pattern;

/**
 * A PostgreSQL to connect to. The URL is a JDBC URL; user and password may be given apart or
 * inside it ({@code ?user=..&password=..}).
 *
 * @param jdbcUrl e.g. {@code jdbc:postgresql://db.internal:5432/admlops}
 * @param user the role, or null when the URL carries it
 * @param password the password, or null
 */
public record DatabaseTarget(String jdbcUrl, String user, String password) {

  private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&]*");

  public DatabaseTarget {
    if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "database URL must start with jdbc:postgresql:, got " + redact(String.valueOf(jdbcUrl)));
    }
  }

  /** The URL with any password replaced, fit for logs and error messages. */
  public String describe() {
    return redact(jdbcUrl);
  }

  private static String redact(String url) {
    return PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
  }

  @Override
  public String toString() {
    return describe();
  }
}
