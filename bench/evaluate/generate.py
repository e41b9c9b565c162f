#!/usr/bin/env python3
"""Generates a COCO val2017-like evaluation case, deterministically from a seed.

  generate.py --out DIR [--images 5000] [--seed 11]

Writes DIR/instances_val.json (ground truth) and DIR/detections_val.json (a results file).
The ground truth has the shape of COCO val2017: 5,000 images of COCO's sizes (long side 640),
about 36,700 boxes (val2017 has 36,781) over COCO's 80 categories and ids, "person" about
30 % of them, a few categories per image, about 41 % small, 34 % medium and 25 % large
objects (by segment area, which is below the box area) and about 1 % crowd regions; no
segmentations, since box evaluation does not read them. The detections look like a
detector's top-100 output: most objects found with a jittered box, some twice, some also in
a wrong category, false positives scattered over the image, at most 100 detections per image
and most images at the cap. Scores are rounded to 3 decimals, so ties across and within
images are common.
"""
import argparse
import json
import os

import numpy as np

CATEGORIES = [
    (1, "person"), (2, "bicycle"), (3, "car"), (4, "motorcycle"), (5, "airplane"), (6, "bus"),
    (7, "train"), (8, "truck"), (9, "boat"), (10, "traffic light"), (11, "fire hydrant"),
    (13, "stop sign"), (14, "parking meter"), (15, "bench"), (16, "bird"), (17, "cat"),
    (18, "dog"), (19, "horse"), (20, "sheep"), (21, "cow"), (22, "elephant"), (23, "bear"),
    (24, "zebra"), (25, "giraffe"), (27, "backpack"), (28, "umbrella"), (31, "handbag"),
    (32, "tie"), (33, "suitcase"), (34, "frisbee"), (35, "skis"), (36, "snowboard"),
    (37, "sports ball"), (38, "kite"), (39, "baseball bat"), (40, "baseball glove"),
    (41, "skateboard"), (42, "surfboard"), (43, "tennis racket"), (44, "bottle"),
    (46, "wine glass"), (47, "cup"), (48, "fork"), (49, "knife"), (50, "spoon"), (51, "bowl"),
    (52, "banana"), (53, "apple"), (54, "sandwich"), (55, "orange"), (56, "broccoli"),
    (57, "carrot"), (58, "hot dog"), (59, "pizza"), (60, "donut"), (61, "cake"), (62, "chair"),
    (63, "couch"), (64, "potted plant"), (65, "bed"), (67, "dining table"), (70, "toilet"),
    (72, "tv"), (73, "laptop"), (74, "mouse"), (75, "remote"), (76, "keyboard"),
    (77, "cell phone"), (78, "microwave"), (79, "oven"), (80, "toaster"), (81, "sink"),
    (82, "refrigerator"), (84, "book"), (85, "clock"), (86, "vase"), (87, "scissors"),
    (88, "teddy bear"), (89, "hair drier"), (90, "toothbrush")]

# (width, height) of COCO images and how often they occur; the rest get a random short side.
SIZES = [((640, 480), 0.36), ((640, 427), 0.24), ((480, 640), 0.10), ((427, 640), 0.08),
         ((640, 426), 0.04), ((640, 425), 0.03)]
MEAN_OBJECTS = 7.36        # 36,781 annotations / 5,000 images in val2017
CROWD_SHARE = 0.01
SIZE_SHARES = [0.41, 0.34, 0.25]  # small (< 32^2), medium, large (> 96^2), by segment area
MAX_DETECTIONS = 100


def category_weights():
    """A large share for person, a Zipf-like tail in shuffled order for the other 79."""
    tail = 1.0 / np.arange(1, len(CATEGORIES)) ** 0.9
    np.random.default_rng(0).shuffle(tail)
    weights = np.concatenate([[0.36], 0.64 * tail / tail.sum()])
    return weights / weights.sum()


def image_size(rng):
    r = rng.random()
    for size, share in SIZES:
        if r < share:
            return size
        r -= share
    short = int(rng.integers(300, 640))
    return (640, short) if rng.random() < 0.7 else (short, 640)


