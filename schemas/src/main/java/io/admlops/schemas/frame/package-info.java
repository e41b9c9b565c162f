/**
 * The unified frame format: what every importer produces and every exporter, analysis and
 * stage of the loop reads. One {@link io.admlops.schemas.frame.Frame} per line of a dataset
 * manifest ({@code frames.jsonl}).
 */
package io.admlops.schemas.frame;
