package io.admlops.activities.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.activities.formats.DatasetDefinition;
import io.admlops.activities.model.ModelConfig.Augmentation;
import io.admlops.activities.model.ModelConfig.Backbone;
import io.admlops.activities.model.ModelConfig.Head;
import io.admlops.activities.model.ModelConfig.Inference;
import io.admlops.activities.model.ModelConfig.Input;
import io.admlops.activities.model.ModelConfig.Loss;
import io.admlops.activities.model.ModelConfig.Optimizer;
import io.admlops.activities.model.ModelConfig.Scale;
import io.admlops.activities.model.ModelConfig.Schedule;
import io.admlops.activities.model.ModelConfig.Training;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a merged model config and binds it to {@link ModelConfig}, applying the defaults of
 * optional fields. Field order follows the records; each rule reports the field's path and the
 * file that set it.
 */
final class ModelConfigBinder {

  private static final List<String> TOP_LEVEL = List.of("name", "input", "classes", "backbone",
      "head", "loss", "training", "augmentation", "inference");
  private static final String NAME_PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";
  private static final double DEFAULT_PRIOR = 0.1;
  private static final double DEFAULT_MOMENTUM = 0.9;
  private static final double DEFAULT_GAMMA = 0.1;
  private static final ConfigSection.Bound DECAY_FACTOR =
      new ConfigSection.Bound("a factor strictly between 0 and 1", v -> v > 0 && v < 1);

  private final ConfigTree tree;

  ModelConfigBinder(ConfigTree tree) {
    this.tree = tree;
  }

  ModelConfig bind() {
    ConfigSection root = ConfigSection.root(tree, TOP_LEVEL);
    String name = root.text("name", NAME_PATTERN,
        "lowercase letters and digits joined by '-', the model zoo's folder name");
    Backbone backbone = backbone(root.section("backbone",
        List.of("channels", "blocksPerStage", "outputStride")));
    return new ModelConfig(name, input(root, backbone.outputStride()), classes(root), backbone,
        head(root.section("head", List.of("channels", "heatmapPriorProbability"))),
        loss(root.optionalSection("loss",
            List.of("focalAlpha", "focalBeta", "sizeWeight", "offsetWeight"))),
        training(root.section("training",
            List.of("epochs", "batchSize", "seed", "optimizer", "schedule"))),
        augmentation(root.optionalSection("augmentation",
            List.of("horizontalFlip", "brightness", "contrast", "scale", "crop"))),
        inference(root.optionalSection("inference",
            List.of("scoreThreshold", "maxDetections", "nmsKernel"))));
  }

  private static Input input(ConfigSection root, int stride) {
    ConfigSection input = root.section("input", List.of("width", "height"));
    return new Input(multipleOf(input, "width", stride), multipleOf(input, "height", stride));
  }

  /** The heatmap is the input shrunk by the stride, so the input must divide evenly. */
  private static int multipleOf(ConfigSection section, String key, int stride) {
    int side = section.count(key);
    if (side % stride != 0) {
      throw section.conflict(key, List.of("backbone.outputStride"),
          "must be a multiple of backbone.outputStride " + stride + ", got " + side);
    }
    return side;
  }

  /** A list of names, or {@code {dataset: file}} to take a dataset definition's taxonomy. */
  private List<String> classes(ConfigSection root) {
    JsonNode classes = root.raw("classes");
    if (classes.isObject()) {
      ConfigSection fromDataset = root.section("classes", List.of("dataset"));
      String name = fromDataset.text("dataset", ".*\\S.*", "the path of a dataset definition");
      Path definition = tree.fileOf("classes.dataset").resolveSibling(name).normalize();
      if (!Files.isRegularFile(definition)) {
        throw fromDataset.problem("dataset", "names " + definition + ", which does not exist");
      }
      return DatasetDefinition.load(definition).classes();
    }
    if (!classes.isArray() || classes.isEmpty()) {
      throw root.problem("classes", "must be a non-empty list of class names or "
          + "{dataset: definition.yaml}, got " + classes);
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < classes.size(); i++) {
      JsonNode item = classes.get(i);
      String path = "classes[" + i + "]";
      if (!item.isTextual() || item.asText().isBlank()) {
        throw tree.error(path, "must be a class name, got " + item);
      }
      if (names.contains(item.asText())) {
        throw tree.error(path, "'" + item.asText() + "' is listed twice");
      }
      names.add(item.asText());
    }
    return names;
  }

