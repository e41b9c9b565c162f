package io.admlops.activities.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.activities.PythonModules;
import io.admlops.activities.detector.Detector;
import io.admlops.activities.detector.InputBatch;
import io.admlops.activities.model.ComputeDevice;
import io.admlops.activities.model.ModelConfig;
import io.admlops.activities.modelzoo.ModelVersion;
import io.admlops.activities.modelzoo.ModelVersions;
import io.admlops.activities.train.GeneratedFrames;
import io.admlops.activities.train.TrainingConfigs;
import io.admlops.schemas.json.Mappers;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An untrained tiny detector, its batch norms moved off their initial statistics by a few
 * training-mode passes, exported to ONNX and run in ONNX Runtime beside DJL on generated road
 * frames.
 */
class OnnxExportParityTest {

  @TempDir Path dir;
  private ModelConfig config;
  private List<BufferedImage> frames;
  private ModelVersion version;

  @BeforeEach
  void tinyDetectorAndTenFrames() throws IOException {
    // Untrained weights score high nearly everywhere: this threshold leaves some frames at
    // the cap of detections per frame and some below it, both to compare.
    config = TrainingConfigs.tiny(dir.resolve("configs"), 1, 4,
        "inference: {scoreThreshold: 0.95}");
    GeneratedFrames.write("fleet.yaml", 5, 10, dir.resolve("frames"));
    frames = ParityFrames.folder(dir.resolve("frames"));
    version = new ModelVersion(1, config.name(), 3, dir.resolve("zoo"), "ab12");
  }

  @Test
  void onnxRuntimeReproducesEveryHeadAndTheSameDetections() {
    try (Detector detector = trainedStatistics(11)) {
      byte[] model = OnnxExport.write(detector, version);

      ParityReport report = OnnxExport.verify(detector, model, frames);

      assertTrue(report.passed(), report.failures().toString());
      assertEquals(10, report.frames());
      assertEquals(List.of("heatmap", "size", "offset"),
          List.copyOf(report.outputDifferences().keySet()));
      report.outputDifferences().forEach((output, difference) ->
          assertTrue(difference <= 1e-4, output + " differs by " + difference));
      assertTrue(report.djlDetections() > 0, "no detections to compare");
      assertEquals(report.djlDetections(), report.onnxDetections());
      assertEquals(0, report.unmatchedDetections());
      assertTrue(report.boxDifference() <= 1e-3, "boxes differ by " + report.boxDifference());
      assertTrue(report.scoreDifference() <= 1e-4);
    }
  }

  @Test
  void theExportCarriesWhatAServingRuntimeNeedsToDecode() {
    try (Detector detector = trainedStatistics(11);
        OnnxRuntimeHeads onnx = new OnnxRuntimeHeads(OnnxExport.write(detector, version))) {
      Map<String, String> metadata = onnx.metadata();

      assertEquals("tiny-test", metadata.get(ServingMetadata.MODEL));
      assertEquals("3", metadata.get(ServingMetadata.MODEL_VERSION));
      assertEquals("ab12", metadata.get(ServingMetadata.PARAMS_SHA256));
      assertEquals("384", metadata.get(ServingMetadata.INPUT_WIDTH));
      assertEquals("128", metadata.get(ServingMetadata.INPUT_HEIGHT));
      assertEquals("0.5", metadata.get(ServingMetadata.INPUT_MEAN));
      assertEquals("0.25", metadata.get(ServingMetadata.INPUT_STD));
      assertEquals("4", metadata.get(ServingMetadata.OUTPUT_STRIDE));
      assertEquals("0.95", metadata.get(ServingMetadata.SCORE_THRESHOLD));
      assertEquals(config.classes(), Mappers.json().convertValue(
          json(metadata.get(ServingMetadata.CLASSES)), List.class));
    }
  }

  @Test
  void anExportOfOtherWeightsFailsTheCheckNamingTheOutputAndTheAmount() {
    try (Detector exported = trainedStatistics(11); Detector other = trainedStatistics(12)) {
      ParityReport report = OnnxExport.verify(other, OnnxExport.write(exported, version),
          frames.subList(0, 2));

      assertFalse(report.passed());
      assertTrue(report.failures().get(0).startsWith("heatmap differs by up to "),
          report.failures().toString());
      assertTrue(report.outputDifferences().get("heatmap") > 1e-2);
    }
  }

