package io.admlops.activities.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.admlops.activities.store.Sha256;
import io.admlops.schemas.json.Mappers;
import java.util.List;
import java.util.Map;

/**
 * A detector's settings from {@code configs/models/*.yaml} after {@code extends} chains are
 * merged, defaults applied and every field checked: the CenterNet-style architecture, the
 * classes it predicts, how it trains and how it decodes detections. Read with
 * {@link ModelConfigLoader#load}.
 *
 * @param name the model's name, the folder of its versions in the model zoo
 * @param input the size frames are resized to, in pixels
 * @param classes the heatmap channels' class names, in channel order
 * @param backbone the convolutional feature extractor
 * @param head the heatmap, size and offset heads
 * @param loss the weights of the training loss's terms
 * @param training epochs, batches, optimizer and learning-rate schedule
 * @param augmentation the random changes applied to training frames
 * @param inference how heatmap peaks become detections
 */
public record ModelConfig(String name, Input input, List<String> classes, Backbone backbone,
    Head head, Loss loss, Training training, Augmentation augmentation, Inference inference) {

  public ModelConfig {
    classes = List.copyOf(classes);
  }

  /**
   * The fully merged config as YAML, every default written out, to be saved beside a
   * checkpoint: loading it again gives an equal config without the files it came from.
   */
  public String resolvedYaml() {
    try {
      return Mappers.yaml().writeValueAsString(this);
    } catch (JsonProcessingException e) {
      // Records of strings, numbers and lists always serialize.
      throw new IllegalStateException(e);
    }
  }

  /**
   * SHA-256 of the resolved config as JSON with keys sorted, so two configs that train the
   * same model hash alike however their files were written and split.
   */
  public String hash() {
    try {
      Map<?, ?> tree = Mappers.json().convertValue(this, Map.class);
      return Sha256.of(Mappers.json().writer()
          .with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsString(tree));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Frame size fed to the network; both sides are multiples of the output stride. */
  public record Input(int width, int height) {}

  /**
   * @param channels output channels of each stage, increasing; each stage halves resolution
   * @param blocksPerStage residual blocks in every stage
   * @param outputStride input pixels per heatmap cell
   */
  public record Backbone(List<Integer> channels, int blocksPerStage, int outputStride) {
    public Backbone {
      channels = List.copyOf(channels);
    }
  }

  /**
   * @param channels hidden channels of each head
   * @param heatmapPriorProbability the score the heatmap starts from, which sets its bias so
   *     the focal loss is not swamped by background cells early on
   */
  public record Head(int channels, double heatmapPriorProbability) {}

  /**
   * @param focalAlpha exponent that down-weights easy heatmap cells
   * @param focalBeta exponent that softens the penalty near a ground-truth center
   * @param sizeWeight weight of the box size regression
   * @param offsetWeight weight of the center offset regression
   */
  public record Loss(double focalAlpha, double focalBeta, double sizeWeight,
      double offsetWeight) {}

  /**
   * @param epochs passes over the training split
   * @param batchSize frames per optimizer step
   * @param seed seeds shuffling, augmentation and weight initialization
   * @param optimizer how weights are updated
   * @param schedule how the learning rate changes over the epochs
   */
  public record Training(int epochs, int batchSize, long seed, Optimizer optimizer,
      Schedule schedule) {}

  /**
   * @param name {@code adam} or {@code sgd}
   * @param learningRate the peak learning rate
   * @param weightDecay L2 penalty on the weights
   * @param momentum SGD momentum; null for Adam, which has none
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Optimizer(String name, double learningRate, double weightDecay,
      Double momentum) {}

  /**
   * @param name {@code constant}, {@code step} or {@code cosine}
   * @param warmupEpochs epochs over which the rate rises linearly to its peak
   * @param steps for {@code step} only: the epochs at which the rate is multiplied by gamma
   * @param gamma for {@code step} only: the factor applied at each step
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Schedule(String name, int warmupEpochs, List<Integer> steps, Double gamma) {
    public Schedule {
      steps = steps == null ? null : List.copyOf(steps);
    }
  }

  /**
   * @param horizontalFlip probability that a frame is mirrored
   * @param brightness largest relative change of brightness, 0 for none
   * @param contrast largest relative change of contrast, 0 for none
   * @param scale range of the random zoom, 1..1 for none
   * @param crop probability that the zoomed frame is cut at a random place rather than
   *     around its center
   */
  public record Augmentation(double horizontalFlip, double brightness, double contrast,
      Scale scale, double crop) {}

  /** A range of zoom factors; {@code min <= max}. */
  public record Scale(double min, double max) {}

  /**
   * @param scoreThreshold lowest heatmap score reported as a detection
   * @param maxDetections most detections kept per frame
   * @param nmsKernel side of the max-pooling window that keeps only local heatmap peaks
   */
  public record Inference(double scoreThreshold, int maxDetections, int nmsKernel) {}
}
