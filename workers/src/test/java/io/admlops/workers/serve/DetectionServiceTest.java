package io.admlops.workers.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.activities.detector.Detection;
import io.admlops.activities.detector.Detector;
import io.admlops.activities.export.OnnxExport;
import io.admlops.activities.export.ParityFrames;
import io.admlops.activities.model.ComputeDevice;
import io.admlops.activities.model.ModelConfig;
import io.admlops.activities.model.ModelConfigLoader;
import io.admlops.activities.modelzoo.ModelAliases;
import io.admlops.activities.modelzoo.ModelVersion;
import io.admlops.activities.modelzoo.ModelVersions;
import io.admlops.activities.serve.ServingBackend;
import io.admlops.activities.store.TestDatabase;
import io.admlops.activities.train.GeneratedFrames;
import io.admlops.activities.train.TrainingConfigs;
import io.admlops.schemas.json.Mappers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The detection endpoint over real HTTP on loopback, in front of tiny detectors registered in
 * a real registry: its answers, its errors, its batching, and a hot swap under load.
 */
class DetectionServiceTest {

  private static final String REFERENCE = "tiny-test@production";

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();
  private DSLContext dsl;
  private ModelVersion first;
  private ModelVersion second;
  private List<Path> images;

  @BeforeEach
  void twoRegisteredVersionsTheFirstInProduction() throws IOException {
    dsl = TestDatabase.freshRegistry().dsl();
    // Random weights score high nearly everywhere; a high threshold keeps a few boxes.
    ModelConfig config = TrainingConfigs.tiny(dir.resolve("configs"), 1, 4,
        "inference: {scoreThreshold: 0.95}");
    RegisteredDetectors detectors = new RegisteredDetectors(dsl, config, dir.resolve("zoo"));
    first = detectors.register(1);
    second = detectors.register(2);
    new ModelAliases(dsl).move(first.label(), "production", "test", "first version");
    GeneratedFrames.write("fleet.yaml", 3, 4, dir.resolve("frames"));
    try (var files = Files.list(dir.resolve("frames"))) {
      images = files.sorted().toList();
    }
  }

  @Test
  void answersWithTheVersionAndTheDetectionsDjlFindsOnTheSameImage() throws Exception {
    try (DetectionService service = start(ServingBackend.DJL, 1, Duration.ZERO)) {
      HttpResponse<String> response = post(service.url(), Files.readAllBytes(images.get(0)));

      assertEquals(200, response.statusCode(), response.body());
      JsonNode answer = Mappers.json().readTree(response.body());
      assertEquals("tiny-test:1", answer.get("model").asText());
      assertTrue(answer.get("milliseconds").asDouble() > 0);
      List<Detection> expected = detectDirectly(first, images.get(0));
      assertFalse(expected.isEmpty(), "no detections to compare");
      JsonNode detections = answer.get("detections");
      assertEquals(expected.size(), detections.size());
      List<String> classes = ModelConfigLoader.load(first.config()).classes();
      for (int i = 0; i < expected.size(); i++) {
        Detection d = expected.get(i);
        JsonNode served = detections.get(i);
        assertEquals(classes.get(d.classIndex()), served.get("category").asText());
        assertEquals(d.score(), served.get("score").asDouble());
        assertEquals(List.of(d.x1(), d.y1(), d.x2(), d.y2()), doubles(served.get("box")));
      }
    }
  }

  @Test
  void theOnnxBackendExportsAVersionWithoutExportAndAnswersAsDjlDoes() throws Exception {
    assertFalse(Files.exists(OnnxExport.file(first)));
    try (DetectionService service = start(ServingBackend.ONNX, 1, Duration.ZERO)) {
      assertTrue(Files.isRegularFile(OnnxExport.file(first)));
      HttpResponse<String> response = post(service.url(), Files.readAllBytes(images.get(1)));

      assertEquals(200, response.statusCode(), response.body());
      JsonNode answer = Mappers.json().readTree(response.body());
      assertEquals("tiny-test:1", answer.get("model").asText());
      List<Detection> expected = detectDirectly(first, images.get(1));
      JsonNode detections = answer.get("detections");
      assertFalse(expected.isEmpty(), "no detections to compare");
      assertEquals(expected.size(), detections.size());
      // ONNX Runtime sums in another order than PyTorch: the parity check's tolerances.
      for (int i = 0; i < expected.size(); i++) {
        Detection d = expected.get(i);
        JsonNode served = detections.get(i);
        assertEquals(d.score(), served.get("score").asDouble(), 1e-4);
        List<Double> box = doubles(served.get("box"));
        double[] corners = {d.x1(), d.y1(), d.x2(), d.y2()};
        for (int k = 0; k < 4; k++) {
          assertEquals(corners[k], box.get(k), 1e-3);
        }
      }
      JsonNode health = get(service.url().resolve(DetectionServer.HEALTH_PATH));
      assertEquals("ok", health.get("status").asText());
      assertEquals("tiny-test:1", health.get("model").asText());
      assertEquals("onnx", health.get("backend").asText());
    }
  }

