package io.admlops.activities.collect.generator;

import io.admlops.schemas.frame.Frame;

/**
 * One generated camera frame: the PNG and its labels. The frame's image uri is relative
 * ({@code seq-000003/000012.png}); whoever stores the PNG decides where it lives.
 *
 * @param png the encoded image
 * @param frame the labels, camera, conditions and provenance
 */
public record GeneratedFrame(byte[] png, Frame frame) {}
