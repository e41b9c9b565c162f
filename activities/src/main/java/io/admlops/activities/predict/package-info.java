/** Running a registered model version over a folder of images: {@code admlops predict}. */
package io.admlops.activities.predict;
