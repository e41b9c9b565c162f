package io.admlops.workflows.loop;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An iteration that began.
 *
 * @param campaignWorkflowId the parent campaign's workflow id
 * @param config the campaign's config, for its row when it has none yet
 * @param iteration the iteration, from 1
 * @param workflowId the iteration's workflow id, which its later entries name
 * @param at when, epoch milliseconds of the workflow's clock
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IterationStart(String campaignWorkflowId, CampaignConfig config, int iteration,
    String workflowId, long at) {}
