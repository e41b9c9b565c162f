package io.admlops.workflows.loop;

import java.util.Map;

/**
 * The frames chosen for labeling.
 *
 * @param manifest the chosen frames with the production model's detections as
 *     pre-annotations and why each was chosen as tags, relative to the store
 * @param chosen frames chosen
 * @param reasons how many frames each reason tag chose, e.g. {@code mined:rare:night}
 */
public record MineResult(String manifest, int chosen, Map<String, Integer> reasons) {}
