package io.admlops.workers.cli;

import io.admlops.activities.model.ComputeDevice;
import io.admlops.workers.dashboard.DashboardServer;
import io.admlops.workers.stack.DevStack;
import io.admlops.workers.stack.EmbeddedTemporalServer;
import io.admlops.workers.stack.StackSettings;
import io.admlops.workflows.TaskQueues;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code admlops up}: everything on one machine, until Ctrl-C. */
@Command(name = "up", mixinStandardHelpOptions = true,
    description = {
        "Starts the stack on this machine: PostgreSQL and Temporal (embedded unless --db-url /",
        "--temporal name external ones) and a worker on every task queue. Ctrl-C stops it."})
class UpCommand implements Callable<Integer> {

  /** The file, under {@code ADMLOPS_HOME}, of the webhook secret made when none is set. */
  static final String RUN_SECRET = "webhook-secret";

  @Mixin TemporalOptions temporal;
  @Mixin DatabaseOptions database;

  @Option(names = "--temporal-port", defaultValue = "7233", paramLabel = "PORT",
      description = "Port of the embedded Temporal service on 127.0.0.1 (0: any free port). "
          + "Default: ${DEFAULT-VALUE}.")
  int temporalPort;

  @Mixin QueueOptions queueOptions;
  @Mixin WebhookOptions webhookOptions;
  @Mixin DashboardOptions dashboardOptions;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    long startedAt = System.nanoTime();
    StackSettings settings = Settings.of(temporal, database);
    DevStack stack = DevStack.start(settings, queueOptions.queues, temporalPort);
    ShutdownOnSignal.closeOnExit(stack);
    // The embedded stack is the demo's: a secret made for the run lets its simulated labeling
    // vendor answer through the webhook without any setup.
    Optional<WebhookOptions.Served> webhook = webhookOptions.serve(stack.temporalAddress(),
        settings.namespace(), Optional.of(settings.home().resolve(RUN_SECRET)));
    webhook.ifPresent(ShutdownOnSignal::closeOnExit);
    webhook.ifPresent(w -> stack.simulatedVendor().deliverThrough(w.webhook()));
    Optional<DashboardServer> dashboard =
        dashboardOptions.serve(stack.registry(), settings.storage().datasets());
    dashboard.ifPresent(ShutdownOnSignal::closeOnExit);
    double seconds = (System.nanoTime() - startedAt) / 1e9;
    printWhereEverythingIs(spec.commandLine().getOut(), settings, stack, webhook, dashboard,
        seconds);
    ShutdownOnSignal.awaitExit();
    return 0;
  }

  private void printWhereEverythingIs(PrintWriter out, StackSettings settings, DevStack stack,
      Optional<WebhookOptions.Served> webhook, Optional<DashboardServer> dashboard,
      double seconds) {
    out.printf("admlops is up (ready in %.1f s)%n", seconds);
    out.printf("  Temporal     %s%s%n", stack.temporalAddress(),
        stack.temporalEmbedded() ? "  (in-memory, in this process)" : "");
    out.printf("  Temporal UI  %s%n", stack.temporalEmbedded()
        ? "none for the in-memory service; scripts/temporal-dev-server serves one on "
            + "http://127.0.0.1:8233"
        : "where that service serves it (the dev server: http://127.0.0.1:8233)");
    out.printf("  PostgreSQL   %s%s%n", stack.database(),
        settings.database().isEmpty() ? "  (embedded, data in " + settings.postgresData() + ")"
            : "");
    out.printf("  DATASET      %s%n", settings.storage().datasets());
    out.printf("  MODELZOO     %s%n", settings.storage().modelZoo());
    out.printf("  workers      %s%n",
        queueOptions.queues.stream().map(TaskQueues::taskQueue).collect(Collectors.joining(", ")));
    webhook.ifPresent(w -> out.printf("  webhook      %s%n", w.describe()));
    dashboard.ifPresent(d -> out.printf("  dashboard    %s%n", d.url()));
    if (queueOptions.queues.contains(TaskQueues.GPU)) {
      out.printf("  gpu device   %s%n", ComputeDevice.local().describe());
    }
    if (stack.temporalEmbedded()) {
      out.printf("Note: %s.%n", EmbeddedTemporalServer.LIMITS);
    }
    out.println("Ctrl-C stops everything.");
    out.flush();
  }
}
