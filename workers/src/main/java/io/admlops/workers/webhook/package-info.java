/**
 * The way labeling vendors report a batch done: an HTTP webhook that checks the call's
 * HMAC-SHA256 signature and signals the campaign waiting for the batch, and the delivery it
 * shares with {@code admlops annotations submit}.
 */
package io.admlops.workers.webhook;
