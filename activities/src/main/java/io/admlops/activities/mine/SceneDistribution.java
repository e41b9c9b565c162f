package io.admlops.activities.mine;

import io.admlops.activities.datasets.DatasetRegistry;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.frame.Frame;
import java.io.IOException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How often each scene condition's values occur in a set of frames, typically the current
 * dataset version: the baseline a new frame's rarity is measured against.
 *
 * @param frames how many frames were counted
 * @param counts per condition, the frames with each value; frames whose value is not known
 *     are not counted under that condition
 */
public record SceneDistribution(long frames, Map<SceneCondition, SortedMap<String, Long>> counts) {

  public SceneDistribution {
    Map<SceneCondition, SortedMap<String, Long>> copy = new EnumMap<>(SceneCondition.class);
    for (SceneCondition condition : SceneCondition.values()) {
      copy.put(condition, Collections.unmodifiableSortedMap(
          new TreeMap<>(counts.getOrDefault(condition, new TreeMap<>()))));
    }
    counts = Collections.unmodifiableMap(copy);
  }

  /** The distribution of a set of frames. */
  public static SceneDistribution of(Iterable<Frame> frames) {
    Counter counter = new Counter();
    frames.forEach(counter::add);
    return counter.distribution();
  }

  /**
   * The distribution of a dataset version's frames, read from its manifest.
   *
   * @throws UserInputException when the dataset or version is unknown
   */
  public static SceneDistribution ofVersion(DatasetRegistry registry, String dataset,
      int version) throws IOException {
    Counter counter = new Counter();
    registry.exportVersion(dataset, version, counter::add);
    return counter.distribution();
  }

  /** The frames whose condition has this value. */
  public long count(SceneCondition condition, String value) {
    return counts.get(condition).getOrDefault(value, 0L);
  }

  /**
   * The value's share of the frames with add-one (Laplace) smoothing, so a value never seen
   * has a small share rather than none: {@code (count + 1) / (known + V)}, known the frames
   * whose condition is known and V the number of values the condition can take (its
   * vocabulary, the values counted and this value).
   */
  public double smoothedShare(SceneCondition condition, String value) {
    return (count(condition, value) + 1.0) / (known(condition) + values(condition, value));
  }

  /**
   * The share the rarest possible value would have, an unseen one: the floor of
   * {@link #smoothedShare} for this condition and value's vocabulary.
   */
  double smallestShare(SceneCondition condition, String value) {
    return 1.0 / (known(condition) + values(condition, value));
  }

  private long known(SceneCondition condition) {
    return counts.get(condition).values().stream().mapToLong(Long::longValue).sum();
  }

  private int values(SceneCondition condition, String value) {
    Set<String> values = new HashSet<>(condition.vocabulary());
    values.addAll(counts.get(condition).keySet());
    values.add(value);
    return values.size();
  }

  /** Counts frames one at a time, so a dataset is read without holding it. */
  private static final class Counter {
    private final Map<SceneCondition, SortedMap<String, Long>> counts =
        new EnumMap<>(SceneCondition.class);
    private long frames;

    void add(Frame frame) {
      frames++;
      for (SceneCondition condition : SceneCondition.values()) {
        String value = condition.valueOf(frame.scene());
        if (value != null) {
          counts.computeIfAbsent(condition, c -> new TreeMap<>()).merge(value, 1L, Long::sum);
        }
      }
    }

    SceneDistribution distribution() {
      return new SceneDistribution(frames, counts);
    }
  }
}
