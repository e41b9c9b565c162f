package io.admlops.workflows.deploy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What to export and which frames to check it on.
 *
 * @param model the candidate, {@code name:version}
 * @param dataset the dataset whose frames the check runs on
 * @param datasetVersion its version, the one the candidate was evaluated on
 * @param split the split evaluated, e.g. {@code test}
 * @param frames how many of the split's frames to check on, at least 1
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExportRequest(String model, String dataset, int datasetVersion, String split,
    int frames) {}
