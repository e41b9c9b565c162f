/**
 * Registered detector versions loaded for serving: the same detections from ONNX Runtime on
 * a version's export or from DJL on its weights, one batch of frames at a time.
 */
package io.admlops.activities.serve;
