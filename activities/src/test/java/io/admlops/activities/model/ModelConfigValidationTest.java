package io.admlops.activities.model;

import static io.admlops.activities.model.ModelConfigLoaderTest.BASE;
import static io.admlops.activities.model.ModelConfigLoaderTest.error;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of a model config: a variant of a valid base sets one bad value, and the message
 * names the variant (the file that introduced the value), the dotted field and the value.
 */
class ModelConfigValidationTest {

  @TempDir Path dir;

  static Stream<Arguments> rules() {
    return Stream.of(
        rule("name: CenterNet_Tiny", "name must be lowercase letters and digits joined by '-',"
            + " the model zoo's folder name, got \"CenterNet_Tiny\""),
        rule("input: 384", "input must be a mapping of [width, height], got 384"),
        rule("input: {width: 390}",
            "input.width must be a multiple of backbone.outputStride 4, got 390"),
        rule("input: {height: 0}", "input.height must be a whole number of at least 1, got 0"),
        rule("classes: []", "classes must be a non-empty list of class names or "
            + "{dataset: definition.yaml}, got []"),
        rule("classes: [car, 7]", "classes[1] must be a class name, got 7"),
        rule("classes: [car, bus, car]", "classes[2] 'car' is listed twice"),
        rule("backbone: {channels: [16, 16, 32]}",
            "backbone.channels must increase from stage to stage, got [16, 16, 32]"),
        rule("backbone: {channels: [0, 8]}",
            "backbone.channels[0] must be a whole number of at least 1, got 0"),
        rule("backbone: {channels: 16}",
            "backbone.channels must be a non-empty list of whole numbers, got 16"),
        rule("backbone: {blocksPerStage: -1}",
            "backbone.blocksPerStage must be a whole number of at least 1, got -1"),
        rule("backbone: {outputStride: 3}",
            "backbone.outputStride must be a power of two, got 3"),
        rule("backbone: {outputStride: 32}", "backbone.outputStride must be between 2 and "
            + "16, the strides of the 4 stages, got 32"),
        rule("backbone: {outputStride: 1}", "backbone.outputStride must be between 2 and "
            + "16, the strides of the 4 stages, got 1"),
        rule("head: {heatmapPriorProbability: 1}", "head.heatmapPriorProbability must be a "
            + "probability strictly between 0 and 1, got 1"),
        rule("head: {channels: 0}", "head.channels must be a whole number of at least 1, got 0"),
        rule("loss: {focalAlpha: 0}", "loss.focalAlpha must be a positive number, got 0"),
        rule("loss: {sizeWeight: -0.5}",
            "loss.sizeWeight must be a number of at least 0, got -0.5"),
        rule("training: {epochs: 2.5}",
            "training.epochs must be a whole number of at least 1, got 2.5"),
        rule("training: {batchSize: 0}",
            "training.batchSize must be a whole number of at least 1, got 0"),
        rule("training: {seed: lucky}", "training.seed must be a whole number, got \"lucky\""),
        rule("training: {optimizer: {learningRate: -0.1}}",
            "training.optimizer.learningRate must be a positive number, got -0.1"),
        rule("training: {optimizer: {name: adamw}}",
            "training.optimizer.name must be one of [adam, sgd], got \"adamw\""),
        rule("training: {optimizer: {weightDecay: -1}}",
            "training.optimizer.weightDecay must be a number of at least 0, got -1"),
        rule("training: {optimizer: {momentum: 0.9}}",
            "training.optimizer.momentum applies to sgd only; remove it with ~ for adam"),
        rule("training: {optimizer: {name: sgd, momentum: 1.5}}",
            "training.optimizer.momentum must be a fraction between 0 and 1, got 1.5"),
        rule("training: {schedule: {name: linear}}",
            "training.schedule.name must be one of [constant, step, cosine], got \"linear\""),
        rule("training: {schedule: {warmupEpochs: 30}}",
            "training.schedule.warmupEpochs must be fewer than training.epochs 30, got 30"),
        rule("training: {schedule: {steps: [10]}}",
            "training.schedule.steps applies to the step schedule only, not cosine"),
        rule("training: {schedule: {name: step, steps: [20, 10]}}", "training.schedule.steps "
            + "must be ascending epochs below training.epochs 30, got [20, 10]"),
        rule("training: {schedule: {name: step, steps: [10, 30]}}", "training.schedule.steps "
            + "must be ascending epochs below training.epochs 30, got [10, 30]"),
        rule("training: {schedule: {name: step}}", "training.schedule.steps is missing"),
        rule("training: {schedule: {name: step, steps: [10], gamma: 2}}",
            "training.schedule.gamma must be a factor strictly between 0 and 1, got 2"),
        rule("augmentation: {horizontalFlip: 1.5}",
            "augmentation.horizontalFlip must be a probability between 0 and 1, got 1.5"),
        rule("augmentation: {brightness: -0.2}",
            "augmentation.brightness must be a fraction between 0 and 1, got -0.2"),
        rule("augmentation: {scale: {min: 1.5, max: 1.2}}",
            "augmentation.scale must have min at most max, got 1.5 > 1.2"),
        rule("augmentation: {scale: {min: 0}}",
            "augmentation.scale.min must be a positive number, got 0"),
        rule("inference: {nmsKernel: 4}", "inference.nmsKernel must be odd, got 4"),
        rule("inference: {scoreThreshold: 2}",
            "inference.scoreThreshold must be a probability between 0 and 1, got 2"),
        rule("inference: {maxDetections: 0}",
            "inference.maxDetections must be a whole number of at least 1, got 0"),
        rule("training: {optimiser: {name: sgd}}", "training.optimiser is not a known field; "
            + "expected one of [epochs, batchSize, seed, optimizer, schedule]"),
        rule("lr: 0.1", "lr is not a known field; expected one of [name, input, classes, "
            + "backbone, head, loss, training, augmentation, inference]"),
        rule("training: {epochs: ~}", "training.epochs is missing"),
        rule("head: ~", "head is missing"));
  }

