package io.admlops.workers.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admlops.schemas.UserInputException;
import io.admlops.workers.stack.EmbeddedTemporalServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The webhook flags of {@code up} and {@code worker}, as those commands start it. */
class WebhookOptionsTest {

  @TempDir Path dir;

  private static EmbeddedTemporalServer temporal;

  @BeforeAll
  static void startTemporal() throws Exception {
    temporal = EmbeddedTemporalServer.start(0);
  }

  @AfterAll
  static void stopTemporal() {
    temporal.close();
  }

  @Test
  void aSecretFileMakesTheWebhookAcceptCallsAtTheUrlItPrints() throws Exception {
    Path secret = Files.writeString(dir.resolve("webhook.secret"), "s3cret\n");
    WebhookOptions options = parse("--webhook-port", "0", "--webhook-secret-file",
        secret.toString());

    try (WebhookOptions.Served served =
        options.serve(temporal.address(), "default").orElseThrow()) {
      assertTrue(served.webhook().hasSecret());
      assertTrue(served.describe().matches("http://127\\.0\\.0\\.1:\\d+/v1/annotations"),
          served.describe());
    }
  }

  @Test
  void aTakenPortIsOneLineNamingTheFlagsAroundIt() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      WebhookOptions options = parse("--webhook-port", String.valueOf(taken.getLocalPort()));

      UserInputException e = assertThrows(UserInputException.class,
          () -> options.serve(temporal.address(), "default"));

      assertEquals("webhook: port " + taken.getLocalPort() + " on 127.0.0.1 is taken: pass "
          + "--webhook-port with another port (0: any free one), or --no-webhook", e.getMessage());
    }
  }

  @Test
  void anEmptySecretFileIsRefusedRatherThanServedWithoutASecret() throws Exception {
    Path secret = Files.writeString(dir.resolve("empty.secret"), "\n");
    WebhookOptions options = parse("--webhook-port", "0", "--webhook-secret-file",
        secret.toString());

    UserInputException e = assertThrows(UserInputException.class,
        () -> options.serve(temporal.address(), "default"));

    assertEquals("--webhook-secret-file " + secret + ": the file is empty", e.getMessage());
  }

  @Test
  void noWebhookServesNothing() throws Exception {
    assertTrue(parse("--no-webhook").serve(temporal.address(), "default").isEmpty());
  }

  private static WebhookOptions parse(String... args) {
    WebhookOptions options = new WebhookOptions();
    new CommandLine(options).parseArgs(args);
    return options;
  }
}
