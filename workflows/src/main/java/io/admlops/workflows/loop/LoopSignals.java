package io.admlops.workflows.loop;

/**
 * Names of the campaign workflow's signals and queries, for callers that address it without
 * its Java interface (the webhook, the CLI, the Temporal UI's forms).
 */
public final class LoopSignals {

  /** Signal: {@link AnnotationsReturned} for a batch the campaign waits for. */
  public static final String ANNOTATIONS_RETURNED = "annotationsReturned";
  /** Query: the campaign's {@code CampaignStatus}. */
  public static final String STATUS = "status";

  private LoopSignals() {}

  /** The workflow id of a campaign. */
  public static String campaignWorkflowId(String campaign) {
    return "campaign-" + campaign;
  }
}
