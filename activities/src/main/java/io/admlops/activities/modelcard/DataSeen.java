package io.admlops.activities.modelcard;

import io.admlops.activities.datasets.DatasetRegistry;
import io.admlops.activities.datasets.DatasetVersionInfo;
import io.admlops.activities.datasets.Split;
import io.admlops.activities.evaluate.slices.SceneSlices;
import io.admlops.schemas.frame.Frame;
import io.admlops.schemas.frame.FrameObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a model learned from: the train split of the dataset version it was trained on, its
 * objects per class and its frames per condition (time of day, weather, scene type, tag).
 *
 * @param version the dataset version
 * @param trainFrames frames in its train split
 * @param objectsPerClass labeled objects of the train split per class, by class name
 * @param framesPerCondition train frames per condition slice key, as evaluation slices them
 */
public record DataSeen(DatasetVersionInfo version, int trainFrames,
    SortedMap<String, Long> objectsPerClass, Map<String, Integer> framesPerCondition) {

  public DataSeen {
    objectsPerClass = Collections.unmodifiableSortedMap(new TreeMap<>(objectsPerClass));
    framesPerCondition = Collections.unmodifiableMap(new LinkedHashMap<>(framesPerCondition));
  }

  /**
   * Counts the train split of a dataset version.
   *
   * @throws io.admlops.schemas.UserInputException when the dataset or version is unknown
   */
  public static DataSeen of(DatasetRegistry datasets, String dataset, int version)
      throws IOException {
    List<Frame> train = new ArrayList<>();
    DatasetVersionInfo info = datasets.exportVersion(dataset, version, frame -> {
      if (Split.of(frame.image().sha256()) == Split.TRAIN) {
        train.add(frame);
      }
    });
    SortedMap<String, Long> perClass = new TreeMap<>();
    for (Frame frame : train) {
      for (FrameObject o : frame.objects()) {
        perClass.merge(o.category(), 1L, Long::sum);
      }
    }
    Map<String, Integer> perCondition = new LinkedHashMap<>();
    SceneSlices.of(train).forEach((key, frames) -> perCondition.put(key, frames.size()));
    return new DataSeen(info, train.size(), perClass, perCondition);
  }
}
