/**
 * The way labeling vendors report a batch done: an HTTP webhook that checks the call's
 * HMAC-SHA256 signature and signals the campaign waiting for the batch, the delivery it
 * shares with {@code admlops annotations submit}, and the simulated labeling vendor that
 * answers the loop's jobs through it.
 */
package io.admlops.workers.webhook;