  private static Backbone backbone(ConfigSection backbone) {
    List<Integer> channels = backbone.counts("channels");
    for (int i = 1; i < channels.size(); i++) {
      if (channels.get(i) <= channels.get(i - 1)) {
        throw backbone.problem("channels", "must increase from stage to stage, got "
            + channels);
      }
    }
    int stride = backbone.count("outputStride", 4);
    if (Integer.bitCount(stride) != 1) {
      throw backbone.problem("outputStride", "must be a power of two, got " + stride);
    }
    // Stage i halves the resolution to stride 2^(i+1); the output must be one of those.
    int deepest = 1 << channels.size();
    if (stride < 2 || stride > deepest) {
      throw backbone.problem("outputStride", "must be between 2 and " + deepest
          + ", the strides of the " + channels.size() + " stages, got " + stride);
    }
    return new Backbone(channels, backbone.count("blocksPerStage"), stride);
  }

  private static Head head(ConfigSection head) {
    return new Head(head.count("channels"), head.number("heatmapPriorProbability",
        ConfigSection.OPEN_PROBABILITY, DEFAULT_PRIOR));
  }

  private static Loss loss(ConfigSection loss) {
    return new Loss(loss.number("focalAlpha", ConfigSection.POSITIVE, 2),
        loss.number("focalBeta", ConfigSection.POSITIVE, 4),
        loss.number("sizeWeight", ConfigSection.NON_NEGATIVE, 0.1),
        loss.number("offsetWeight", ConfigSection.NON_NEGATIVE, 1));
  }

  private static Training training(ConfigSection training) {
    int epochs = training.count("epochs");
    return new Training(epochs, training.count("batchSize"),
        training.anyWholeNumber("seed", 0),
        optimizer(training.section("optimizer",
            List.of("name", "learningRate", "weightDecay", "momentum"))),
        schedule(training.section("schedule", List.of("name", "warmupEpochs", "steps", "gamma")),
            epochs));
  }

  /** Momentum belongs to SGD; Adam keeps its own moment estimates, so it rejects one. */
  private static Optimizer optimizer(ConfigSection optimizer) {
    String name = optimizer.choice("name", List.of("adam", "sgd"));
    Double momentum = null;
    if (name.equals("sgd")) {
      momentum = optimizer.number("momentum", ConfigSection.FRACTION, DEFAULT_MOMENTUM);
    } else if (optimizer.has("momentum")) {
      throw optimizer.problem("momentum", "applies to sgd only; remove it with ~ for adam");
    }
    return new Optimizer(name, optimizer.number("learningRate", ConfigSection.POSITIVE),
        optimizer.number("weightDecay", ConfigSection.NON_NEGATIVE, 0), momentum);
  }

  private static Schedule schedule(ConfigSection schedule, int epochs) {
    String name = schedule.choice("name", List.of("constant", "step", "cosine"));
    int warmup = schedule.wholeNumber("warmupEpochs", 0, 0);
    if (warmup >= epochs) {
      throw schedule.conflict("warmupEpochs", List.of("training.epochs"),
          "must be fewer than training.epochs " + epochs + ", got " + warmup);
    }
    if (!name.equals("step")) {
      for (String stepOnly : List.of("steps", "gamma")) {
        if (schedule.has(stepOnly)) {
          throw schedule.conflict(stepOnly, List.of("training.schedule.name"),
              "applies to the step schedule only, not " + name);
        }
      }
      return new Schedule(name, warmup, null, null);
    }
    List<Integer> steps = schedule.counts("steps");
    for (int i = 0; i < steps.size(); i++) {
      boolean ascending = i == 0 || steps.get(i) > steps.get(i - 1);
      if (!ascending || steps.get(i) >= epochs) {
        throw schedule.conflict("steps", List.of("training.epochs"),
            "must be ascending epochs below training.epochs " + epochs + ", got " + steps);
      }
    }
    return new Schedule(name, warmup, steps,
        schedule.number("gamma", DECAY_FACTOR, DEFAULT_GAMMA));
  }

  private static Augmentation augmentation(ConfigSection augmentation) {
    ConfigSection scale = augmentation.optionalSection("scale", List.of("min", "max"));
    Scale range = new Scale(scale.number("min", ConfigSection.POSITIVE, 1),
        scale.number("max", ConfigSection.POSITIVE, 1));
    if (range.min() > range.max()) {
      throw augmentation.conflict("scale", List.of(),
          "must have min at most max, got " + range.min() + " > " + range.max());
    }
    return new Augmentation(
        augmentation.number("horizontalFlip", ConfigSection.PROBABILITY, 0),
        augmentation.number("brightness", ConfigSection.FRACTION, 0),
        augmentation.number("contrast", ConfigSection.FRACTION, 0),
        range, augmentation.number("crop", ConfigSection.PROBABILITY, 0));
  }

  /** Peaks are kept by max-pooling, which needs an odd window centred on the cell. */
  private static Inference inference(ConfigSection inference) {
    int kernel = inference.count("nmsKernel", 3);
    if (kernel % 2 == 0) {
      throw inference.problem("nmsKernel", "must be odd, got " + kernel);
    }
    return new Inference(inference.number("scoreThreshold", ConfigSection.PROBABILITY, 0.3),
        inference.count("maxDetections", 100), kernel);
  }
}
