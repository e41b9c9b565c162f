/**
 * The runtime of a worker process: settings, connections to Temporal and PostgreSQL, the
 * embedded default services and the workers of each task queue.
 */
package io.admlops.workers.stack;
