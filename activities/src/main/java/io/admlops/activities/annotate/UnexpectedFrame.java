package io.admlops.activities.annotate;

/**
 * Labels for an image that is not in the labeling job, e.g. from another batch.
 *
 * @param name the image or frame as the returned file names it
 * @param location where: {@code file:line} or {@code file#/json/pointer}
 */
public record UnexpectedFrame(String name, String location) {}
