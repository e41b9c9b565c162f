package io.admlops.workers.cli;

import io.admlops.workers.doctor.Doctor;
import io.admlops.workers.stack.StackSettings;
import io.admlops.workers.stack.TemporalConnection;
import io.admlops.workflows.probe.ProbeReport;
import io.admlops.workflows.probe.QueueHealth;
import io.admlops.workflows.probe.WorkerFacts;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code admlops doctor}: is every task queue served, and by what. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
    description = {
        "Runs a probe workflow with one activity on each task queue and prints, per queue,",
        "the worker's host, DJL engine and device, free space under DATASET and MODELZOO and",
        "the PostgreSQL it reaches. A queue without a worker is reported after --timeout.",
        "Exit status 0 when every queue is healthy, 1 otherwise."})
class DoctorCommand implements Callable<Integer> {

  @Mixin TemporalOptions temporal;

  @Option(names = "--timeout", defaultValue = "5", paramLabel = "SECONDS",
      description = "How long a queue may stay silent. Default: ${DEFAULT-VALUE}.")
  int timeoutSeconds;

  @Mixin QueueOptions queueOptions;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    StackSettings settings = Settings.of(temporal, null);
    ProbeReport report;
    try (TemporalConnection connection =
        TemporalConnection.open(settings.temporalAddressOrDefault(), settings.namespace())) {
      report = new Doctor(connection.client())
          .examine(queueOptions.queues, Duration.ofSeconds(timeoutSeconds));
    }
    PrintWriter out = spec.commandLine().getOut();
    report.queues().forEach(q -> print(out, q));
    out.flush();
    return report.queues().stream().allMatch(QueueHealth::healthy) ? 0 : 1;
  }

  private static void print(PrintWriter out, QueueHealth health) {
    if (!health.healthy()) {
      out.printf("%-18s MISSING  %s%n", health.queue(), health.problem());
      return;
    }
    WorkerFacts w = health.worker();
    out.printf("%-18s healthy%n", health.queue());
    out.printf("    worker    %s%n", w.host());
    out.printf("    engine    %s%n", w.device());
    out.printf("    DATASET   %s (%s free)%n", w.datasetRoot(), bytes(w.datasetFreeBytes()));
    out.printf("    MODELZOO  %s (%s free)%n", w.modelZooRoot(), bytes(w.modelZooFreeBytes()));
    out.printf("    database  %s%n", w.database());
  }

  static String bytes(long n) {
    double gib = n / (1024.0 * 1024 * 1024);
    return gib >= 1 ? String.format("%.1f GiB", gib) : String.format("%.0f MiB", n / 1048576.0);
  }
}
