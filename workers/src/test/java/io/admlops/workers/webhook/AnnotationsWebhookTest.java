package io.admlops.workers.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.schemas.json.Mappers;
import io.admlops.workflows.PayloadConverter;
import io.admlops.workflows.loop.AnnotationsReturned;
import io.admlops.workflows.loop.LoopSignals;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The webhook on a real HTTP port in front of Temporal's test service, where a stand-in
 * campaign waits for batches b1 and b2, called as a vendor calls it.
 */
class AnnotationsWebhookTest {

  private static final String SECRET = "s3cret-shared-with-the-vendor";
  private static final String CAMPAIGN = "night-and-fog";

  @RegisterExtension
  static final TestWorkflowExtension temporal = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(WaitingCampaignWorkflowImpl.class)
      .setWorkflowClientOptions(WorkflowClientOptions.newBuilder()
          .setDataConverter(PayloadConverter.dataConverter()).build())
      .build();

  private final HttpClient http = HttpClient.newHttpClient();
  private WaitingCampaignWorkflow campaign;
  private AnnotationsWebhook webhook;

  @BeforeEach
  void startCampaign(WorkflowClient client, WorkflowOptions options) {
    campaign = client.newWorkflowStub(WaitingCampaignWorkflow.class, options.toBuilder()
        .setWorkflowId(LoopSignals.campaignWorkflowId(CAMPAIGN)).build());
    WorkflowClient.start(campaign::run, CAMPAIGN, List.of("b1", "b2"));
  }

  @AfterEach
  void stopWebhook() {
    if (webhook != null) {
      webhook.close();
    }
  }

  @Test
  void aSignedCallForAPendingBatchIsAcceptedAndSignalsTheCampaign(TestWorkflowEnvironment env)
      throws Exception {
    serve(env, Optional.of(SECRET));
    String body = call(CAMPAIGN, "b1", "file:///inbox/b1.json", "labelstudio");

    HttpResponse<String> response = post(body, sign(SECRET, body));

    assertEquals(202, response.statusCode(), response.body());
    JsonNode answer = Mappers.json().readTree(response.body());
    assertEquals("accepted", answer.path("status").asText());
    assertEquals("campaign-night-and-fog", answer.path("workflowId").asText());
    assertEquals("b1", answer.path("batchId").asText());
    assertEquals(List.of(new AnnotationsReturned("b1", "file:///inbox/b1.json", "labelstudio")),
        campaign.received());
  }

  @Test
  void aWrongOrMissingSignatureIs401AndSignalsNothing(TestWorkflowEnvironment env)
      throws Exception {
    serve(env, Optional.of(SECRET));
    String body = call(CAMPAIGN, "b1", "file:///inbox/b1.json", "coco");

    HttpResponse<String> wrongSecret = post(body, sign("guessed", body));
    HttpResponse<String> tampered = post(body.replace("b1.json", "b2.json"), sign(SECRET, body));
    HttpResponse<String> unsigned = post(body, null);

    assertEquals(401, wrongSecret.statusCode());
    assertTrue(error(wrongSecret).startsWith("X-Admlops-Signature does not match the body"));
    assertEquals(401, tampered.statusCode());
    assertEquals(401, unsigned.statusCode());
    assertTrue(error(unsigned).startsWith("missing X-Admlops-Signature header"));
    assertEquals(List.of(), campaign.received());
  }

  @Test
  void aBatchTheCampaignDoesNotWaitForIs409NamingThePendingOnes(TestWorkflowEnvironment env)
      throws Exception {
    serve(env, Optional.of(SECRET));
    String body = call(CAMPAIGN, "b9", "file:///inbox/b9.json", "cvat");

    HttpResponse<String> response = post(body, sign(SECRET, body));

    assertEquals(409, response.statusCode());
    assertEquals("batch b9 is not pending in campaign-night-and-fog (unknown, or its labels "
        + "were already returned); it waits for b1, b2", error(response));
    assertEquals(List.of(), campaign.received());
  }

  @Test
  void aDuplicateOfAnAcceptedBatchIs409AndSignalsOnce(TestWorkflowEnvironment env)
      throws Exception {
    serve(env, Optional.of(SECRET));
    String body = call(CAMPAIGN, "b2", "/inbox/b2", "kitti");

    HttpResponse<String> first = post(body, sign(SECRET, body));
    HttpResponse<String> again = post(body, sign(SECRET, body));

    assertEquals(202, first.statusCode(), first.body());
    assertEquals(409, again.statusCode());
    assertTrue(error(again).endsWith("already returned); it waits for b1"), again.body());
    assertEquals(1, campaign.received().size());
  }

  @Test
  void aCallForACampaignThatDoesNotRunIs404(TestWorkflowEnvironment env) throws Exception {
    serve(env, Optional.of(SECRET));
    String body = call("no-such-campaign", "b1", "file:///inbox/b1.json", "coco");

    HttpResponse<String> response = post(body, sign(SECRET, body));

    assertEquals(404, response.statusCode());
    assertEquals("no running campaign campaign-no-such-campaign", error(response));
  }

