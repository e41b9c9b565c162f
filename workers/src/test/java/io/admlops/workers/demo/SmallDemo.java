package io.admlops.workers.demo;

import io.admlops.activities.RepositoryFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The demo campaign at test size: a few hundred frames and two short trainings, the whole
 * loop through real workers in about half a minute. Tests that run {@code admlops demo} share
 * it so that they exercise the same campaign.
 */
public final class SmallDemo {

  /** The campaign's name. */
  public static final String CAMPAIGN = "demo-e2e";

  private SmallDemo() {}

  /** Writes the campaign config and its model config into {@code folder}; returns the first. */
  public static Path write(Path folder) throws IOException {
    Path model = Files.writeString(folder.resolve("centernet-e2e.yaml"), "extends: "
        + RepositoryFiles.locate("configs/models/centernet-demo.yaml") + "\n"
        + "name: centernet-e2e\ntraining: {epochs: 2, batchSize: 8}\n");
    return Files.writeString(folder.resolve("demo.yaml"), String.join("\n",
        "name: " + CAMPAIGN,
        "dataset: drive",
        "datasetDefinition: " + RepositoryFiles.locate("configs/datasets/driving-2d.yaml"),
        "modelConfig: " + model,
        "collect: {source: generator, mix: "
            + RepositoryFiles.locate("configs/collect/demo-fleet.yaml")
            + ", framesPerIteration: 100, seed: 100}",
        "mining: {strategy: mined, framesPerIteration: 20}",
        "labeling: {budget: 100, vendor: simulated, simulatedDelay: PT1S, remindEvery: PT1M}",
        "deploy: {tolerance: 0.005, targetSlices: [timeofday=night]}",
        "benchmark: {dataset: benchmark, version: 1}",
        "cadence: PT1S",
        "demo:",
        "  seed: {mix: " + RepositoryFiles.locate("configs/collect/fleet.yaml")
            + ", frames: 120, seed: 1}",
        "  benchmark: {mix: " + RepositoryFiles.locate("configs/collect/all-conditions.yaml")
            + ", frames: 150, seed: 2}",
        ""));
  }
}
