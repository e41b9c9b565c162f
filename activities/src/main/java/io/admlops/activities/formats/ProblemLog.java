package io.admlops.activities.formats;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The problems a read found. Readers report here and leave the faulty record out; the caller
 * decides whether a dataset with errors may still be written. Keeps the first
 * {@value #KEPT} problems and counts the rest, so a badly broken large dataset cannot exhaust
 * memory.
 */
public final class ProblemLog {

  static final int KEPT = 10_000;

  private final List<Problem> kept = new ArrayList<>();
  private long errors;
  private long warnings;

  /** A record is invalid and was left out. */
  public void error(String location, String message) {
    errors++;
    keep(new Problem(Problem.Severity.ERROR, location, message));
  }

  /** Something is suspicious but the record was kept. */
  public void warning(String location, String message) {
    warnings++;
    keep(new Problem(Problem.Severity.WARNING, location, message));
  }

  public long errorCount() {
    return errors;
  }

  public long warningCount() {
    return warnings;
  }

  public boolean hasErrors() {
    return errors > 0;
  }

  /** The problems kept, in the order found. */
  public List<Problem> problems() {
    return Collections.unmodifiableList(kept);
  }

  /** How many problems were counted but not kept. */
  public long omitted() {
    return errors + warnings - kept.size();
  }

  /** E.g. {@code 3 errors, 1 warning}. */
  public String summary() {
    return plural(errors, "error") + ", " + plural(warnings, "warning")
        + (omitted() > 0 ? " (" + omitted() + " not listed)" : "");
  }

  /** {@code file:line}, the location of a line of a text file. */
  public static String at(Path file, long line) {
    return file + ":" + line;
  }

  /** {@code file#/a/0/b}, the location of a JSON value by its JSON pointer. */
  public static String at(Path file, String jsonPointer) {
    return file + "#" + jsonPointer;
  }

  private void keep(Problem problem) {
    if (kept.size() < KEPT) {
      kept.add(problem);
    }
  }

  private static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