  @Test
  void aBodyThatIsNoImageIsRefusedWithOneLineNamingTheProblem() throws Exception {
    try (DetectionService service = start(ServingBackend.DJL, 1, Duration.ZERO)) {
      HttpResponse<String> text = post(service.url(), "not an image".getBytes());
      HttpResponse<String> empty = post(service.url(), new byte[0]);

      assertEquals(400, text.statusCode());
      assertEquals("{\"error\":\"body of 12 bytes is not a PNG or JPEG image\"}", text.body());
      assertEquals(400, empty.statusCode());
      assertEquals("{\"error\":\"empty body; POST the bytes of a PNG or JPEG image\"}",
          empty.body());
    }
  }

  @Test
  void concurrentRequestsAreAnsweredInBatches() throws Exception {
    int clients = 8;
    try (DetectionService service = start(ServingBackend.DJL, 4, Duration.ofMillis(500))) {
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> responses = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        byte[] image = Files.readAllBytes(images.get(i % images.size()));
        responses.add(pool.submit(() -> {
          go.await();
          return post(service.url(), image);
        }));
      }
      go.countDown();
      for (Future<HttpResponse<String>> response : responses) {
        assertEquals(200, response.get().statusCode(), response.get().body());
      }
      pool.shutdown();

      JsonNode batching = get(service.url().resolve(DetectionServer.HEALTH_PATH))
          .get("batching");
      assertEquals(clients, batching.get("requests").asInt());
      assertTrue(batching.get("largestBatch").asInt() >= 2, batching.toString());
      assertTrue(batching.get("largestBatch").asInt() <= 4, batching.toString());
      assertTrue(batching.get("batches").asInt() < clients, batching.toString());
    }
  }

  @Test
  void movingTheAliasSwapsVersionsUnderLoadWithoutAFailedRequest() throws Exception {
    try (DetectionService service = start(ServingBackend.DJL, 4, Duration.ofMillis(2))) {
      List<String> answeredBy = Collections.synchronizedList(new ArrayList<>());
      AtomicInteger failed = new AtomicInteger();
      AtomicBoolean posting = new AtomicBoolean(true);
      byte[] image = Files.readAllBytes(images.get(2));
      Thread client = new Thread(() -> {
        while (posting.get()) {
          try {
            HttpResponse<String> response = post(service.url(), image);
            if (response.statusCode() == 200) {
              answeredBy.add(Mappers.json().readTree(response.body()).get("model").asText());
            } else {
              failed.incrementAndGet();
            }
          } catch (IOException | InterruptedException e) {
            failed.incrementAndGet();
          }
        }
      });
      client.start();
      awaitAnswersFrom(answeredBy, "tiny-test:1", 5);

      new ModelAliases(dsl).move(second.label(), "production", "test", "second version");
      awaitAnswersFrom(answeredBy, "tiny-test:2", 5);
      posting.set(false);
      client.join();

      assertEquals(0, failed.get());
      int switched = answeredBy.indexOf("tiny-test:2");
      assertTrue(answeredBy.subList(0, switched).stream().allMatch("tiny-test:1"::equals));
      assertTrue(answeredBy.subList(switched, answeredBy.size()).stream()
          .allMatch("tiny-test:2"::equals), answeredBy.toString());
      assertEquals("tiny-test:2", service.serving());
      assertEquals("tiny-test:2", get(service.url().resolve(DetectionServer.HEALTH_PATH))
          .get("model").asText());
    }
  }

  private DetectionService start(ServingBackend backend, int maxBatch, Duration batchWait)
      throws IOException {
    ComputeDevice device = ComputeDevice.local();
    return DetectionService.start(new DetectionService.Settings(REFERENCE, backend.label(),
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), maxBatch, batchWait,
            Duration.ofMillis(200)), new ModelVersions(dsl),
        version -> backend.load(version, device, () -> {
          try {
            return ParityFrames.folder(dir.resolve("frames"));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }));
  }

  private static List<Detection> detectDirectly(ModelVersion version, Path image)
      throws IOException {
    try (Detector detector = Detector.load(ModelConfigLoader.load(version.config()),
        version.parameters(), Device.cpu())) {
      return detector.detect(List.of(ImageIO.read(image.toFile()))).get(0);
    }
  }

  private HttpResponse<String> post(URI url, byte[] body)
      throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(url)
        .header("Content-Type", "application/octet-stream")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode get(URI url) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return Mappers.json().readTree(response.body());
  }

  private static List<Double> doubles(JsonNode array) {
    List<Double> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asDouble()));
    return values;
  }

  /** Waits up to a minute for a version to have answered some requests. */
  private static void awaitAnswersFrom(List<String> answeredBy, String model, int count)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (answeredBy.stream().filter(model::equals).count() < count) {
      assertTrue(System.nanoTime() < deadline, "no " + count + " answers from " + model
          + " within a minute: " + answeredBy.size() + " answers");
      Thread.sleep(50);
    }
  }
}
