package io.admlops.activities.model;

import static io.admlops.activities.RepositoryFiles.locate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.admlops.activities.formats.DatasetDefinition;
import io.admlops.activities.model.ModelConfig.Augmentation;
import io.admlops.activities.model.ModelConfig.Backbone;
import io.admlops.activities.model.ModelConfig.Head;
import io.admlops.activities.model.ModelConfig.Optimizer;
import io.admlops.activities.model.ModelConfig.Scale;
import io.admlops.activities.model.ModelConfig.Schedule;
import io.admlops.activities.model.ModelConfig.Training;
import io.admlops.schemas.UserInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped model configs, extends chains, removal with ~, the resolved YAML and hash. */
class ModelConfigLoaderTest {

  /** A complete config with every field, keys in the order the shipped base uses. */
  static final String BASE = """
      name: base
      input: {width: 384, height: 128}
      classes: [car, pedestrian, cyclist]
      backbone: {channels: [16, 32, 64, 96], blocksPerStage: 1, outputStride: 4}
      head: {channels: 64, heatmapPriorProbability: 0.1}
      loss: {focalAlpha: 2, focalBeta: 4, sizeWeight: 0.1, offsetWeight: 1}
      training:
        epochs: 30
        batchSize: 16
        seed: 17
        optimizer: {name: adam, learningRate: 0.002, weightDecay: 0.0001}
        schedule: {name: cosine, warmupEpochs: 1}
      augmentation:
        horizontalFlip: 0.5
        brightness: 0.2
        contrast: 0.2
        scale: {min: 0.8, max: 1.2}
        crop: 0.5
      inference: {scoreThreshold: 0.3, maxDetections: 50, nmsKernel: 3}
      """;

  @TempDir Path dir;

  @Test
  void theShippedBaseTakesItsClassesFromTheDatasetDefinition() {
    ModelConfig base = ModelConfigLoader.load(locate("configs/models/centernet-base.yaml"));

    assertEquals(DatasetDefinition.load(locate("configs/datasets/driving-2d.yaml")).classes(),
        base.classes());
    assertEquals(8, base.classes().size());
    assertEquals(new ModelConfig.Input(384, 128), base.input());
    assertEquals(List.of(16, 32, 64, 96), base.backbone().channels());
    assertEquals(new Optimizer("adam", 0.002, 0.0001, null), base.training().optimizer());
    assertEquals(new Schedule("cosine", 1, null, null), base.training().schedule());
    assertEquals(0.5, base.augmentation().horizontalFlip());
    assertEquals(16, base.training().batchSize());
    assertEquals(30, base.training().epochs());
  }

  @Test
  void theShippedVariantsOverrideOnlyWhatTheyName() {
    ModelConfig base = ModelConfigLoader.load(locate("configs/models/centernet-base.yaml"));
    ModelConfig tiny = ModelConfigLoader.load(locate("configs/models/centernet-tiny.yaml"));
    ModelConfig wide = ModelConfigLoader.load(locate("configs/models/centernet-wide.yaml"));

    Training shortTraining = new Training(3, 8, base.training().seed(),
        base.training().optimizer(), base.training().schedule());
    assertEquals(new ModelConfig("centernet-tiny", base.input(), base.classes(),
        new Backbone(List.of(8, 16, 32, 48), 1, 4), new Head(32, 0.1), base.loss(),
        shortTraining, base.augmentation(), base.inference()), tiny);
    assertEquals(new ModelConfig("centernet-wide", base.input(), base.classes(),
        new Backbone(List.of(32, 64, 128, 192), 1, 4), new Head(128, 0.1), base.loss(),
        base.training(), base.augmentation(), base.inference()), wide);
  }

  @Test
  void aListInTheVariantReplacesTheInheritedOneWhole() throws Exception {
    write("base.yaml", BASE);
    ModelConfig variant = ModelConfigLoader.load(write("variant.yaml",
        "extends: base.yaml\nname: variant\nbackbone: {channels: [8, 12]}\nclasses: [car]\n"));

    assertEquals(List.of(8, 12), variant.backbone().channels());
    assertEquals(List.of("car"), variant.classes());
    assertEquals(1, variant.backbone().blocksPerStage());
  }

