/**
 * The annotation round trip as a library: a labeling job written to an outbox (images, model
 * pre-annotations in Label Studio and CVAT form, a written spec), the labels a vendor returns
 * read back from Label Studio, CVAT, COCO or KITTI into unified frames, the QA that accepts
 * them or asks for rework, and a simulated labeling vendor for demos and tests with the
 * orders by which the loop hands it jobs.
 */
package io.admlops.activities.annotate;
