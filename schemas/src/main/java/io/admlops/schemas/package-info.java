/**
 * The data contract of admlops: the database schema (Flyway migrations, generated jOOQ
 * classes under {@code io.admlops.schemas.db}), JSON schemas and the records that mirror them.
 */
package io.admlops.schemas;
