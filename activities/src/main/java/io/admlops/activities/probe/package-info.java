/** The worker side of {@code admlops doctor}: each worker describes itself on request. */
package io.admlops.activities.probe;
