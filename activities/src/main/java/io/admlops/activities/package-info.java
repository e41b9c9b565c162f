/**
 * Everything that touches the world: files, PostgreSQL, DJL and labeling vendors. One
 * package per stage of the loop, plus the libraries the stages share.
 */
package io.admlops.activities;
