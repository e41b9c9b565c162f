package io.admlops.activities.evaluate.coco;

/** The unit COCO matches within: one image and one category. */
record ImageCategory(long imageId, long categoryId) {}
