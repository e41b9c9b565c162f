package io.admlops.workers.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.json.Mappers;
import io.admlops.workers.http.JsonReply;
import io.admlops.workers.http.RequestThreads;
import io.admlops.workers.webhook.AnnotationsDelivery.Delivered;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP endpoint labeling vendors call when a batch is done: {@code POST /v1/annotations}
 * with a signed {@link BatchDoneCall} body, answered 202 once the campaign is signaled, and
 * {@code GET /healthz} for load balancers. Without a secret it refuses every call: an
 * unsigned call could make a campaign train on anybody's labels.
 */
public final class AnnotationsWebhook implements AutoCloseable {

  /** Where vendors post. */
  public static final String ANNOTATIONS_PATH = "/v1/annotations";
  /** Answers 200 while the server runs. */
  public static final String HEALTH_PATH = "/healthz";

  private static final Logger log = LoggerFactory.getLogger(AnnotationsWebhook.class);

  // A call names four short strings; anything larger is not a vendor's call.
  private static final int MAX_BODY_BYTES = 64 * 1024;
  // Calls wait for the campaign's status query, so a few run side by side.
  private static final int THREADS = 4;

  private final HttpServer server;
  private final ExecutorService threads;
  private final Optional<WebhookSignature> signature;
  private final AnnotationsDelivery delivery;

  private AnnotationsWebhook(HttpServer server, ExecutorService threads,
      Optional<WebhookSignature> signature, AnnotationsDelivery delivery) {
    this.server = server;
    this.threads = threads;
    this.signature = signature;
    this.delivery = delivery;
  }

  /**
   * Starts serving.
   *
   * @param address where to listen; port 0 picks a free one
   * @param signature the shared secret's signature check; empty refuses every call with 503
   * @throws java.net.BindException when the port is taken
   */
  public static AnnotationsWebhook start(InetSocketAddress address,
      Optional<WebhookSignature> signature, AnnotationsDelivery delivery) throws IOException {
    HttpServer server = HttpServer.create(address, 0);
    ExecutorService threads = RequestThreads.named("webhook", THREADS);
    AnnotationsWebhook webhook = new AnnotationsWebhook(server, threads, signature, delivery);
    server.createContext(ANNOTATIONS_PATH, exchange -> webhook.answer(exchange, ANNOTATIONS_PATH));
    server.createContext(HEALTH_PATH, exchange -> webhook.answer(exchange, HEALTH_PATH));
    server.createContext("/", exchange -> webhook.answer(exchange, "/"));
    server.setExecutor(threads);
    server.start();
    return webhook;
  }

  /** The URL vendors post to. */
  public URI url() {
    return url(server.getAddress().getAddress());
  }

  /**
   * The URL a caller in this process posts to: the loopback address when the webhook listens
   * on every address, which is no address to connect to.
   */
  URI localUrl() {
    InetAddress bound = server.getAddress().getAddress();
    return url(bound.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : bound);
  }

  /** Whether calls can be accepted at all, i.e. a shared secret was given. */
  public boolean hasSecret() {
    return signature.isPresent();
  }

  /** The signature calls must carry, so a caller in this process can sign its own. */
  Optional<WebhookSignature> signature() {
    return signature;
  }

  private URI url(InetAddress host) {
    return URI.create("http://" + host.getHostAddress() + ":" + server.getAddress().getPort()
        + ANNOTATIONS_PATH);
  }

  /** Stops taking calls; a call in flight gets a second to finish. */
  @Override
  public void close() {
    server.stop(1);
    threads.shutdownNow();
  }

  private void answer(HttpExchange exchange, String context) throws IOException {
    try (exchange) {
      JsonReply reply;
      try {
        reply = route(exchange, context);
      } catch (RuntimeException e) {
        log.error("webhook call {} {} failed", exchange.getRequestMethod(),
            exchange.getRequestURI(), e);
        reply = JsonReply.error(500, "internal error: " + e.getMessage());
      }
      reply.sendTo(exchange);
    }
  }

