package io.admlops.workers.cli;

import io.admlops.activities.store.RegistryDatabase;
import io.admlops.schemas.UserInputException;
import io.admlops.workers.dashboard.DashboardServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** The campaign dashboard that {@code up} and {@code worker} serve beside their work. */
public class DashboardOptions {

  private static final Pattern HOST_PORT = Pattern.compile("(.+):(\\d{1,5})");

  /** Where the dashboard listens unless told otherwise. */
  static final String DEFAULT_ADDRESS = "127.0.0.1:8080";

  @Option(names = "--dashboard", defaultValue = DEFAULT_ADDRESS, paramLabel = "HOST:PORT",
      description = "Where the campaign dashboard listens (port 0: any free port; "
          + "0.0.0.0:PORT takes requests from other machines). Default: ${DEFAULT-VALUE}.")
  String address;

  @Option(names = "--no-dashboard", description = "Serve no dashboard (e.g. a second worker "
      + "on this machine).")
  boolean disabled;

  /**
   * Starts the dashboard, unless disabled.
   *
   * @param registry the registry it reads
   * @param datasetStore the dataset store it shows frames from
   * @throws UserInputException when the address is malformed or cannot be listened on, naming
   *     the flags that change it
   */
  Optional<DashboardServer> serve(RegistryDatabase registry, Path datasetStore)
      throws IOException {
    if (disabled) {
      return Optional.empty();
    }
    InetSocketAddress where = parse();
    try {
      return Optional.of(DashboardServer.start(where, registry.dsl(), datasetStore));
    } catch (BindException e) {
      throw new UserInputException("dashboard: cannot listen on " + address + " ("
          + e.getMessage() + "): pass --dashboard HOST:PORT with another port (0: any free "
          + "one), or --no-dashboard", e);
    }
  }

  private InetSocketAddress parse() {
    Matcher m = HOST_PORT.matcher(address);
    int port = m.matches() ? Integer.parseInt(m.group(2)) : -1;
    if (port < 0 || port > 65_535) {
      throw new UserInputException("--dashboard " + address + ": expected HOST:PORT, e.g. "
          + "127.0.0.1:8080");
    }
    InetSocketAddress where = new InetSocketAddress(m.group(1), port);
    if (where.isUnresolved()) {
      throw new UserInputException("--dashboard " + address + ": " + m.group(1)
          + " is not an address of this host");
    }
    return where;
  }
}
