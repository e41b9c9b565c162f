package io.admlops.activities.formats.nuscenes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the reader keeps of sample_annotation, column-wise in primitive arrays at about 100
 * bytes a row instead of a JSON tree many times that size: v1.0-trainval has 1.2 million
 * rows. Once all are read they are grouped by sample, keeping table order within a sample.
 */
final class AnnotationColumns {

  /** Per row: translation (3), unit rotation quaternion (4), size (3). */
  private static final int GEOMETRY = 10;

  private int[] sample = new int[1024];
  private int[] instance = new int[1024];
  private byte[] occlusion = new byte[1024];
  private int[] attributes = new int[1024];
  private int[] lidarPoints = new int[1024];
  private int[] index = new int[1024];
  private double[] geometry = new double[GEOMETRY * 1024];
  private int size;

  /** Attribute lists are few and repeat, so each distinct joined list is kept once. */
  private final List<String> attributeLists = new ArrayList<>();
  private final Map<String, Integer> attributeListNumbers = new HashMap<>();

  private int[] sampleStart;
  private int[] rowsBySample;

  /**
   * @param attributeNames the attribute names joined by commas, empty for none
   * @param lidarPointCount the annotation's {@code num_lidar_pts}, or -1 when not given
   * @param box the box's pose in world coordinates
   * @param widthLengthHeight the box's size, nuScenes order
   * @param tableIndex the row's position in sample_annotation.json
   */
  void add(int sampleIndex, int instanceIndex, int occlusionCode, String attributeNames,
      int lidarPointCount, Pose box, double[] widthLengthHeight, int tableIndex) {
    if (size == sample.length) {
      grow(size * 2);
    }
    sample[size] = sampleIndex;
    instance[size] = instanceIndex;
    occlusion[size] = (byte) occlusionCode;
    attributes[size] = attributeNames.isEmpty() ? -1
        : attributeListNumbers.computeIfAbsent(attributeNames, names -> {
          attributeLists.add(names);
          return attributeLists.size() - 1;
        });
    lidarPoints[size] = lidarPointCount;
    index[size] = tableIndex;
    System.arraycopy(box.translation(), 0, geometry, GEOMETRY * size, 3);
    System.arraycopy(box.rotation(), 0, geometry, GEOMETRY * size + 3, 4);
    System.arraycopy(widthLengthHeight, 0, geometry, GEOMETRY * size + 7, 3);
    size++;
  }

  /** Groups the rows by sample; call once, after the last {@link #add}. */
  void groupBySample(int sampleCount) {
    // A counting sort: stable, so rows keep their table order within a sample.
    sampleStart = new int[sampleCount + 1];
    for (int row = 0; row < size; row++) {
      sampleStart[sample[row] + 1]++;
    }
    for (int s = 0; s < sampleCount; s++) {
      sampleStart[s + 1] += sampleStart[s];
    }
    rowsBySample = new int[size];
    int[] next = Arrays.copyOf(sampleStart, sampleCount);
    for (int row = 0; row < size; row++) {
      rowsBySample[next[sample[row]]++] = row;
    }
  }

  /** The rows of a sample, in table order. */
  int[] rowsOf(int sampleIndex) {
    return Arrays.copyOfRange(rowsBySample, sampleStart[sampleIndex],
        sampleStart[sampleIndex + 1]);
  }

  int instance(int row) {
    return instance[row];
  }

  int occlusion(int row) {
    return occlusion[row];
  }

  /** The attribute names joined by commas; null when the annotation has none. */
  String attributes(int row) {
    return attributes[row] < 0 ? null : attributeLists.get(attributes[row]);
  }

  /** The number of lidar points in the box; -1 when not given. */
  int lidarPoints(int row) {
    return lidarPoints[row];
  }

  /** The row's position in sample_annotation.json. */
  int tableIndex(int row) {
    return index[row];
  }

  /** The box's center and orientation in world coordinates. */
  Pose pose(int row) {
    int at = GEOMETRY * row;
    return Pose.of(Arrays.copyOfRange(geometry, at, at + 3),
        Arrays.copyOfRange(geometry, at + 3, at + 7));
  }

  /** The box's width, length and height in meters, nuScenes order. */
  double[] size(int row) {
    int at = GEOMETRY * row + 7;
    return Arrays.copyOfRange(geometry, at, at + 3);
  }

  private void grow(int capacity) {
    sample = Arrays.copyOf(sample, capacity);
    instance = Arrays.copyOf(instance, capacity);
    occlusion = Arrays.copyOf(occlusion, capacity);
    attributes = Arrays.copyOf(attributes, capacity);
    lidarPoints = Arrays.copyOf(lidarPoints, capacity);
    index = Arrays.copyOf(index, capacity);
    geometry = Arrays.copyOf(geometry, GEOMETRY * capacity);
  }
}
