package io.admlops.workers.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.json.Mappers;
import io.admlops.schemas.json.YamlFiles;
import io.admlops.workers.stack.StackSettings;
import io.admlops.workers.stack.TemporalConnection;
import io.admlops.schemas.json.Mappers;
import io.admlops.workflows.TaskQueues;
import io.admlops.workflows.loop.CampaignConfig;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowExecutionMetadata;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code admlops campaign ...}: start, list, inspect, signal and cancel campaign workflows
 * (id {@code campaign-<name>}, type {@code CampaignWorkflow}) on any Temporal service.
 */
@Command(name = "campaign", mixinStandardHelpOptions = true,
    description = "Starts and inspects dataset-iteration campaigns (workflow id campaign-<name>).",
    subcommands = {
        CampaignCommand.Start.class,
        CampaignCommand.ListCampaigns.class,
        CampaignCommand.StatusCommand.class,
        CampaignCommand.Signal.class,
        CampaignCommand.Cancel.class})
class CampaignCommand {

  static final String WORKFLOW_TYPE = "CampaignWorkflow";
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  static String workflowId(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new UserInputException("campaign name '" + name
          + "': expected lowercase letters, digits and '-', at most 63 characters");
    }
    return "campaign-" + name;
  }

  /** Runs one Temporal operation with a connection, closing it afterwards. */
  abstract static class TemporalSubcommand implements Callable<Integer> {
    @Mixin TemporalOptions temporal;
    @Spec CommandSpec spec;

    <T> T withTemporal(Function<TemporalConnection, T> operation) {
      StackSettings settings = Settings.of(temporal, null);
      try (TemporalConnection connection =
          TemporalConnection.open(settings.temporalAddressOrDefault(), settings.namespace())) {
        return operation.apply(connection);
      }
    }

    PrintWriter out() {
      return spec.commandLine().getOut();
    }
  }

  @Command(name = "start", mixinStandardHelpOptions = true,
      description = {
          "Starts campaign-<name> from a campaign config (YAML or JSON with a 'name' field);",
          "the config is the workflow's input, as in the Temporal UI's Start Workflow form."})
  static class Start extends TemporalSubcommand {
    @Option(names = "--config", required = true, paramLabel = "FILE",
        description = "Campaign config, e.g. configs/campaigns/night-and-fog.yaml.")
    Path config;

    @Override
    public Integer call() {
      JsonNode input = readConfig(config);
      String id = workflowId(input.path("name").asText(""));
      String runId = withTemporal(c -> {
        WorkflowStub stub = c.client().newUntypedWorkflowStub(WORKFLOW_TYPE,
            WorkflowOptions.newBuilder()
                .setWorkflowId(id)
                .setTaskQueue(TaskQueues.WORKFLOWS_QUEUE)
                .build());
        try {
          return stub.start(input).getRunId();
        } catch (WorkflowExecutionAlreadyStarted e) {
          throw new UserInputException(id + " is already running; "
              + "'admlops campaign status' shows it, 'admlops campaign cancel' stops it");
        }
      });
      out().printf("started %s (run %s)%n", id, runId);
      return 0;
    }

    static JsonNode readConfig(Path file) {
      JsonNode node = YamlFiles.read(file, "campaign config");
      if (node == null || !node.isObject()) {
        throw new UserInputException(file + ": expected a mapping with at least a 'name' field");
      }
      if (!node.path("name").isTextual()) {
        throw new UserInputException(file + ": field 'name' is missing or not text");
      }
      // Checked here so a bad config is refused at once instead of failing the workflow.
      try {
        Mappers.json().treeToValue(node, CampaignConfig.class).withDefaults();
      } catch (JsonProcessingException e) {
        throw new UserInputException(file + ": " + e.getOriginalMessage(), e);
      } catch (IllegalArgumentException e) {
        throw new UserInputException(file + ": " + e.getMessage(), e);
      }
      return node;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Lists campaigns, running and closed (needs a Temporal service with "
          + "visibility, such as scripts/temporal-dev-server).")
  static class ListCampaigns extends TemporalSubcommand {
    @Override
    public Integer call() {
      String query = "WorkflowType = '" + WORKFLOW_TYPE + "'";
      List<WorkflowExecutionMetadata> rows = withTemporal(c -> {
        try {
          return c.client().listExecutions(query).toList();
        } catch (StatusRuntimeException e) {
          if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
            throw new UserInputException("the Temporal service at " + c.address()
                + " answers no visibility queries (the in-memory one of 'admlops up' does not); "
                + "run scripts/temporal-dev-server and pass --temporal 127.0.0.1:7233", e);
          }
          throw e;
        }
      });
      if (rows.isEmpty()) {
        out().println("no campaigns");
      }
      for (WorkflowExecutionMetadata row : rows) {
        out().printf("%-40s %-12s started %s%n", row.getExecution().getWorkflowId(),
            statusName(row.getStatus()), row.getStartTime());
      }
      return 0;
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true,
      description = "Shows a campaign's execution state and, while it runs, its 'status' query.")
  static class StatusCommand extends TemporalSubcommand {
    @Parameters(index = "0", paramLabel = "NAME") String name;

    @Override
    public Integer call() {
      String id = workflowId(name);
      withTemporal(c -> {
        DescribeWorkflowExecutionResponse described = describe(c, id);
        WorkflowExecutionInfo info = described.getWorkflowExecutionInfo();
        out().printf("%s  %s%n", id, statusName(info.getStatus()));
        out().printf("  run         %s%n", info.getExecution().getRunId());
        out().printf("  type        %s on %s%n", info.getType().getName(), info.getTaskQueue());
        out().printf("  started     %s%n", instant(info.getStartTime()));
        if (info.hasCloseTime()) {
          out().printf("  closed      %s%n", instant(info.getCloseTime()));
        }
        out().printf("  history     %d events%n", info.getHistoryLength());
        out().printf("  activities  %d pending%n", described.getPendingActivitiesCount());
        return null;
      });
      return 0;
    }

    private static DescribeWorkflowExecutionResponse describe(TemporalConnection c, String id) {
      try {
        return c.client().getWorkflowServiceStubs().blockingStub().describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace(c.client().getOptions().getNamespace())
                .setExecution(WorkflowExecution.newBuilder().setWorkflowId(id))
                .build());
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
          throw new UserInputException("no campaign " + id + " on " + c.address(), e);
        }
        throw e;
      }
    }
  }

  @Command(name = "signal", mixinStandardHelpOptions = true,
      description = "Sends a signal (pause, resume, runNow, approveDeployment, ...) to a campaign.")
  static class Signal extends TemporalSubcommand {
    @Parameters(index = "0", paramLabel = "NAME") String name;
    @Parameters(index = "1", paramLabel = "SIGNAL") String signal;
    @Parameters(index = "2", arity = "0..1", paramLabel = "JSON",
        description = "The signal's argument as JSON, e.g. '{\"batchId\":\"b1\"}'.")
    String argument;

    @Override
    public Integer call() {
      String id = workflowId(name);
      Object[] args = argument == null ? new Object[0] : new Object[] {parseArgument(argument)};
      withTemporal(c -> {
        try {
          c.client().newUntypedWorkflowStub(id).signal(signal, args);
        } catch (WorkflowNotFoundException e) {
          throw new UserInputException("no running campaign " + id + " on " + c.address(), e);
        }
        return null;
      });
      out().printf("sent %s to %s%n", signal, id);
      return 0;
    }

    private static JsonNode parseArgument(String json) {
      try {
        return Mappers.json().readTree(json);
      } catch (JsonProcessingException e) {
        throw new UserInputException("signal argument is not JSON: " + e.getOriginalMessage(), e);
      }
    }
  }

  @Command(name = "cancel", mixinStandardHelpOptions = true,
      description = "Asks a campaign to stop; it finishes its current step cleanly.")
  static class Cancel extends TemporalSubcommand {
    @Parameters(index = "0", paramLabel = "NAME") String name;
    @Option(names = "--reason", defaultValue = "cancelled from the command line")
    String reason;

    @Override
    public Integer call() {
      String id = workflowId(name);
      withTemporal(c -> {
        try {
          c.client().newUntypedWorkflowStub(id).cancel(reason);
        } catch (WorkflowNotFoundException e) {
          throw new UserInputException("no running campaign " + id + " on " + c.address(), e);
        }
        return null;
      });
      out().printf("asked %s to cancel%n", id);
      return 0;
    }
  }

  private static String statusName(io.temporal.api.enums.v1.WorkflowExecutionStatus status) {
    return status.name().replace("WORKFLOW_EXECUTION_STATUS_", "").toLowerCase();
  }

  private static Instant instant(com.google.protobuf.Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }
}
