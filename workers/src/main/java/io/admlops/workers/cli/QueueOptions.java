package io.admlops.workers.cli;

import io.admlops.workflows.TaskQueues;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --queues}: which task queues a command serves or probes; all three by default. */
public class QueueOptions {

  @Option(names = "--queues", defaultValue = "workflows,cpu,gpu", paramLabel = "LIST",
      converter = QueuesConverter.class,
      description = "Task queues, of workflows,cpu,gpu. Default: ${DEFAULT-VALUE}.")
  List<TaskQueues> queues;
}
