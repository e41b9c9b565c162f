/**
 * Exporting a trained detector to ONNX, the exchange format inference engines (ONNX Runtime,
 * TensorRT, OpenVINO) read: the {@code ModelProto} written from the published
 * {@code onnx.proto} field numbers, the network laid out from its config with the DJL
 * weights, the metadata a serving runtime needs to decode, and the parity check that runs the
 * export in ONNX Runtime beside DJL before anyone relies on it.
 */
package io.admlops.activities.export;
