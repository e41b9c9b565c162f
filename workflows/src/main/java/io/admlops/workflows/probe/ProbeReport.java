package io.admlops.workflows.probe;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** One entry per probed queue, in the order they were asked for. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProbeReport(List<QueueHealth> queues) {}
