/** The {@code admlops} command line (picocli): up, worker, doctor, campaign. */
package io.admlops.workers.cli;
