/**
 * The detection endpoint ({@code admlops serve}): HTTP in front of a registered detector
 * version, concurrent requests batched, the version swapped while serving when its alias
 * moves.
 */
package io.admlops.workers.serve;
