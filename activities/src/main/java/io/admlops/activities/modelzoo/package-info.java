/**
 * Trained model versions: the registry rows that name them and the model zoo folders
 * ({@code $MODELZOO/<model>/<run>/}) that hold their weights and resolved config.
 */
package io.admlops.activities.modelzoo;
