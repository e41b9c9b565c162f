package io.admlops.workflows.loop;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What an iteration sends for labeling.
 *
 * @param campaign the campaign's name
 * @param iteration the iteration, from 1
 * @param minedManifest the mined frames with their pre-annotations, relative to the store
 * @param groundTruth the collected batch's ground truth ({@code ground-truth/<batch>/})
 *     relative to the store, or null when the source had none; the simulated vendor answers
 *     with it
 * @param definition the dataset definition the labeling spec follows
 * @param labeling the campaign's labeling policy, defaults applied: which vendor answers, and
 *     how the simulated one behaves
 * @param dataset the registry dataset the labels are for; null from iterations that sent
 *     their request before it was named
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LabelsRequest(String campaign, int iteration, String minedManifest,
    String groundTruth, String definition, CampaignConfig.Labeling labeling, String dataset) {}
