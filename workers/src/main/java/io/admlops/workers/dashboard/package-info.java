/**
 * The campaign dashboard that {@code admlops up} and {@code admlops worker} serve: HTML pages
 * with server-side SVG charts and the same data as JSON under {@code /api/}, read from the
 * loop journal and the registry in PostgreSQL and from the dataset store, so it shows weeks
 * of campaign history without Temporal's visibility or retention, and works offline.
 */
package io.admlops.workers.dashboard;
