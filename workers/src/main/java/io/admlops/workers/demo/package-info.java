/**
 * What {@code admlops demo} adds to an ordinary campaign: a home of its own that every run
 * empties, the labeled drives it seeds the dataset and the benchmark with, and the rows it
 * prints while following the campaign through its queries.
 */
package io.admlops.workers.demo;
