package io.admlops.workers.dashboard;

import java.util.List;

/**
 * A mined frame as the gallery shows it.
 *
 * @param id the frame's id
 * @param image the URL of its image, or null when the image is not in the dataset store
 * @param width the image's width in pixels
 * @param height its height
 * @param reasons why the miner chose it, e.g. {@code uncertain}, {@code rare:night}
 * @param timeOfDay the frame's time of day, or null
 * @param weather its weather, or null
 * @param predicted the production model's detections, with scores
 * @param labeled the accepted labels, or null while no labels were accepted
 */
public record GalleryFrame(String id, String image, int width, int height,
    List<String> reasons, String timeOfDay, String weather, List<DrawnBox> predicted,
    List<DrawnBox> labeled) {}