  private static Arguments rule(String variant, String message) {
    return Arguments.of(variant, message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void aBadValueIsReportedWithTheVariantAndTheField(String variant, String message)
      throws Exception {
    write("base.yaml", BASE);
    String named = variant.startsWith("name:") ? "" : "name: variant\n";
    Path file = write("variant.yaml", "extends: base.yaml\n" + named + variant + "\n");

    assertEquals(file + ": " + message, error(file));
  }

  @Test
  void aBadInheritedValueIsBlamedOnTheBaseThatSetIt() throws Exception {
    Path base = write("base.yaml", BASE.replace("learningRate: 0.002", "learningRate: -0.1"));
    Path variant = write("variant.yaml", "extends: base.yaml\nname: variant\n");

    assertEquals(base + ": training.optimizer.learningRate must be a positive number, got -0.1",
        error(variant));
  }

  @Test
  void aMissingDatasetDefinitionIsNamedWithTheField() throws Exception {
    write("base.yaml", BASE);
    Path file = write("variant.yaml",
        "extends: base.yaml\nname: variant\nclasses: {dataset: nowhere.yaml}\n");

    assertEquals(file + ": classes.dataset names " + dir.resolve("nowhere.yaml")
        + ", which does not exist", error(file));
  }

  @Test
  void aMissingBaseIsNamedWithTheExtendingFile() throws Exception {
    Path file = write("variant.yaml", "extends: gone.yaml\n");

    assertEquals(file + ": extends gone.yaml, but " + dir.resolve("gone.yaml")
        + " does not exist", error(file));
    Path numbered = write("numbered.yaml", "extends: 3\n");
    assertEquals(numbered + ": extends must name a config file, got 3", error(numbered));
  }

  @Test
  void aFileThatIsNotAMappingOrNotYamlIsNamedWithItsLine() throws Exception {
    Path list = write("list.yaml", "- name: a\n");
    Path broken = write("broken.yaml", "name: a\ninput: {width: 384\n");

    assertEquals(list + ": expected a mapping with name, input, classes, backbone, head and "
        + "training", error(list));
    assertEquals(broken + ":2", error(broken).substring(0, broken.toString().length() + 2));
  }

  @Test
  void aVariantThatShortensTrainingIsBlamedForTheInheritedWarmUp() throws Exception {
    write("base.yaml", BASE);
    Path file = write("variant.yaml",
        "extends: base.yaml\nname: variant\ntraining: {epochs: 1}\n");

    assertEquals(file + ": training.schedule.warmupEpochs must be fewer than training.epochs 1,"
        + " got 1", error(file));
  }

  @Test
  void aSingleFileMissingARequiredFieldIsNamed() throws Exception {
    Path file = write("alone.yaml", BASE.replace("  batchSize: 16\n", ""));

    assertEquals(file + ": training.batchSize is missing", error(file));
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }
}
