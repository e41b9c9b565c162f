/** The collect stage: new drive frames enter the loop, unlabeled, from a source. */
package io.admlops.workflows.collect;
