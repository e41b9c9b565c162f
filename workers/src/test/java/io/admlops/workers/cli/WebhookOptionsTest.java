package io.admlops.workers.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admlops.schemas.UserInputException;
import io.admlops.workers.stack.EmbeddedTemporalServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
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
        options.serve(temporal.address(), "default", Optional.empty()).orElseThrow()) {
      assertTrue(served.webhook().hasSecret());
      assertTrue(served.describe().matches("http://127\\.0\\.0\\.1:\\d+/v1/annotations"),
          served.describe());
    }
  }

  @Test
  void upMakesASecretForTheRunWhenNoneIsSetAndSaysWhereItIs() throws Exception {
    Path runSecret = dir.resolve("home").resolve(UpCommand.RUN_SECRET);
    WebhookOptions options = parse("--webhook-port", "0");

    try (WebhookOptions.Served served = options.serve(temporal.address(), "default",
        Optional.of(runSecret)).orElseThrow()) {
      assertTrue(served.webhook().hasSecret());
      assertTrue(served.describe().endsWith("/v1/annotations  (secret made for this run: "
          + runSecret + ")"), served.describe());
      assertTrue(Files.readString(runSecret).strip().matches("[0-9a-f]{64}"));
      assertEquals(PosixFilePermissions.fromString("rw-------"),
          Files.getPosixFilePermissions(runSecret));
    }
  }

  @Test
  void aConfiguredSecretWinsOverTheRunSecret() throws Exception {
    Path secret = Files.writeString(dir.resolve("webhook.secret"), "s3cret\n");
    Path runSecret = dir.resolve(UpCommand.RUN_SECRET);
    WebhookOptions options = parse("--webhook-port", "0", "--webhook-secret-file",
        secret.toString());

    try (WebhookOptions.Served served = options.serve(temporal.address(), "default",
        Optional.of(runSecret)).orElseThrow()) {
      assertTrue(served.webhook().hasSecret());
      assertFalse(served.describe().contains("secret made"), served.describe());
      assertFalse(Files.exists(runSecret));
    }
  }

  @Test
  void aTakenPortIsOneLineNamingTheFlagsAroundIt() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      WebhookOptions options = parse("--webhook-port", String.valueOf(taken.getLocalPort()));

      UserInputException e = assertThrows(UserInputException.class,
          () -> options.serve(temporal.address(), "default", Optional.empty()));

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
        () -> options.serve(temporal.address(), "default", Optional.empty()));

    assertEquals("--webhook-secret-file " + secret + ": the file is empty", e.getMessage());
  }

  @Test
  void noWebhookServesNothingAndMakesNoSecret() throws Exception {
    Path runSecret = dir.resolve(UpCommand.RUN_SECRET);

    assertTrue(parse("--no-webhook").serve(temporal.address(), "default",
        Optional.of(runSecret)).isEmpty());
    assertFalse(Files.exists(runSecret));
  }

  private static WebhookOptions parse(String... args) {
    WebhookOptions options = new WebhookOptions();
    new CommandLine(options).parseArgs(args);
    return options;
  }
}
