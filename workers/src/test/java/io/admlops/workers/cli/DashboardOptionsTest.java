package io.admlops.workers.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admlops.activities.store.RegistryDatabase;
import io.admlops.activities.store.TestDatabase;
import io.admlops.schemas.UserInputException;
import io.admlops.workers.dashboard.DashboardServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The dashboard flags of {@code up} and {@code worker}, as those commands start it. */
class DashboardOptionsTest {

  @TempDir Path store;

  private static RegistryDatabase registry;

  @BeforeAll
  static void openRegistry() {
    registry = TestDatabase.freshRegistry();
  }

  @Test
  void upAndWorkerServeTheDashboardOnLoopbackPort8080UnlessToldOtherwise() {
    for (String command : new String[] {"up", "worker"}) {
      CliRun help = CliRun.of(command, "--help");

      assertEquals(0, help.exitCode(), help.err());
      assertTrue(help.out().contains("--dashboard=HOST:PORT"), help.out());
      assertTrue(help.out().contains("Default: 127.0.0.1:8080."), help.out());
      assertTrue(help.out().contains("--no-dashboard"), help.out());
    }
  }

  @Test
  void servesTheDashboardAtTheAddressItIsGiven() throws Exception {
    try (DashboardServer dashboard = parse("--dashboard", "127.0.0.1:0")
        .serve(registry, store).orElseThrow()) {
      HttpResponse<String> page = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(dashboard.url()).build(), HttpResponse.BodyHandlers.ofString());

      assertTrue(dashboard.url().toString().matches("http://127\\.0\\.0\\.1:\\d+/"),
          dashboard.url().toString());
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("<h1>Campaigns</h1>"), page.body());
    }
  }

  @Test
  void aTakenPortIsOneLineNamingTheFlagsAroundIt() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String address = "127.0.0.1:" + taken.getLocalPort();
      DashboardOptions options = parse("--dashboard", address);

      UserInputException e = assertThrows(UserInputException.class,
          () -> options.serve(registry, store));

      assertTrue(e.getMessage().startsWith("dashboard: cannot listen on " + address + " ("),
          e.getMessage());
      assertTrue(e.getMessage().endsWith("): pass --dashboard HOST:PORT with another port "
          + "(0: any free one), or --no-dashboard"), e.getMessage());
      assertEquals(1, e.getMessage().lines().count());
    }
  }

  @Test
  void anAddressWithoutAPortIsRefusedNamingTheFlag() {
    UserInputException e = assertThrows(UserInputException.class,
        () -> parse("--dashboard", "8080").serve(registry, store));

    assertEquals("--dashboard 8080: expected HOST:PORT, e.g. 127.0.0.1:8080", e.getMessage());
  }

  @Test
  void noDashboardServesNothing() throws Exception {
    assertTrue(parse("--no-dashboard").serve(registry, store).isEmpty());
  }

  private static DashboardOptions parse(String... args) {
    DashboardOptions options = new DashboardOptions();
    new CommandLine(options).parseArgs(args);
    return options;
  }
}
