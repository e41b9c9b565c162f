/**
 * The loop's activities that join the stage libraries into the campaign's steps: mining on
 * the gpu queue, and on the cpu queue the start, analysis, labeling round trip, dataset
 * versions from accepted labels, promotion, and the loop journal in the registry.
 */
package io.admlops.activities.loop;
