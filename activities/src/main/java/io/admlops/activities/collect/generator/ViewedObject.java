package io.admlops.activities.collect.generator;

import io.admlops.schemas.frame.Box2D;
import io.admlops.schemas.frame.Box3D;

/**
 * An object as the camera sees it in one frame.
 *
 * @param actor the object
 * @param box its 3D box in camera coordinates
 * @param projected the box around its 8 projected corners, not clipped to the image
 * @param distance from the camera to its center, m; the painter's order and the fog use it
 */
record ViewedObject(Actor actor, Box3D box, Box2D projected, double distance) {}
