package io.admlops.workers.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.admlops.activities.detector.Detection;
import io.admlops.schemas.json.Mappers;
import io.admlops.workers.http.JsonReply;
import io.admlops.workers.http.RequestThreads;
import io.admlops.workers.serve.BatchingDispatcher.Answer;
import io.admlops.workers.serve.BatchingDispatcher.BatchCounts;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The detection endpoint: {@code POST /v1/detect} with an image's bytes (PNG or JPEG) as the
 * body is answered with the detections in the image's pixels and the version that found them;
 * {@code GET /healthz} names the version served, the backend and how requests were batched.
 * Errors are one line of JSON, {@code {"error": ...}}.
 */
public final class DetectionServer implements AutoCloseable {

  /** Where clients post images. */
  public static final String DETECT_PATH = "/v1/detect";
  /** Answers 200 with the version served while the server runs. */
  public static final String HEALTH_PATH = "/healthz";

  private static final Logger log = LoggerFactory.getLogger(DetectionServer.class);

  private static final String NO_DELAY = "sun.net.httpserver.nodelay";
  // A camera frame is a few MB at most; anything larger is not one.
  private static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

  private final HttpServer server;
  private final ExecutorService threads;
  private final BatchingDispatcher dispatcher;
  private final String backend;

  private DetectionServer(HttpServer server, ExecutorService threads,
      BatchingDispatcher dispatcher, String backend) {
    this.server = server;
    this.threads = threads;
    this.dispatcher = dispatcher;
    this.backend = backend;
  }

  /**
   * Starts serving.
   *
   * @param address where to listen; port 0 picks a free one
   * @param requestThreads how many requests are taken at once; each waits for its batch, so
   *     batches fill only up to this many
   * @param backend the backend's name, reported by {@code /healthz}
   * @throws java.net.BindException when the port is taken
   */
  public static DetectionServer start(InetSocketAddress address, int requestThreads,
      BatchingDispatcher dispatcher, String backend) throws IOException {
    // The JDK server writes a response's headers and body as two segments; with Nagle's
    // algorithm on, the body waits for the client's delayed ACK of the headers, 40 ms on
    // Linux, longer than a detection takes. The property is read once per process.
    if (System.getProperty(NO_DELAY) == null) {
      System.setProperty(NO_DELAY, "true");
    }
    HttpServer server = HttpServer.create(address, 0);
    ExecutorService threads = RequestThreads.named("serve", requestThreads);
    DetectionServer detection = new DetectionServer(server, threads, dispatcher, backend);
    server.createContext("/", detection::answer);
    server.setExecutor(threads);
    server.start();
    return detection;
  }

  /** The URL clients post images to. */
  public URI url() {
    InetSocketAddress bound = server.getAddress();
    return URI.create("http://" + bound.getAddress().getHostAddress() + ":" + bound.getPort()
        + DETECT_PATH);
  }

  /** Stops taking requests; a request in flight gets a second to be answered. */
  @Override
  public void close() {
    server.stop(1);
    threads.shutdownNow();
  }

  private void answer(HttpExchange exchange) throws IOException {
    long start = System.nanoTime();
    try (exchange) {
      JsonReply reply;
      try {
        reply = route(exchange, start);
      } catch (RuntimeException e) {
        log.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        reply = JsonReply.error(500, "internal error: " + e.getMessage());
      }
      reply.sendTo(exchange);
    }
  }

  private JsonReply route(HttpExchange exchange, long start) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    String expected = switch (path) {
      case DETECT_PATH -> "POST";
      case HEALTH_PATH -> "GET";
      default -> null;
    };
    if (expected == null) {
      return JsonReply.error(404, "no such path " + path + "; POST images to " + DETECT_PATH);
    }
    if (!method.equals(expected)) {
      exchange.getResponseHeaders().set("Allow", expected);
      return JsonReply.error(405, method + " is not supported on " + path + "; use " + expected);
    }
    return path.equals(HEALTH_PATH) ? new JsonReply(200, health()) : detect(exchange, start);
  }

  private JsonReply detect(HttpExchange exchange, long start) throws IOException {
    byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      return JsonReply.error(413, "body larger than " + MAX_BODY_BYTES + " bytes; POST one image");
    }
    if (body.length == 0) {
      return JsonReply.error(400, "empty body; POST the bytes of a PNG or JPEG image");
    }
    BufferedImage image;
    try {
      image = ImageIO.read(new ByteArrayInputStream(body));
    } catch (IOException | RuntimeException e) {
      // Image readers throw runtime exceptions too on some truncated or corrupt files.
      return JsonReply.error(400, "body of " + body.length + " bytes is a damaged image: "
          + e.getMessage());
    }
    if (image == null) {
      return JsonReply.error(400, "body of " + body.length + " bytes is not a PNG or JPEG image");
    }
    Answer answer;
    try {
      answer = dispatcher.submit(image).join();
    } catch (CompletionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    }
    ObjectNode json = Mappers.json().createObjectNode().put("model", answer.model());
    ArrayNode detections = json.putArray("detections");
    for (Detection d : answer.detections()) {
      ObjectNode found = detections.addObject()
          .put("category", answer.classes().get(d.classIndex()))
          .put("score", d.score());
      found.putArray("box").add(d.x1()).add(d.y1()).add(d.x2()).add(d.y2());
    }
    json.put("milliseconds", Math.round((System.nanoTime() - start) / 1e5) / 10.0);
    return new JsonReply(200, json);
  }

  private ObjectNode health() {
    ObjectNode json = Mappers.json().createObjectNode()
        .put("status", "ok")
        .put("model", dispatcher.model().current().version().label())
        .put("backend", backend);
    BatchCounts counts = dispatcher.counts();
    json.putObject("batching")
        .put("batches", counts.batches())
        .put("requests", counts.requests())
        .put("largestBatch", counts.largestBatch());
    return json;
  }
}
