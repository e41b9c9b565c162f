/**
 * The collect stage: new frames enter the dataset store as a batch the loop sees unlabeled,
 * from the scenario generator or from an inbox folder of real drive logs. Labels that come
 * with them are kept apart as ground truth, read only by the simulated labeling vendor and
 * the demo's evaluation.
 */
package io.admlops.activities.collect;
