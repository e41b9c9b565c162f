/**
 * The deploy stage's activity contract: export a candidate to ONNX and check the export
 * against DJL before an alias may move to it.
 */
package io.admlops.workflows.deploy;