  @Test
  void aThreeLevelChainMergesFromTheFarthestBase() throws Exception {
    write("base.yaml", BASE);
    write("sgd/step.yaml", """
        extends: ../base.yaml
        name: step
        training:
          optimizer: {name: sgd, learningRate: 0.05}
          schedule: {name: step, steps: [20, 25]}
        """);
    ModelConfig leaf = ModelConfigLoader.load(write("sgd/long/leaf.yaml", """
        extends: ../step.yaml
        name: leaf
        training: {epochs: 40, schedule: {steps: [30, 35], gamma: 0.5}}
        """));

    assertEquals("leaf", leaf.name());
    assertEquals(new Training(40, 16, 17, new Optimizer("sgd", 0.05, 0.0001, 0.9),
        new Schedule("step", 1, List.of(30, 35), 0.5)), leaf.training());
    assertEquals(List.of("car", "pedestrian", "cyclist"), leaf.classes());
  }

  @Test
  void aTildeRemovesAnOptionalFieldSoItsDefaultApplies() throws Exception {
    write("base.yaml", BASE);
    ModelConfig plain = ModelConfigLoader.load(write("plain.yaml", """
        extends: base.yaml
        name: plain
        augmentation: ~
        training: {optimizer: {weightDecay: ~}}
        inference: {maxDetections: ~}
        """));

    assertEquals(new Augmentation(0, 0, 0, new Scale(1, 1), 0), plain.augmentation());
    assertEquals(0.0, plain.training().optimizer().weightDecay());
    assertEquals(100, plain.inference().maxDetections());
    assertEquals(0.3, plain.inference().scoreThreshold());
  }

  @Test
  void switchingToAdamNeedsTheInheritedMomentumRemoved() throws Exception {
    write("base.yaml", BASE);
    write("sgd.yaml", "extends: base.yaml\nname: sgd\n"
        + "training: {optimizer: {name: sgd, learningRate: 0.05, momentum: 0.8}}\n");
    ModelConfig adam = ModelConfigLoader.load(write("adam.yaml",
        "extends: sgd.yaml\nname: adam\ntraining: {optimizer: {name: adam, momentum: ~}}\n"));

    assertNull(adam.training().optimizer().momentum());
    assertEquals(0.05, adam.training().optimizer().learningRate());
  }

  @Test
  void aVariantMustNameItsOwnModel() throws Exception {
    Path base = write("base.yaml", BASE);
    Path variant = write("variant.yaml", "extends: base.yaml\nhead: {channels: 32}\n");

    assertEquals(variant + ": name is missing; a config that extends another names its own "
        + "model, or its versions would count as " + base + "'s", error(variant));
  }

  @Test
  void aCycleOfExtendsIsAnErrorNamingTheFiles() throws Exception {
    Path first = write("first.yaml", "extends: second.yaml\nname: first\n");
    Path second = write("second.yaml", "extends: first.yaml\nname: second\n");

    assertEquals(second + ": extends first.yaml closes a cycle: " + first + " -> " + second
        + " -> " + first, error(first));
  }

  @Test
  void theResolvedYamlLoadsBackToAnEqualConfig() throws Exception {
    ModelConfig tiny = ModelConfigLoader.load(locate("configs/models/centernet-tiny.yaml"));
    write("base.yaml", BASE);
    ModelConfig step = ModelConfigLoader.load(write("step.yaml", "extends: base.yaml\n"
        + "name: step\n"
        + "training: {optimizer: {name: sgd}, schedule: {name: step, steps: [10, 20]}}\n"));

    for (ModelConfig config : List.of(tiny, step)) {
      Path saved = write(config.name() + "/config.yaml", config.resolvedYaml());
      ModelConfig reloaded = ModelConfigLoader.load(saved);
      assertEquals(config, reloaded);
      assertEquals(config.hash(), reloaded.hash());
    }
  }

  @Test
  void theHashIgnoresKeyOrderAndTellsVariantsApart() throws Exception {
    ModelConfig ordered = ModelConfigLoader.load(write("ordered.yaml", BASE));
    List<String> lines = BASE.lines().toList();
    int half = lines.indexOf("augmentation:");
    String shuffled = String.join("\n", lines.subList(half, lines.size())) + "\n"
        + String.join("\n", lines.subList(0, half)).replace(
            "{width: 384, height: 128}", "{height: 128, width: 384}") + "\n";
    ModelConfig reordered = ModelConfigLoader.load(write("reordered.yaml", shuffled));
    ModelConfig tiny = ModelConfigLoader.load(locate("configs/models/centernet-tiny.yaml"));
    ModelConfig wide = ModelConfigLoader.load(locate("configs/models/centernet-wide.yaml"));

    assertEquals(ordered, reordered);
    assertEquals(ordered.hash(), reordered.hash());
    assertEquals(64, ordered.hash().length());
    assertNotEquals(tiny.hash(), wide.hash());
  }

  private Path write(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  static String error(Path file) {
    return assertThrows(UserInputException.class, () -> ModelConfigLoader.load(file))
        .getMessage();
  }

}
