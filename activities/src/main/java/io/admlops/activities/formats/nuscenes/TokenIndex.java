package io.admlops.activities.formats.nuscenes;

import io.admlops.activities.formats.ProblemLog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The records of one nuScenes table by token. The tokens of records left out as invalid are
 * remembered, so a record referring to one is left out quietly: the cause was reported once,
 * at the invalid record, rather than again at every reference to it.
 *
 * @param <T> what the reader keeps of a record
 */
final class TokenIndex<T> {

  private final String table;
  private final Map<String, T> records = new HashMap<>();
  private final Set<String> rejected = new HashSet<>();

  private TokenIndex(String table) {
    this.table = table;
  }

  /** An index with no records, for an optional table that is absent. */
  static <T> TokenIndex<T> empty(String table) {
    return new TokenIndex<>(table);
  }

  /**
   * Reads a table; the parser returns what to keep of a record, or null to leave the record
   * out (having reported why, where that is a problem).
   */
  static <T> TokenIndex<T> load(Path file, ProblemLog problems, Function<TableRow, T> parser)
      throws IOException {
    return load(file, problems, token -> true, parser);
  }

  /** Reads the records of a table whose tokens are wanted, skipping the others unparsed. */
  static <T> TokenIndex<T> load(Path file, ProblemLog problems, Predicate<String> wanted,
      Function<TableRow, T> parser) throws IOException {
    TokenIndex<T> index = new TokenIndex<>(file.getFileName().toString());
    TableFile.forEachRow(file, problems, row -> {
      String token = row.requiredText("token", problems);
      if (token == null || !wanted.test(token)) {
        return;
      }
      if (index.records.containsKey(token) || index.rejected.contains(token)) {
        problems.error(row.at("token"), "duplicate token '" + token + "'; the record is left "
            + "out");
        return;
      }
      T record = parser.apply(row);
      if (record == null) {
        index.rejected.add(token);
      } else {
        index.records.put(token, record);
      }
    });
    return index;
  }

  /** The record of a token, or null; for optional references, which are not checked. */
  T get(String token) {
    return token == null ? null : records.get(token);
  }

  /** The record a field of a row refers to; see {@link #follow(String, String, ProblemLog)}. */
  T follow(TableRow row, String field, ProblemLog problems) {
    return follow(row.text(field), row.at(field), problems);
  }

  /**
   * The record a reference points at, or null. A missing token or one this table does not
   * hold is an error at the reference; a token of a record left out as invalid is not.
   *
   * @param location where the reference is
   */
  T follow(String token, String location, ProblemLog problems) {
    if (token == null) {
      problems.error(location, "missing; expected a token of " + table);
      return null;
    }
    T record = records.get(token);
    if (record == null && !rejected.contains(token)) {
      problems.error(location, "'" + token + "' is not a token of " + table
          + "; the record referring to it is left out");
    }
    return record;
  }
}
