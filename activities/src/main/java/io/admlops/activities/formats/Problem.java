package io.admlops.activities.formats;

/**
 * Something wrong with a dataset, where it is and what is wrong.
 *
 * @param severity errors make a record invalid; warnings do not
 * @param location {@code file:line}, or {@code file#/json/pointer}
 * @param message what is wrong and what was expected
 */
public record Problem(Severity severity, String location, String message) {

  /** How bad a problem is. */
  public enum Severity {
    ERROR, WARNING;

    String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  @Override
  public String toString() {
    return location + ": " + severity.label() + ": " + message;
  }
}
