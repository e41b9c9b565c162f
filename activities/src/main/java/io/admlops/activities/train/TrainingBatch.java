package io.admlops.activities.train;

/**
 * A batch ready for the network, as flat float arrays in the layouts of
 * {@link io.admlops.activities.detector.HeatmapTargets}, frame after frame.
 *
 * @param frames frames in the batch
 * @param images {@code frames * 3 * height * width} normalized pixels
 * @param heatmap target heatmaps
 * @param size target sizes
 * @param offset target offsets
 * @param mask object centers
 */
record TrainingBatch(int frames, float[] images, float[] heatmap, float[] size,
    float[] offset, float[] mask) {}
