/** Model plumbing shared by the mine, train and evaluate stages: DJL engine and device. */
package io.admlops.activities.model;
