/**
 * The Temporal contract of the loop: task queues, workflow and activity interfaces with their
 * input and output records, and the deterministic workflow implementations. Nothing here
 * touches files, databases or DJL.
 */
package io.admlops.workflows;
