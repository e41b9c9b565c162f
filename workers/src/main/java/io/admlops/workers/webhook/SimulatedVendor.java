package io.admlops.workers.webhook;

import io.admlops.activities.annotate.SimulatedVendorOrder;
import io.admlops.activities.annotate.SimulatedVendorOrders;
import io.admlops.activities.annotate.VendorDelivery;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.json.Mappers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated labeling vendor at work in a worker process: it takes the loop's orders, lets
 * each order's delay pass, writes the labels into the job folder and announces them with a
 * signed call to this process's webhook, as an external vendor would. Its timers live only in
 * this process; the loop's reminders hand over again what a restart lost. Without a webhook
 * that accepts calls it cannot deliver, and says so once.
 */
public final class SimulatedVendor implements SimulatedVendorOrders, AutoCloseable {

  /**
   * Calls made for one delivery before waiting for the next reminder. A refusal that may pass
   * (the campaign not listing the batch yet, its worker busy, the webhook restarting) is tried
   * again after a while; most pass within a minute.
   */
  static final int CALLS_PER_DELIVERY = 3;

  private static final Logger log = LoggerFactory.getLogger(SimulatedVendor.class);

  // The webhook asks the campaign for its status within 10 s; the rest is the HTTP exchange.
  private static final Duration CALL_TIMEOUT =
      AnnotationsDelivery.STATUS_DEADLINE.plusSeconds(20);

  private final Duration callAgainAfter;
  /** One thread: deliveries are made one after another, and only it touches {@link #http}. */
  private final ScheduledExecutorService timers;
  /** Made on the first call, so workers that never deliver hold no HTTP client threads. */
  private HttpClient http;
  /** Deliveries taken and not yet made or given up, by batch and attempt. */
  private final Set<String> owed = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean toldCannotDeliver = new AtomicBoolean();
  private volatile Optional<Webhook> webhook = Optional.empty();

  /** A vendor that cannot deliver until {@link #deliverThrough} names the webhook. */
  public SimulatedVendor() {
    this(Duration.ofSeconds(20));
  }

  /** @param callAgainAfter the wait before calling again after a refusal that may pass */
  SimulatedVendor(Duration callAgainAfter) {
    this.callAgainAfter = callAgainAfter;
    this.timers = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "simulated-vendor");
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Delivers from now on through this webhook, signing calls with the secret it checks. A
   * webhook without a secret accepts no calls, so the vendor still cannot deliver.
   */
  public void deliverThrough(AnnotationsWebhook webhook) {
    this.webhook = webhook.signature().map(s -> new Webhook(webhook.localUrl(), s));
  }

  @Override
  public void place(SimulatedVendorOrder order) {
    if (order.delivered() || !owed.add(key(order))) {
      return;
    }
    log.info("simulated vendor: batch {} (attempt {}) will be delivered in {}",
        order.batchId(), order.attempt(), order.delay());
    timers.schedule(() -> deliver(order, 1), order.delay().toMillis(), TimeUnit.MILLISECONDS);
  }

  /** How many deliveries were taken and are not yet made or given up. */
  public int owed() {
    return owed.size();
  }

  /** Stops; deliveries still owed are lost here and handed over again by reminders. */
  @Override
  public void close() {
    timers.shutdownNow();
    if (!owed.isEmpty()) {
      log.info("simulated vendor stopped owing {} deliveries; the campaigns' reminders hand "
          + "them over again", owed.size());
    }
  }

  private void deliver(SimulatedVendorOrder order, int call) {
    boolean settled = true;
    try {
      settled = call(order);
    } catch (IOException e) {
      log.warn("simulated vendor: delivering batch {} (attempt {}) failed: {}",
          order.batchId(), order.attempt(), e.toString());
      settled = false;
    } catch (UserInputException e) {
      log.warn("simulated vendor: cannot label batch {}: {}", order.batchId(), e.getMessage());
    } catch (InterruptedException e) {
      // Stopping: what is owed is handed over again by the next reminder.
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("simulated vendor: delivering batch {} failed", order.batchId(), e);
    } finally {
      if (!settled && call < CALLS_PER_DELIVERY && !timers.isShutdown()) {
        timers.schedule(() -> deliver(order, call + 1), callAgainAfter.toMillis(),
            TimeUnit.MILLISECONDS);
      } else {
        if (!settled) {
          log.warn("simulated vendor: gave up on batch {} (attempt {}) after {} calls; the "
              + "next reminder hands it over again", order.batchId(), order.attempt(), call);
        }
        owed.remove(key(order));
      }
    }
  }

  /**
   * Writes the labels and calls the webhook.
   *
   * @return whether the delivery is settled: made, or refused for good
   */
  private boolean call(SimulatedVendorOrder order) throws IOException, InterruptedException {
    Optional<Webhook> target = webhook;
    if (target.isEmpty()) {
      cannotDeliver(order);
      return true;
    }
    if (order.delivered()) {
      return true;
    }
    VendorDelivery labels = order.writeLabels();
    if (http == null) {
      http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }
    byte[] body = Mappers.json().writeValueAsBytes(Mappers.json().createObjectNode()
        .put("campaign", order.campaign())
        .put("batchId", order.batchId())
        .put("uri", labels.file().toUri().toString())
        .put("format", labels.format().cliName()));
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(target.get().url())
        .timeout(CALL_TIMEOUT)
        .header("Content-Type", "application/json")
        .header(WebhookSignature.HEADER, target.get().signature().sign(body))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build(), HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() == 202) {
      order.recordDelivered(answer.body());
      log.info("simulated vendor delivered batch {} (attempt {}): {} frames labeled, {} label "
          + "errors made on purpose", order.batchId(), order.attempt(), labels.labeledFrames(),
          labels.injected().size());
      return true;
    }
    // 409: the campaign does not list the batch (yet, or any more); 503: it did not answer.
    boolean mayPass = answer.statusCode() == 409 || answer.statusCode() == 503;
    log.warn("simulated vendor: the webhook answered batch {} (attempt {}) with {} {}",
        order.batchId(), order.attempt(), answer.statusCode(), answer.body());
    return !mayPass;
  }

  private void cannotDeliver(SimulatedVendorOrder order) {
    if (toldCannotDeliver.compareAndSet(false, true)) {
      log.warn("the simulated labeling vendor cannot deliver batch {}: this process serves no "
          + "webhook with a shared secret to announce labels through. Set {} or pass "
          + "--webhook-secret-file FILE, without --no-webhook, to the process that runs the cpu "
          + "queue; the next reminder hands the batch over again", order.batchId(),
          WebhookSignature.SECRET_ENV);
    } else {
      log.info("simulated vendor: batch {} not delivered, no webhook accepts calls",
          order.batchId());
    }
  }

  private static String key(SimulatedVendorOrder order) {
    return order.batchId() + "#" + order.attempt();
  }

  /** Where calls go and how they are signed. */
  private record Webhook(URI url, WebhookSignature signature) {}
}
