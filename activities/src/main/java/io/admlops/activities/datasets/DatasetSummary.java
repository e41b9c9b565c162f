package io.admlops.activities.datasets;

/**
 * A dataset as {@code dataset list} shows it.
 *
 * @param name the dataset's name
 * @param task e.g. {@code detection-2d}
 * @param versions how many versions it has
 * @param latest its newest version, or null when it has none yet
 */
public record DatasetSummary(String name, String task, int versions, DatasetVersionInfo latest) {}
