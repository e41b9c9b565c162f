package io.admlops.activities.datasets;

import java.util.SortedMap;

/**
 * A version as {@code dataset show} shows it.
 *
 * @param info the version, with its split counts and parent
 * @param objectsPerClass labeled objects per class, by class name
 */
public record VersionDetail(DatasetVersionInfo info, SortedMap<String, Long> objectsPerClass) {}
