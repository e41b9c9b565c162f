/**
 * The drive-log generator: the loop's stand-in for a driving simulator. A
 * {@link io.admlops.activities.collect.generator.ScenarioMix} says how often each condition
 * occurs (night, fog, rain; city, highway) and what drives past; a
 * {@link io.admlops.activities.collect.generator.DriveLogGenerator} turns it into sequences of
 * rendered camera frames with exact labels (2D boxes, KITTI 3D boxes, truncation, occlusion,
 * track ids), deterministically from a seed, so the whole loop runs on any machine.
 */
package io.admlops.activities.collect.generator;
