/** {@code admlops doctor}: whether every task queue has a worker, and what each worker sees. */
package io.admlops.workers.doctor;
