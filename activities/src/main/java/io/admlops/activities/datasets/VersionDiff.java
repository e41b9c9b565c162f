package io.admlops.activities.datasets;

import java.util.List;

/**
 * What a version changed over its parent; a version without a parent is compared with an
 * empty dataset, so everything in it counts as added.
 *
 * @param dataset the dataset's name
 * @param version the version compared
 * @param parentVersion its parent, or null
 * @param samplesAdded samples in the version but not in the parent
 * @param addedFrameIds the first {@link DatasetRegistry#LISTED_FRAMES} added frames' ids, sorted
 * @param samplesRelabeled samples in both whose labels differ
 * @param classes every class in either version with its object counts before and after
 */
public record VersionDiff(String dataset, int version, Integer parentVersion, int samplesAdded,
    List<String> addedFrameIds, int samplesRelabeled, List<ClassDelta> classes) {

  /**
   * One class's objects in the parent and in the version.
   *
   * @param category the class
   * @param before objects in the parent
   * @param after objects in the version
   */
  public record ClassDelta(String category, long before, long after) {

    public long change() {
      return after - before;
    }
  }

  /** Classes with objects in the version and none in the parent. */
  public List<String> classesAdded() {
    return classes.stream().filter(c -> c.before() == 0).map(ClassDelta::category).toList();
  }

  /** Classes with objects in the parent and none in the version. */
  public List<String> classesRemoved() {
    return classes.stream().filter(c -> c.after() == 0).map(ClassDelta::category).toList();
  }
}
