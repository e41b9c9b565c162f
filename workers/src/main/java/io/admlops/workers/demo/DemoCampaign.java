package io.admlops.workers.demo;

import io.admlops.schemas.UserInputException;
import io.admlops.workflows.FailureMessages;
import io.admlops.workflows.TaskQueues;
import io.admlops.workflows.loop.CampaignConfig;
import io.admlops.workflows.loop.CampaignStatus;
import io.admlops.workflows.loop.CampaignWorkflow;
import io.admlops.workflows.loop.IterationSummary;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The demo's campaign, started like any other and followed through its queries: each stage
 * an iteration enters is said as it happens, each finished iteration printed as a row.
 */
public final class DemoCampaign {

  private static final Duration POLL = Duration.ofSeconds(1);

  private final CampaignWorkflow campaign;
  private final CompletableFuture<Void> result;

  private DemoCampaign(CampaignWorkflow campaign) {
    this.campaign = campaign;
    this.result = WorkflowStub.fromTyped(campaign).getResultAsync(Void.class);
  }

  /** Starts {@code campaign-<name>} on the workflows queue. */
  public static DemoCampaign start(WorkflowClient client, CampaignConfig config) {
    CampaignWorkflow campaign = client.newWorkflowStub(CampaignWorkflow.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId("campaign-" + config.name())
            .setTaskQueue(TaskQueues.WORKFLOWS_QUEUE)
            .build());
    WorkflowClient.start(campaign::run, config, null);
    return new DemoCampaign(campaign);
  }

  /**
   * Follows the campaign until it finishes, printing stages and, through {@code report},
   * rows to {@code out}; returns the campaign's history.
   */
  public List<IterationSummary> follow(DemoReport report, PrintWriter out)
      throws InterruptedException {
    int printed = 0;
    String lastStage = null;
    report.printHeader(out);
    while (true) {
      // Looked at before the history, so the last rows are read after the campaign ended.
      boolean ended = ended();
      List<IterationSummary> history = campaign.history();
      for (; printed < history.size(); printed++) {
        report.printRow(out, history.get(printed));
      }
      if (ended) {
        return history;
      }
      CampaignStatus status = campaign.status();
      String stage = status.stage() == null ? null
          : "iteration " + status.iteration() + ": " + status.stage();
      if (stage != null && !Objects.equals(stage, lastStage)) {
        out.println("  .. " + stage);
        out.flush();
      }
      lastStage = stage;
      Thread.sleep(POLL.toMillis());
    }
  }

  /**
   * Whether the campaign has finished.
   *
   * @throws UserInputException when it failed, with the reason, e.g. an invalid model config
   */
  private boolean ended() {
    if (!result.isDone()) {
      return false;
    }
    try {
      result.join();
      return true;
    } catch (CompletionException e) {
      throw new UserInputException("the demo campaign failed: "
          + FailureMessages.rootMessage(e), e);
    }
  }
}
