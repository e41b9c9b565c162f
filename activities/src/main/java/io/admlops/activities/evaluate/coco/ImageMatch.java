package io.admlops.activities.evaluate.coco;

/**
 * How the detections of one image and category fared in one size band: their scores
 * (highest first, at most the largest detection limit), and for each IoU threshold which of
 * them matched a ground-truth object and which are ignored (matched to an ignored object, or
 * unmatched and outside the band). {@code countedTruths} is the number of ground-truth objects
 * that are not ignored, the denominator of recall.
 */
record ImageMatch(double[] scores, boolean[][] matched, boolean[][] ignored,
    int countedTruths) {}
