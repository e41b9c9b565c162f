/** The loop's deploy stage: ONNX export of a candidate, checked against DJL before promotion. */
package io.admlops.activities.deploy;
