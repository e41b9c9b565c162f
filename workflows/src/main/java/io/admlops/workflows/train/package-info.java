/** The training activity's contract: request, progress heartbeats and result. */
package io.admlops.workflows.train;
