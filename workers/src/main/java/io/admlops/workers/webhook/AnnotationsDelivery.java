package io.admlops.workers.webhook;

import io.admlops.workflows.TaskQueues;
import io.admlops.workflows.loop.AnnotationsReturned;
import io.admlops.workflows.loop.CampaignStatus;
import io.admlops.workflows.loop.LoopSignals;
import io.admlops.workflows.loop.PendingBatch;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Hands a returned labeling batch to the campaign that waits for it: asks the campaign's
 * {@code status} which batches are pending, refuses a batch that is not among them, and
 * otherwise sends {@code annotationsReturned}. The campaign itself still treats a late or
 * duplicate signal as a no-op; checking first lets the caller hear the reason at once.
 */
public final class AnnotationsDelivery {

  /**
   * How long a caller waits for the campaign's answer. Temporal's client would retry a query
   * nobody answers for a minute; a vendor's HTTP client gives up sooner.
   */
  public static final Duration STATUS_DEADLINE = Duration.ofSeconds(10);

  // Fires the deadlines of status queries; one daemon thread serves every delivery.
  private static final ScheduledExecutorService DEADLINES =
      Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "campaign-status-deadline");
        thread.setDaemon(true);
        return thread;
      });

  private final WorkflowClient client;
  private final Duration statusDeadline;

  public AnnotationsDelivery(WorkflowClient client) {
    this(client, STATUS_DEADLINE);
  }

  AnnotationsDelivery(WorkflowClient client, Duration statusDeadline) {
    this.client = client;
    this.statusDeadline = statusDeadline;
  }

  /**
   * Signals the campaign.
   *
   * @param campaign the campaign's name
   * @throws DeliveryRefused when the campaign does not run, does not wait for the batch or
   *     does not answer
   */
  public Delivered deliver(String campaign, AnnotationsReturned returned) {
    String workflowId = LoopSignals.campaignWorkflowId(campaign);
    WorkflowStub campaignStub = client.newUntypedWorkflowStub(workflowId);
    CampaignStatus status = status(campaignStub, workflowId);
    PendingBatch batch = status.pendingBatches().stream()
        .filter(pending -> pending.batchId().equals(returned.batchId()))
        .findFirst()
        .orElseThrow(() -> notPending(workflowId, returned.batchId(), status));
    try {
      campaignStub.signal(LoopSignals.ANNOTATIONS_RETURNED, returned);
    } catch (WorkflowNotFoundException e) {
      // It finished between the query and the signal.
      throw noCampaign(workflowId, e);
    }
    return new Delivered(workflowId, batch);
  }

  private CampaignStatus status(WorkflowStub campaignStub, String workflowId) {
    // Temporal's client honours the gRPC context's deadline across its retries.
    Context.CancellableContext bounded = Context.current()
        .withDeadlineAfter(statusDeadline.toMillis(), TimeUnit.MILLISECONDS, DEADLINES);
    Context outer = bounded.attach();
    try {
      return campaignStub.query(LoopSignals.STATUS, CampaignStatus.class);
    } catch (WorkflowNotFoundException e) {
      throw noCampaign(workflowId, e);
    } catch (WorkflowException e) {
      throw new DeliveryRefused(DeliveryRefused.Reason.CAMPAIGN_UNAVAILABLE, workflowId
          + " did not answer its status query (is a worker on " + TaskQueues.WORKFLOWS_QUEUE
          + " running?): " + why(e), e);
    } finally {
      bounded.detach(outer);
      bounded.cancel(null);
    }
  }

  private static DeliveryRefused noCampaign(String workflowId, Throwable cause) {
    return new DeliveryRefused(DeliveryRefused.Reason.NO_CAMPAIGN,
        "no running campaign " + workflowId, cause);
  }

  private static DeliveryRefused notPending(String workflowId, String batchId,
      CampaignStatus status) {
    String pending = status.pendingBatches().isEmpty() ? "it waits for no batch now"
        : "it waits for " + status.pendingBatches().stream().map(PendingBatch::batchId)
            .collect(Collectors.joining(", "));
    return new DeliveryRefused(DeliveryRefused.Reason.NOT_PENDING, "batch " + batchId
        + " is not pending in " + workflowId + " (unknown, or its labels were already "
        + "returned); " + pending, null);
  }

  private String why(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    if (root instanceof StatusRuntimeException grpc
        && grpc.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED) {
      return "no answer within " + statusDeadline.toSeconds() + " s";
    }
    return root.getMessage();
  }

  /**
   * A batch handed over.
   *
   * @param workflowId the campaign workflow signaled
   * @param batch the batch as the campaign listed it before the signal
   */
  public record Delivered(String workflowId, PendingBatch batch) {}
}
