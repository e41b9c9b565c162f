package io.admlops.activities.datasets;

import java.time.OffsetDateTime;

/**
 * One registered dataset version.
 *
 * @param id the version's row id in the registry, which runs and evaluations refer to
 * @param dataset the dataset's name
 * @param version its number, 1 for the first
 * @param contentHash SHA-256 over the version's (sample, labels) pairs; also its manifest's name
 * @param frames frames in the version
 * @param objects labeled objects in those frames
 * @param splits frames per split
 * @param parentVersion the version it was built over, or null
 * @param manifestUri the manifest, relative to the dataset store's root
 * @param note what the person or stage that created it wrote, or null
 * @param createdAt when it was registered
 */
public record DatasetVersionInfo(long id, String dataset, int version, String contentHash,
    int frames, int objects, SplitCounts splits, Integer parentVersion, String manifestUri,
    String note, OffsetDateTime createdAt) {}
