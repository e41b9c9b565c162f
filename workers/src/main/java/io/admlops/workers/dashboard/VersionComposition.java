package io.admlops.workers.dashboard;

import java.time.Instant;
import java.util.Map;

/**
 * A dataset version's size and make-up.
 *
 * @param version its number
 * @param parent the version it was derived from, or null
 * @param frames frames in it
 * @param objects labeled objects in those frames
 * @param note what made it, e.g. the iteration that added labeled frames
 * @param createdAt when it was registered
 * @param framesByTimeOfDay frames per time of day; {@code unknown} where the frame does not
 *     say
 * @param framesByWeather frames per weather, likewise
 * @param objectsByClass labeled objects per class
 */
public record VersionComposition(int version, Integer parent, int frames, int objects,
    String note, Instant createdAt, Map<String, Integer> framesByTimeOfDay,
    Map<String, Integer> framesByWeather, Map<String, Integer> objectsByClass) {}
