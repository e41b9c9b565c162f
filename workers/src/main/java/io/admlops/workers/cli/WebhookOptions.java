package io.admlops.workers.cli;

import io.admlops.schemas.UserInputException;
import io.admlops.workers.stack.TemporalConnection;
import io.admlops.workers.webhook.AnnotationsDelivery;
import io.admlops.workers.webhook.AnnotationsWebhook;
import io.admlops.workers.webhook.WebhookSignature;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The labeling vendors' webhook that {@code up} and {@code worker} serve beside their work. */
public class WebhookOptions {

  @Option(names = "--webhook-port", defaultValue = "8091", paramLabel = "PORT",
      description = "Port of the labeling vendors' webhook (0: any free port). "
          + "Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--webhook-bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
      description = "Address the webhook listens on; 0.0.0.0 takes calls from other machines. "
          + "Default: ${DEFAULT-VALUE}.")
  String bind;

  @Option(names = "--webhook-secret-file", paramLabel = "FILE",
      description = "File holding the secret vendors sign calls with (env "
          + WebhookSignature.SECRET_ENV + "). Without one the webhook refuses every call.")
  Path secretFile;

  @Option(names = "--no-webhook", description = "Serve no webhook (e.g. a second worker on "
      + "this machine).")
  boolean disabled;

  /** The webhook and the connection it signals campaigns through; closing stops both. */
  record Served(AnnotationsWebhook webhook, TemporalConnection connection)
      implements AutoCloseable {

    /** One line for the startup banner: where vendors post, and whether it accepts calls. */
    String describe() {
      return webhook.url() + (webhook.hasSecret() ? ""
          : "  (refuses every call: set " + WebhookSignature.SECRET_ENV
              + " or --webhook-secret-file)");
    }

    @Override
    public void close() {
      webhook.close();
      connection.close();
    }
  }

  /** Starts the webhook, unless disabled, signaling campaigns on that Temporal service. */
  Optional<Served> serve(String temporalAddress, String namespace) throws IOException {
    if (disabled) {
      return Optional.empty();
    }
    Optional<WebhookSignature> signature = secret(System.getenv()).map(WebhookSignature::new);
    InetSocketAddress address = new InetSocketAddress(bind, port);
    if (address.isUnresolved()) {
      throw new UserInputException("--webhook-bind " + bind + ": not an address of this host");
    }
    TemporalConnection connection = TemporalConnection.open(temporalAddress, namespace);
    try {
      return Optional.of(new Served(AnnotationsWebhook.start(address, signature,
          new AnnotationsDelivery(connection.client())), connection));
    } catch (BindException e) {
      connection.close();
      throw new UserInputException("webhook: port " + port + " on " + bind + " is taken: pass "
          + "--webhook-port with another port (0: any free one), or --no-webhook", e);
    } catch (IOException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /** The flag's file first, the environment second; none means the webhook refuses calls. */
  private Optional<String> secret(Map<String, String> env) throws IOException {
    if (secretFile != null) {
      if (!Files.isRegularFile(secretFile)) {
        throw new UserInputException("--webhook-secret-file " + secretFile + ": no such file");
      }
      String secret = Files.readString(secretFile).strip();
      if (secret.isEmpty()) {
        throw new UserInputException("--webhook-secret-file " + secretFile + ": the file is empty");
      }
      return Optional.of(secret);
    }
    return Optional.ofNullable(env.get(WebhookSignature.SECRET_ENV))
        .map(String::strip).filter(s -> !s.isEmpty());
  }
}
