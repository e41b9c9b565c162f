package io.admlops.workflows.probe;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Duration;
import java.util.List;

/**
 * Which queues to probe and how long a queue may stay silent before it is reported as having
 * no worker.
 *
 * @param queues Temporal task queue names
 * @param queueTimeout how long an activity may wait for a worker to pick it up
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProbeRequest(List<String> queues, Duration queueTimeout) {}
