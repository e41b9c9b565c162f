/** The evaluation activity's contract: score a model version per slice, against a baseline. */
package io.admlops.workflows.evaluate;