  @Test
  void aCampaignNoWorkerAnswersForIs503WithinTheDeadline(TestWorkflowEnvironment env,
      WorkflowOptions options) throws Exception {
    WorkflowClient.start(env.getWorkflowClient().newWorkflowStub(WaitingCampaignWorkflow.class,
        options.toBuilder().setTaskQueue("nobody-polls")
            .setWorkflowId(LoopSignals.campaignWorkflowId("stranded")).build())::run,
        "stranded", List.of("b1"));
    webhook = AnnotationsWebhook.start(loopback(), Optional.of(new WebhookSignature(SECRET)),
        new AnnotationsDelivery(env.getWorkflowClient(), Duration.ofSeconds(1)));
    String body = call("stranded", "b1", "file:///inbox/b1.json", "coco");

    HttpResponse<String> response = post(body, sign(SECRET, body));

    assertEquals(503, response.statusCode(), response.body());
    assertEquals("campaign-stranded did not answer its status query (is a worker on "
        + "admlops-workflows running?): no answer within 1 s", error(response));
  }

  @Test
  void malformedCallsAre400NamingWhatIsWrong(TestWorkflowEnvironment env) throws Exception {
    serve(env, Optional.of(SECRET));
    String notJson = "{\"campaign\": \"night-and-fog\", ";
    String noBatch = "{\"campaign\":\"night-and-fog\",\"uri\":\"/inbox/b1\",\"format\":\"coco\"}";
    String yolo = call(CAMPAIGN, "b1", "/inbox/b1", "yolo");
    String s3 = call(CAMPAIGN, "b1", "s3://vendor/b1.json", "coco");

    assertEquals("body is not JSON: Unexpected end-of-input within/between Object entries "
        + "(line 1, column 31)", error(post400(notJson)));
    assertEquals("field 'batchId' is missing, empty or not text", error(post400(noBatch)));
    assertEquals("field 'format': 'yolo' is not a format labels are returned in; expected one "
        + "of labelstudio, cvat, coco, kitti", error(post400(yolo)));
    assertEquals("field 'uri': expected a path or file: URI that the workers can read, got "
        + "'s3://vendor/b1.json'", error(post400(s3)));
    assertEquals(List.of(), campaign.received());
  }

  @Test
  void withoutASecretEveryCallIsRefusedWith503SayingHowToSetOne(TestWorkflowEnvironment env)
      throws Exception {
    serve(env, Optional.empty());
    String body = call(CAMPAIGN, "b1", "file:///inbox/b1.json", "labelstudio");

    HttpResponse<String> signed = post(body, sign(SECRET, body));
    HttpResponse<String> unsigned = post(body, null);

    assertEquals(503, signed.statusCode());
    assertEquals(503, unsigned.statusCode());
    assertTrue(error(signed).contains("ADMLOPS_WEBHOOK_SECRET"), signed.body());
    assertEquals(List.of(), campaign.received());
  }

  @Test
  void otherMethodsAre405AndHealthzAnswers200(TestWorkflowEnvironment env) throws Exception {
    serve(env, Optional.of(SECRET));
    URI annotations = webhook.url();
    URI health = annotations.resolve(AnnotationsWebhook.HEALTH_PATH);

    HttpResponse<String> get = send(HttpRequest.newBuilder(annotations).GET());
    HttpResponse<String> healthz = send(HttpRequest.newBuilder(health).GET());
    HttpResponse<String> elsewhere = send(HttpRequest.newBuilder(annotations.resolve("/v2")).GET());

    assertEquals(405, get.statusCode());
    assertEquals(Optional.of("POST"), get.headers().firstValue("Allow"));
    assertEquals(200, healthz.statusCode());
    assertEquals(404, elsewhere.statusCode());
  }

  private void serve(TestWorkflowEnvironment env, Optional<String> secret) throws Exception {
    webhook = AnnotationsWebhook.start(loopback(), secret.map(WebhookSignature::new),
        new AnnotationsDelivery(env.getWorkflowClient()));
  }

  private static InetSocketAddress loopback() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  }

  private static String call(String campaign, String batchId, String uri, String format) {
    return Mappers.json().createObjectNode().put("campaign", campaign).put("batchId", batchId)
        .put("uri", uri).put("format", format).toString();
  }

  private static String sign(String secret, String body) {
    return new WebhookSignature(secret).sign(body.getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> post400(String body) throws Exception {
    HttpResponse<String> response = post(body, sign(SECRET, body));
    assertEquals(400, response.statusCode(), response.body());
    return response;
  }

  private HttpResponse<String> post(String body, String signature) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(webhook.url())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (signature != null) {
      request.header(WebhookSignature.HEADER, signature);
    }
    return send(request);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String error(HttpResponse<String> response) throws Exception {
    return Mappers.json().readTree(response.body()).path("error").asText();
  }
}
