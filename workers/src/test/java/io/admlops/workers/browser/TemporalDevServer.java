package io.admlops.workers.browser;

import io.admlops.workers.stack.TemporalConnection;
import io.admlops.workflows.loop.LoopSearchAttributes;
import io.temporal.common.SearchAttributeKey;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Temporal's real dev server ({@code temporal server start-dev}), the one
 * {@code scripts/temporal-dev-server} runs, with its Web UI: on free loopback ports, in memory,
 * with the loop's search attributes registered as the script registers them, and stopped on
 * close.
 */
public final class TemporalDevServer implements AutoCloseable {

  /** How a machine gets the CLI: the script builds it from the Go module registry. */
  public static final String INSTALL = "scripts/temporal-dev-server --install";

  private static final Duration STARTUP = Duration.ofSeconds(60);

  private final Process process;
  private final Path log;
  private final int grpcPort;
  private final int uiPort;

  private TemporalDevServer(Process process, Path log, int grpcPort, int uiPort) {
    this.process = process;
    this.log = log;
    this.grpcPort = grpcPort;
    this.uiPort = uiPort;
  }

  /**
   * The CLI where the script looks for it: on the {@code PATH}, else where {@code go install}
   * put it ({@code $(go env GOPATH)/bin}).
   */
  public static Optional<Path> findCli(Map<String, String> env) {
    Optional<Path> onPath = Executables.onPath(env, "temporal");
    if (onPath.isPresent()) {
      return onPath;
    }
    Optional<Path> go = Executables.onPath(env, "go");
    if (go.isEmpty()) {
      return Optional.empty();
    }
    try {
      Process goEnv = new ProcessBuilder(go.get().toString(), "env", "GOPATH")
          .redirectErrorStream(true).start();
      String gopath = new String(goEnv.getInputStream().readAllBytes(),
          StandardCharsets.UTF_8).strip();
      if (goEnv.waitFor() != 0 || gopath.isEmpty()) {
        return Optional.empty();
      }
      return Executables.executable(Path.of(gopath, "bin", "temporal"));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The CLI, else the running test is skipped or failed (see {@link RequiredTool}). */
  public static Path requiredCli() {
    return RequiredTool.require(findCli(System.getenv()),
        "the Temporal UI tests need the Temporal CLI (" + INSTALL + ")");
  }

  /**
   * Starts the server and waits until its gRPC service and its UI answer.
   *
   * @param folder where the server's log is written
   */
  public static TemporalDevServer start(Path cli, Path folder) throws IOException {
    int grpcPort = freePort();
    int uiPort = freePort();
    List<String> command = new ArrayList<>(List.of(cli.toString(), "server", "start-dev",
        "--ip", "127.0.0.1", "--port", Integer.toString(grpcPort),
        "--ui-port", Integer.toString(uiPort), "--log-level", "warn"));
    for (String attribute : searchAttributes()) {
      command.add("--search-attribute");
      command.add(attribute);
    }
    Path log = Files.createDirectories(folder).resolve("temporal-dev-server.log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    TemporalDevServer server = new TemporalDevServer(process, log, grpcPort, uiPort);
    try {
      server.awaitReady();
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** host:port of the gRPC service, for workers and clients. */
  public String address() {
    return "127.0.0.1:" + grpcPort;
  }

  /** The Web UI's address, without a trailing slash. */
  public String uiUrl() {
    return "http://127.0.0.1:" + uiPort;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private void awaitReady() throws IOException {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (!answers(uiUrl() + "/api/v1/settings")) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the Temporal dev server exited with "
            + process.exitValue() + ": " + Files.readString(log).strip());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the Temporal dev server's UI did not answer within "
            + STARTUP.toSeconds() + " s: " + Files.readString(log).strip());
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the dev server started", e);
      }
    }
    // Checks the gRPC service's health, the way every admlops process connects.
    TemporalConnection.open(address(), "default").close();
  }

  private static boolean answers(String url) {
    try {
      HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
      connection.setConnectTimeout(1000);
      connection.setReadTimeout(1000);
      try {
        return connection.getResponseCode() == 200;
      } finally {
        connection.disconnect();
      }
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The loop's search attributes as the CLI takes them, {@code CampaignName=Keyword}, ...: the
   * ones the workflows upsert, which a Temporal service refuses unless they are registered.
   */
  static List<String> searchAttributes() {
    return LoopSearchAttributes.KEYS.stream()
        .map(key -> key.getName() + "=" + cliTypeName(key)).toList();
  }

  /** The CLI's name of a search attribute type: {@code KEYWORD_LIST} is {@code KeywordList}. */
  private static String cliTypeName(SearchAttributeKey<?> key) {
    String type = key.getValueType().name().replace("INDEXED_VALUE_TYPE_", "");
    StringBuilder name = new StringBuilder();
    for (String word : type.split("_")) {
      name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
    }
    return name.toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
