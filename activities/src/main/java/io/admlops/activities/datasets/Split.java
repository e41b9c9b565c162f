package io.admlops.activities.datasets;

import io.admlops.schemas.UserInputException;

/**
 * The split a sample belongs to, derived from its content hash alone: the first 8 hex digits
 * as an unsigned number modulo 100 give a bucket, buckets 0-79 train, 80-89 val and 90-99
 * test. SHA-256 spreads hashes uniformly, so splits come out near 80/10/10, and a sample keeps
 * its split in every version and every dataset, so no test frame ever leaks into training.
 */
public enum Split {
  TRAIN("train"),
  VAL("val"),
  TEST("test");

  private final String column;

  Split(String column) {
    this.column = column;
  }

  /** The split of the sample whose image has this hex SHA-256. */
  public static Split of(String sampleHash) {
    long bucket = Long.parseLong(sampleHash.substring(0, 8), 16) % 100;
    if (bucket < 80) {
      return TRAIN;
    }
    return bucket < 90 ? VAL : TEST;
  }

  /**
   * The split of a stored name.
   *
   * @throws UserInputException when the name is none of train, val, test
   */
  public static Split named(String name) {
    for (Split split : values()) {
      if (split.column.equals(name)) {
        return split;
      }
    }
    throw new UserInputException("split '" + name + "' does not exist; use train, val or test");
  }

  /** The name stored in {@code dataset_version_sample.split}. */
  public String column() {
    return column;
  }
}
