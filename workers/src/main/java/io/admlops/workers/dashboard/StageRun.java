package io.admlops.workers.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One stage of an iteration as the loop journal recorded it.
 *
 * @param stage {@code collect}, {@code analyze}, {@code mine}, {@code annotate},
 *     {@code convert}, {@code train}, {@code evaluate} or {@code deploy}
 * @param status {@code running}, {@code waiting}, {@code completed}, {@code failed} or
 *     {@code skipped}
 * @param attempts how often the stage was begun
 * @param startedAt when it began, on the workflow's clock
 * @param finishedAt when it ended, or null while it runs or waits
 * @param seconds how long it took, or has taken so far while it runs or waits; null for a
 *     skipped stage
 * @param detail the stage's outputs as the journal keeps them, or null
 */
public record StageRun(String stage, String status, int attempts, Instant startedAt,
    Instant finishedAt, Double seconds, JsonNode detail) {}
