package io.admlops.workflows.loop;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An iteration that ended.
 *
 * @param iterationWorkflowId the iteration's workflow id
 * @param status {@code completed} or {@code failed}
 * @param at when, epoch milliseconds of the workflow's clock
 * @param summary what it did; null when it failed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IterationEnd(String iterationWorkflowId, String status, long at,
    IterationSummary summary) {}
