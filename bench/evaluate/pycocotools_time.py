#!/usr/bin/env python3
"""Times pycocotools' COCO box evaluation phase by phase, in one process.

  pycocotools_time.py GT.json DT.json

Prints one JSON object: the seconds of loading (COCO(gt) and loadRes(dt)), of
evaluate() + accumulate(), of summarize(), the twelve stats, the AP of each category
(IoU 0.50:0.95, all sizes, 100 detections; -1 where nothing can be measured), and per size
band (small, medium, large) the AP, the AP at IoU 0.50 and the AP of each category, all
read from COCOeval's precision array after the timings.
"""
import contextlib
import io
import json
import sys
import time

from pycocotools.coco import COCO
from pycocotools.cocoeval import COCOeval

STATS = ["AP", "AP50", "AP75", "APs", "APm", "APl", "AR1", "AR10", "AR100", "ARs", "ARm", "ARl"]


def main():
    with contextlib.redirect_stdout(io.StringIO()):
        start = time.perf_counter()
        truth = COCO(sys.argv[1])
        results = truth.loadRes(sys.argv[2])
        loaded = time.perf_counter()
        evaluation = COCOeval(truth, results, "bbox")
        evaluation.evaluate()
        evaluation.accumulate()
        accumulated = time.perf_counter()
        evaluation.summarize()
        summarized = time.perf_counter()
    precision = evaluation.eval["precision"]

    def ap(cells):
        measured = cells[cells > -1]
        return float(measured.mean()) if measured.size else -1.0

    def per_class(band):
        return {truth.cats[category]["name"]: ap(precision[:, :, k, band, 2])
                for k, category in enumerate(evaluation.params.catIds)}

    sizes = {label: {"ap": ap(precision[:, :, :, band, 2]), "ap50": ap(precision[0, :, :, band, 2]),
                     "per_class": per_class(band)}
             for band, label in enumerate(evaluation.params.areaRngLbl) if label != "all"}
    print(json.dumps({"load_s": loaded - start, "evaluate_accumulate_s": accumulated - loaded,
                      "summarize_s": summarized - accumulated,
                      "stats": dict(zip(STATS, map(float, evaluation.stats))),
                      "per_class": per_class(0), "sizes": sizes}))


if __name__ == "__main__":
    main()
