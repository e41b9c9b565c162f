package io.admlops.workflows.loop;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A campaign's row in the loop journal.
 *
 * @param workflowId the campaign's workflow id, {@code campaign-<name>}
 * @param config the config as the campaign last received it, defaults applied
 * @param status {@code running}, {@code paused} or {@code completed}
 * @param at when, epoch milliseconds of the workflow's clock
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CampaignEntry(String workflowId, CampaignConfig config, String status,
    long at) {}
