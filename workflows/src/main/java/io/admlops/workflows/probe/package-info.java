/**
 * The health probe behind {@code admlops doctor}: one workflow that runs one activity on each
 * task queue and reports, per queue, which worker answered and what it can reach.
 */
package io.admlops.workflows.probe;
