package io.admlops.workflows.loop;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A labeling batch an iteration stopped waiting for.
 *
 * @param batchId the batch's id
 * @param at when, epoch milliseconds of the workflow's clock
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BatchAbandoned(String batchId, long at) {}
