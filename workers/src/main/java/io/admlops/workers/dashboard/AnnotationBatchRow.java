package io.admlops.workers.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A labeling batch of a campaign: what was sent, what came back and what QA made of it.
 *
 * @param batch the batch id
 * @param iteration the iteration that sent it
 * @param frames frames sent for labeling, as the iteration's annotate stage recorded, or null
 * @param vendor who labels it
 * @param status {@code requested}, {@code returned}, {@code accepted}, {@code rework} or
 *     {@code abandoned}
 * @param exportUri the labeling job's folder in the dataset store
 * @param returnUri where the latest returned labels are, or null
 * @param returnFormat their format, or null
 * @param reworkCount how often labels were sent back
 * @param qaReport the latest QA report, or null before labels came back
 * @param requestedAt when it was sent
 * @param returnedAt when labels last came back, or null
 * @param decidedAt when it was accepted or abandoned, or null
 */
public record AnnotationBatchRow(String batch, int iteration, Integer frames, String vendor,
    String status, String exportUri, String returnUri, String returnFormat, int reworkCount,
    JsonNode qaReport, Instant requestedAt, Instant returnedAt, Instant decidedAt) {}
