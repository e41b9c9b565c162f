/**
 * Model cards: the {@code MODEL_CARD.md} in a model version's folder that tells a reader what
 * data the version saw, how it scored per slice, where it is weak, and whether it has an ONNX
 * export, generated from the registry whenever one of those changes.
 */
package io.admlops.activities.modelcard;
