package io.admlops.workers.cli;

import io.admlops.activities.store.RegistryDatabase;
import io.admlops.schemas.UserInputException;
import io.admlops.workers.dashboard.DashboardServer;
import io.admlops.workers.stack.StackSettings;
import io.admlops.workers.stack.TemporalConnection;
import io.admlops.workers.stack.WorkerHost;
import io.admlops.workflows.TaskQueues;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code admlops worker}: one worker process against external services; how the loop scales. */
@Command(name = "worker", mixinStandardHelpOptions = true,
    description = {
        "Runs workers on the named task queues against a Temporal service and PostgreSQL",
        "that run elsewhere. Start more of these on more machines to scale out."})
class WorkerCommand implements Callable<Integer> {

  @Mixin TemporalOptions temporal;
  @Mixin DatabaseOptions database;

  @Mixin QueueOptions queueOptions;
  @Mixin WebhookOptions webhookOptions;
  @Mixin DashboardOptions dashboardOptions;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    StackSettings settings = Settings.of(temporal, database);
    Optional<RegistryDatabase> registry = Optional.empty();
    if (queueOptions.queues.stream().anyMatch(q -> q != TaskQueues.WORKFLOWS)) {
      registry = Optional.of(RegistryDatabase.open(settings.database().orElseThrow(() ->
          new UserInputException("the cpu and gpu queues write to the registry: pass --db-url "
              + "or set ADMLOPS_DB_URL (admlops up prints its database URL)"))));
    }
    TemporalConnection connection =
        TemporalConnection.open(settings.temporalAddressOrDefault(), settings.namespace());
    WorkerHost host = WorkerHost.start(connection.client(), queueOptions.queues,
        settings.storage(), registry);
    ShutdownOnSignal.closeOnExit(() -> {
      host.close();
      connection.close();
    });
    Optional<WebhookOptions.Served> webhook =
        webhookOptions.serve(connection.address(), settings.namespace(), Optional.empty());
    webhook.ifPresent(ShutdownOnSignal::closeOnExit);
    webhook.ifPresent(w -> host.simulatedVendor().deliverThrough(w.webhook()));
    // The dashboard reads the registry, which only a worker on the cpu or gpu queue opens.
    Optional<DashboardServer> dashboard = registry.isEmpty() ? Optional.empty()
        : dashboardOptions.serve(registry.get(), settings.storage().datasets());
    dashboard.ifPresent(ShutdownOnSignal::closeOnExit);
    spec.commandLine().getOut().printf("worker polling %s at %s; Ctrl-C stops it%n",
        queueOptions.queues.stream().map(TaskQueues::taskQueue).collect(Collectors.joining(", ")),
        connection.address());
    webhook.ifPresent(w ->
        spec.commandLine().getOut().printf("webhook for labeling vendors at %s%n", w.describe()));
    dashboard.ifPresent(d ->
        spec.commandLine().getOut().printf("campaign dashboard at %s%n", d.url()));
    spec.commandLine().getOut().flush();
    ShutdownOnSignal.awaitExit();
    return 0;
  }
}
