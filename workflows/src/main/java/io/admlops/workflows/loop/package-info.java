/**
 * The closed loop's contract: the campaign workflow ({@code campaign-<name>}), its signals
 * and queries, and the records that cross its boundary.
 */
package io.admlops.workflows.loop;
