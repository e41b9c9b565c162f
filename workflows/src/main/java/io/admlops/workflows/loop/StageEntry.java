package io.admlops.workflows.loop;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/**
 * A stage of an iteration entered, waiting or left.
 *
 * @param iterationWorkflowId the iteration's workflow id
 * @param stage {@code collect}, {@code analyze}, {@code mine}, {@code annotate},
 *     {@code convert}, {@code train}, {@code evaluate} or {@code deploy}
 * @param status {@code running}, {@code waiting} (for labels or approval), {@code completed}
 *     or {@code failed}
 * @param at when, epoch milliseconds of the workflow's clock
 * @param detail the stage's outputs (keys in docs/campaigns.md), or null to keep what the
 *     row holds
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StageEntry(String iterationWorkflowId, String stage, String status, long at,
    Map<String, Object> detail) {}
