package io.admlops.activities.train;

import io.admlops.activities.datasets.DatasetRegistry;
import io.admlops.activities.datasets.DatasetVersionInfo;
import io.admlops.activities.datasets.Split;
import io.admlops.activities.model.ModelConfig;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.frame.Frame;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A dataset version divided the registry's way: frames of the train split become training
 * examples, frames of the val split are kept whole for scoring each epoch. The test split
 * is left alone; it is for comparing models, never for choosing one.
 *
 * @param version the dataset version
 * @param train the training examples
 * @param validation the validation frames with their labels
 */
record TrainingData(DatasetVersionInfo version, List<TrainingExample> train,
    List<Frame> validation) {

  /**
   * Reads a version's frames from the dataset store.
   *
   * @throws UserInputException when the version is unknown or has no training frames
   */
  static TrainingData load(DatasetRegistry registry, String dataset, int version,
      ModelConfig config) throws IOException {
    Map<String, Integer> classIndex = new HashMap<>();
    for (int i = 0; i < config.classes().size(); i++) {
      classIndex.put(config.classes().get(i), i);
    }
    List<TrainingExample> train = new ArrayList<>();
    List<Frame> validation = new ArrayList<>();
    DatasetVersionInfo info = registry.exportVersion(dataset, version, frame -> {
      Split split = Split.of(frame.image().sha256());
      if (split == Split.TRAIN) {
        train.add(TrainingExample.of(frame, classIndex));
      } else if (split == Split.VAL) {
        validation.add(frame);
      }
    });
    if (train.isEmpty()) {
      throw new UserInputException("dataset " + dataset + ":" + version + " has no frames in "
          + "its train split; import more frames before training");
    }
    return new TrainingData(info, train, validation);
  }
}
