package io.admlops.workflows.probe;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Input of one probe activity.
 *
 * @param queue the task queue the activity was sent to, echoed back in the facts
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProbeInput(String queue) {}