  private JsonReply route(HttpExchange exchange, String context) throws IOException {
    String path = exchange.getRequestURI().getPath();
    // Contexts match by prefix; only the exact paths exist.
    if (!path.equals(context) || context.equals("/")) {
      return JsonReply.error(404, "no such path " + path + "; vendors POST to " + ANNOTATIONS_PATH);
    }
    if (context.equals(HEALTH_PATH)) {
      return allowOnly(exchange, "GET").orElseGet(() -> new JsonReply(200, json("status", "ok")));
    }
    Optional<JsonReply> refused = allowOnly(exchange, "POST");
    return refused.isPresent() ? refused.get() : batchDone(exchange);
  }

  private static Optional<JsonReply> allowOnly(HttpExchange exchange, String method) {
    if (exchange.getRequestMethod().equals(method)) {
      return Optional.empty();
    }
    exchange.getResponseHeaders().set("Allow", method);
    return Optional.of(JsonReply.error(405, exchange.getRequestMethod() + " is not supported here; "
        + "use " + method));
  }

  private JsonReply batchDone(HttpExchange exchange) throws IOException {
    if (signature.isEmpty()) {
      return JsonReply.error(503, "this webhook has no shared secret, so it accepts no calls: "
          + "restart admlops up / admlops worker with " + WebhookSignature.SECRET_ENV
          + " set or --webhook-secret-file FILE");
    }
    Optional<byte[]> body = readBody(exchange.getRequestBody());
    if (body.isEmpty()) {
      return JsonReply.error(413, "body larger than " + MAX_BODY_BYTES + " bytes");
    }
    String claimed = exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER);
    if (claimed == null) {
      return unauthorized(exchange, "missing " + WebhookSignature.HEADER + " header: send "
          + "sha256=<hex HMAC-SHA256 of the raw body with the shared secret>");
    }
    if (!signature.get().verifies(claimed, body.get())) {
      return unauthorized(exchange, WebhookSignature.HEADER + " does not match the body: "
          + "expected sha256=<hex HMAC-SHA256 of the raw body with the shared secret>");
    }
    BatchDoneCall call;
    try {
      call = BatchDoneCall.parse(body.get());
    } catch (UserInputException e) {
      return JsonReply.error(400, e.getMessage());
    }
    try {
      Delivered delivered = delivery.deliver(call.campaign(), call.returned());
      log.info("batch {} returned to {} as {} at {}", call.returned().batchId(),
          delivered.workflowId(), call.returned().format(), call.returned().uri());
      ObjectNode accepted = json("status", "accepted");
      accepted.put("workflowId", delivered.workflowId());
      accepted.put("batchId", delivered.batch().batchId());
      accepted.put("iteration", delivered.batch().iteration());
      return new JsonReply(202, accepted);
    } catch (DeliveryRefused e) {
      log.info("refused batch {} for campaign {}: {}", call.returned().batchId(),
          call.campaign(), e.getMessage());
      return JsonReply.error(switch (e.reason()) {
        case NO_CAMPAIGN -> 404;
        case NOT_PENDING -> 409;
        case CAMPAIGN_UNAVAILABLE -> 503;
      }, e.getMessage());
    }
  }

  private static JsonReply unauthorized(HttpExchange exchange, String reason) {
    // Logged because a stream of these means a misconfigured vendor or someone probing.
    log.warn("unsigned or wrongly signed call from {}: {}", exchange.getRemoteAddress(), reason);
    return JsonReply.error(401, reason);
  }

  /** The body, or empty when it exceeds the limit. */
  private static Optional<byte[]> readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
    return body.length > MAX_BODY_BYTES ? Optional.empty() : Optional.of(body);
  }

  private static ObjectNode json(String field, String value) {
    return Mappers.json().createObjectNode().put(field, value);
  }
}
