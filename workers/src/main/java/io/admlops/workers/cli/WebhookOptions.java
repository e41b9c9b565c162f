package io.admlops.workers.cli;

import io.admlops.schemas.UserInputException;
import io.admlops.workers.stack.TemporalConnection;
import io.admlops.workers.webhook.AnnotationsDelivery;
import io.admlops.workers.webhook.AnnotationsWebhook;
import io.admlops.workers.webhook.WebhookSignature;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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

  /**
   * The webhook and the connection it signals campaigns through; closing stops both.
   *
   * @param runSecret the file of the secret made for this run, when none was configured
   */
  record Served(AnnotationsWebhook webhook, TemporalConnection connection,
      Optional<Path> runSecret) implements AutoCloseable {

    /** One line for the startup banner: where vendors post, and whether it accepts calls. */
    String describe() {
      if (!webhook.hasSecret()) {
        return webhook.url() + "  (refuses every call: set " + WebhookSignature.SECRET_ENV
            + " or --webhook-secret-file)";
      }
      return webhook.url() + runSecret.map(f -> "  (secret made for this run: " + f + ")")
          .orElse("");
    }

    @Override
    public void close() {
      webhook.close();
      connection.close();
    }
  }

  /**
   * Starts the webhook, unless disabled, signaling campaigns on that Temporal service.
   *
   * @param runSecretFile where to write a secret made for this run when none is configured,
   *     so the simulated labeling vendor can call and a user can sign calls; empty to refuse
   *     every call then
   */
  Optional<Served> serve(String temporalAddress, String namespace, Optional<Path> runSecretFile)
      throws IOException {
    if (disabled) {
      return Optional.empty();
    }
    Optional<String> configured = secret(System.getenv());
    Optional<Path> runSecret = configured.isPresent() ? Optional.empty() : runSecretFile;
    Optional<WebhookSignature> signature = configured
        .or(() -> runSecret.map(WebhookOptions::writeRunSecret)).map(WebhookSignature::new);
    InetSocketAddress address = new InetSocketAddress(bind, port);
    if (address.isUnresolved()) {
      throw new UserInputException("--webhook-bind " + bind + ": not an address of this host");
    }
    TemporalConnection connection = TemporalConnection.open(temporalAddress, namespace);
    try {
      return Optional.of(new Served(AnnotationsWebhook.start(address, signature,
          new AnnotationsDelivery(connection.client())), connection, runSecret));
    } catch (BindException e) {
      connection.close();
      throw new UserInputException("webhook: port " + port + " on " + bind + " is taken: pass "
          + "--webhook-port with another port (0: any free one), or --no-webhook", e);
    } catch (IOException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /**
   * Writes a new secret, replacing the last run's, readable by the owner only where the file
   * system has POSIX permissions.
   */
  private static String writeRunSecret(Path file) {
    String secret = WebhookSignature.newSecret();
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.deleteIfExists(file);
      if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rw-------")));
      }
      Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserInputException("cannot write the webhook secret for this run to " + file
          + ": " + e.getMessage() + "; set " + WebhookSignature.SECRET_ENV + " instead", e);
    }
    return secret;
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