def object_box(rng, width, height):
    """A box [x, y, w, h] inside the image and its segment area, with COCO's size mix."""
    band = rng.choice(3, p=SIZE_SHARES)
    longest = 0.95 * min(width, height)
    low, high = [(2.0, 32.0), (32.0, 96.0), (96.0, longest)][band]
    side = np.exp(rng.uniform(np.log(low), np.log(high)))  # sqrt of the segment area
    fill = rng.uniform(0.45, 0.95)                          # segment area / box area
    aspect = np.exp(rng.normal(0.0, 0.5))
    box_area = side * side / fill
    w = min(np.sqrt(box_area * aspect), width - 1.0)
    h = min(box_area / w, height - 1.0)
    x = rng.uniform(0, width - w)
    y = rng.uniform(0, height - h)
    return [x, y, w, h], fill * w * h


def jitter(rng, box, width, height, spread):
    """The box moved and resized by a share of its size, kept in the image."""
    x, y, w, h = box
    nw = max(1.0, w * np.exp(rng.normal(0.0, spread)))
    nh = max(1.0, h * np.exp(rng.normal(0.0, spread)))
    nx = x + (w - nw) / 2 + rng.normal(0.0, spread) * w
    ny = y + (h - nh) / 2 + rng.normal(0.0, spread) * h
    nx, ny = min(max(nx, 0.0), width - 1.0), min(max(ny, 0.0), height - 1.0)
    return [nx, ny, min(nw, width - nx), min(nh, height - ny)]


def rounded(box):
    return [round(float(v), 2) for v in box]


def generate(args):
    rng = np.random.default_rng(args.seed)
    weights = category_weights()
    ids = [c for c, _ in CATEGORIES]
    image_ids = np.sort(rng.choice(np.arange(1, 582000), size=args.images, replace=False))
    images, annotations, detections = [], [], []
    for image_id in image_ids:
        image_id = int(image_id)
        width, height = image_size(rng)
        images.append({"id": image_id, "file_name": "%012d.jpg" % image_id,
                       "width": width, "height": height})
        # A few categories per image, objects spread over them unevenly.
        present = rng.choice(len(ids), size=1 + rng.poisson(1.2), replace=False, p=weights)
        share = rng.dirichlet(np.ones(len(present)))
        objects = min(rng.negative_binomial(1.3, 1.3 / (1.3 + MEAN_OBJECTS)), 90)
        found = []
        for _ in range(objects):
            k = int(present[rng.choice(len(present), p=share)])
            box, area = object_box(rng, width, height)
            crowd = rng.random() < CROWD_SHARE
            annotations.append({"id": len(annotations) + 1, "image_id": image_id,
                                "category_id": ids[k], "bbox": rounded(box),
                                "area": round(float(area), 2), "iscrowd": int(crowd)})
            # Small objects are found less often and less precisely.
            small = area < 32 * 32
            if rng.random() < (0.65 if small else 0.88):
                spread = 0.12 if small else 0.07
                found.append((k, jitter(rng, box, width, height, spread), rng.beta(5, 2)))
                if rng.random() < 0.15:
                    found.append((k, jitter(rng, box, width, height, 0.2), rng.beta(2, 4)))
            if rng.random() < 0.10:
                wrong = int(rng.choice(len(ids), p=weights))
                found.append((wrong, jitter(rng, box, width, height, 0.1), rng.beta(2, 3)))
        cap = MAX_DETECTIONS if rng.random() < 0.85 else int(rng.integers(20, MAX_DETECTIONS))
        while len(found) < cap:
            k = int(present[rng.integers(len(present))]) if rng.random() < 0.5 \
                else int(rng.choice(len(ids), p=weights))
            box, _ = object_box(rng, width, height)
            found.append((k, box, rng.beta(1, 6)))
        found.sort(key=lambda f: -f[2])
        for k, box, score in found[:cap]:
            detections.append({"image_id": image_id, "category_id": ids[k],
                               "bbox": rounded(box), "score": round(float(score), 3)})
    truth = {"info": {"description": "admlops evaluation benchmark"}, "licenses": [],
             "images": images, "annotations": annotations,
             "categories": [{"id": c, "name": n, "supercategory": "thing"}
                            for c, n in CATEGORIES]}
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "instances_val.json"), "w") as f:
        json.dump(truth, f)
    with open(os.path.join(args.out, "detections_val.json"), "w") as f:
        json.dump(detections, f)
    crowds = sum(a["iscrowd"] for a in annotations)
    print("wrote %d images, %d annotations (%d crowd), %d detections to %s"
          % (len(images), len(annotations), crowds, len(detections), args.out))


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True)
    parser.add_argument("--images", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=11)
    generate(parser.parse_args())


if __name__ == "__main__":
    main()
