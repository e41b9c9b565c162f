package io.admlops.workflows.collect;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What to collect.
 *
 * @param source {@code generator} (the scenario generator) or {@code folder} (an inbox of
 *     real drive-log frames)
 * @param mix for the generator: the scenario mix file, e.g. {@code configs/collect/fleet.yaml}
 * @param seed for the generator: same mix, seed and frame count give the same frames
 * @param frames for the generator: how many frames
 * @param inbox for the folder source: the folder frames are dropped into
 * @param labelsFormat for the folder source: the format of labels dropped with the frames
 *     ({@code kitti}, {@code coco}, ...), or null for bare images
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CollectRequest(String source, String mix, long seed, int frames, String inbox,
    String labelsFormat) {

  public static CollectRequest generator(String mix, long seed, int frames) {
    return new CollectRequest("generator", mix, seed, frames, null, null);
  }

  public static CollectRequest folder(String inbox, String labelsFormat) {
    return new CollectRequest("folder", null, 0, 0, inbox, labelsFormat);
  }
}
