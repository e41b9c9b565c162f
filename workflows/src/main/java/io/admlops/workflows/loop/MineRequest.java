package io.admlops.workflows.loop;

/**
 * Which new frames to choose for labeling.
 *
 * @param campaign the campaign's name
 * @param iteration the iteration, from 1
 * @param collectedManifest the iteration's new unlabeled frames, relative to the store
 * @param dataset the dataset whose scene mix makes a frame rare or common
 * @param datasetVersion its current version
 * @param productionModel the model whose doubts and embeddings guide the choice
 * @param strategy {@code mined} or {@code random}
 * @param budget frames to choose at most
 * @param seed seeds the random strategy and ties
 */
public record MineRequest(String campaign, int iteration, String collectedManifest,
    String dataset, int datasetVersion, String productionModel, String strategy, int budget,
    long seed) {}
