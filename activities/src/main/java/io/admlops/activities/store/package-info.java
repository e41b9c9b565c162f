/**
 * Where the loop keeps its state: the PostgreSQL registry (embedded by default, any
 * PostgreSQL by JDBC URL) and the artifact roots {@code $DATASET} and {@code $MODELZOO}.
 */
package io.admlops.activities.store;
