/**
 * The versioned dataset registry: images stored once by content hash under {@code $DATASET},
 * one immutable manifest per dataset version, and the versions, samples, splits and labels
 * recorded in PostgreSQL so that an import is idempotent and every version knows its parent.
 */
package io.admlops.activities.datasets;
