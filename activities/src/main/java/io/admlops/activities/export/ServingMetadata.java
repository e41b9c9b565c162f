package io.admlops.activities.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.admlops.activities.detector.InputPixels;
import io.admlops.activities.model.ModelConfig;
import io.admlops.activities.modelzoo.ModelVersion;
import io.admlops.schemas.json.Mappers;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an exported model carries in its {@code metadata_props} so a serving runtime can feed
 * it and decode its outputs without the config it was trained from: which version it is, how
 * a frame becomes the input, the classes in heatmap channel order and the decoding settings.
 */
public final class ServingMetadata {

  public static final String MODEL = "model";
  public static final String MODEL_VERSION = "model_version";
  public static final String PARAMS_SHA256 = "params_sha256";
  public static final String INPUT_WIDTH = "input_width";
  public static final String INPUT_HEIGHT = "input_height";
  public static final String INPUT_MEAN = "input_mean";
  public static final String INPUT_STD = "input_std";
  public static final String INPUT_NORMALIZATION = "input_normalization";
  /** A JSON array of class names, heatmap channel {@code i} being element {@code i}. */
  public static final String CLASSES = "classes";
  public static final String OUTPUT_STRIDE = "output_stride";
  public static final String SCORE_THRESHOLD = "score_threshold";
  public static final String MAX_DETECTIONS = "max_detections";
  public static final String PEAK_KERNEL = "peak_kernel";
  public static final String OUTPUTS = "outputs";
  public static final String DECODING = "decoding";

  private ServingMetadata() {}

  /** The metadata of a version of a config's detector, in a stable order. */
  public static Map<String, String> of(ModelVersion version, ModelConfig config) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put(MODEL, version.model());
    metadata.put(MODEL_VERSION, Integer.toString(version.version()));
    metadata.put(PARAMS_SHA256, version.paramsHash());
    metadata.put(INPUT_WIDTH, Integer.toString(config.input().width()));
    metadata.put(INPUT_HEIGHT, Integer.toString(config.input().height()));
    metadata.put(INPUT_MEAN, Float.toString(InputPixels.MEAN));
    metadata.put(INPUT_STD, Float.toString(InputPixels.STD));
    metadata.put(INPUT_NORMALIZATION, "images [N, 3, " + INPUT_HEIGHT + ", " + INPUT_WIDTH
        + "], RGB planes: the whole frame resized (bilinear) to the input, each 8-bit channel "
        + "value v as (v / 255 - " + INPUT_MEAN + ") / " + INPUT_STD);
    metadata.put(CLASSES, json(config));
    metadata.put(OUTPUT_STRIDE, Integer.toString(config.backbone().outputStride()));
    metadata.put(SCORE_THRESHOLD, Double.toString(config.inference().scoreThreshold()));
    metadata.put(MAX_DETECTIONS, Integer.toString(config.inference().maxDetections()));
    metadata.put(PEAK_KERNEL, Integer.toString(config.inference().nmsKernel()));
    metadata.put(OUTPUTS, "heatmap [N, classes, H / " + OUTPUT_STRIDE + ", W / " + OUTPUT_STRIDE
        + "]: class logits, score = sigmoid; size [N, 2, ...]: box width, height in heatmap "
        + "cells; offset [N, 2, ...]: center x, y offset in cells");
    metadata.put(DECODING, "a detection is a cell whose score is the largest of its "
        + PEAK_KERNEL + " x " + PEAK_KERNEL + " neighbourhood and at least " + SCORE_THRESHOLD
        + "; center = (cell + offset) * " + OUTPUT_STRIDE + ", box = center -/+ max(size, 0) * "
        + OUTPUT_STRIDE + " / 2 in input pixels; the best " + MAX_DETECTIONS + " per frame");
    return metadata;
  }

  private static String json(ModelConfig config) {
    try {
      return Mappers.json().writeValueAsString(config.classes());
    } catch (JsonProcessingException e) {
      // A list of strings always serializes.
      throw new IllegalStateException(e);
    }
  }
}
