/**
 * Trained model versions: the registry rows that name them, their lineage and aliases, and
 * the model zoo folders ({@code $MODELZOO/<model>/<run>/}) that hold their weights, resolved
 * config, ONNX export and model card.
 */
package io.admlops.activities.modelzoo;