  @Test
  void exportAndVerifyKeepsAPassingExportInTheVersionsFolder() throws IOException {
    Files.createDirectories(version.folder());
    try (Detector detector = trainedStatistics(11)) {
      detector.save(version.parameters());
    }
    Files.writeString(version.config(), config.resolvedYaml());

    ParityReport report = new OnnxExport(ComputeDevice.local())
        .exportAndVerify(version, frames.subList(0, 3));

    assertTrue(report.passed(), report.failures().toString());
    assertEquals(version.folder().resolve("model.onnx"), OnnxExport.file(version));
    assertTrue(Files.size(OnnxExport.file(version)) > 0);
    assertEquals(List.of(ModelVersions.CONFIG, ModelVersions.PARAMETERS, OnnxExport.FILE),
        fileNames(version.folder()));
  }

  @Test
  void pythonOnnxRuntimeLoadsTheFileAndComputesTheSameHeads() throws Exception {
    assumeTrue(PythonModules.importable(PythonModules.ONNXRUNTIME),
        "python3 with onnxruntime is not installed");
    try (Detector detector = trainedStatistics(11)) {
      Path model = dir.resolve("tiny.onnx");
      Files.write(model, OnnxExport.write(detector, version));
      InputBatch batch = InputBatch.of(frames.subList(0, 3), config);
      Path input = dir.resolve("input.bin");
      Files.write(input, littleEndian(batch.pixels()));

      JsonNode run = json(python(model, input, "3,3,128,384", dir));

      assertEquals("images", run.get("input").get("name").asText());
      assertEquals("tiny-test", run.get("metadata").get("model").asText());
      List<float[]> expected = detector.heads(batch);
      String[] names = {"heatmap", "size", "offset"};
      for (int i = 0; i < names.length; i++) {
        float[] actual = floats(dir.resolve(names[i] + ".bin"));
        assertEquals(expected.get(i).length, actual.length, names[i]);
        for (int k = 0; k < actual.length; k++) {
          assertEquals(expected.get(i)[k], actual[k], 1e-4, names[i] + "[" + k + "]");
        }
      }
      assertEquals(List.of(3, config.classes().size(), 32, 96),
          Mappers.json().convertValue(run.get("outputs").get("heatmap"), List.class));
    }
  }

  /**
   * A detector whose batch norms hold statistics of real frames, not the initial zero mean and
   * unit variance, so the export's normalization is really exercised.
   */
  private Detector trainedStatistics(long seed) {
    Detector detector = Detector.initialize(config, ComputeDevice.local().device(), seed);
    InputBatch batch = InputBatch.of(frames.subList(0, 4), config);
    for (int step = 0; step < 5; step++) {
      try (NDManager scope = detector.manager().newSubManager()) {
        detector.forward(scope.create(batch.pixels(), new Shape(batch.shape())), true);
      }
    }
    for (Pair<String, Parameter> parameter : detector.network().getParameters()) {
      if (parameter.getKey().endsWith("runningMean")) {
        float[] mean = parameter.getValue().getArray().toFloatArray();
        assertTrue(Math.abs(mean[0]) > 1e-3, parameter.getKey() + " never moved");
      }
    }
    return detector;
  }

  private static String python(Path model, Path input, String shape, Path out)
      throws IOException, InterruptedException, URISyntaxException {
    Path script = Path.of(OnnxExportParityTest.class.getResource("/export/run_onnx_model.py")
        .toURI());
    Process process = new ProcessBuilder("python3", script.toString(), model.toString(),
        input.toString(), shape, out.toString()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "python did not finish");
    assertEquals(0, process.exitValue(), output);
    return output;
  }

  private static byte[] littleEndian(float[] values) {
    ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES)
        .order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(values);
    return bytes.array();
  }

  private static float[] floats(Path file) throws IOException {
    FloatBuffer buffer = ByteBuffer.wrap(Files.readAllBytes(file))
        .order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    float[] values = new float[buffer.remaining()];
    buffer.get(values);
    return values;
  }

  private static JsonNode json(String text) {
    try {
      return Mappers.json().readTree(text);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  private static List<String> fileNames(Path folder) throws IOException {
    try (var files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }
}
