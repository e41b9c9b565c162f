#!/usr/bin/env python3
"""Generates benchmark datasets in the official layouts, deterministically from a seed.

  generate.py coco  --annotations 860000 --images 118000 --out DIR
  generate.py kitti --frames 3000 --out DIR
  generate.py bdd   --frames 3000 --out DIR

COCO: DIR/annotations/instances_bench.json with polygon segmentations (about 450 MB for
860k annotations, the size of COCO train2017's instances file) and DIR/bench/ with one
empty file per image (the readers check that images exist; sizes come from the JSON).
KITTI: DIR/training/{image_2,label_2,calib}; BDD100K: DIR/labels/det_bench.json and
DIR/images/100k/bench/. Their images are one real PNG/JPEG hard-linked N times.
"""
import argparse
import json
import os
import random

CLASSES_COCO = ["person", "bicycle", "car", "motorcycle", "bus", "truck", "traffic light",
                "stop sign", "dog", "cat"]
CATEGORY_IDS = [1, 2, 3, 4, 6, 8, 10, 13, 18, 17]  # non-contiguous, as in COCO
KITTI_CLASSES = ["Car", "Car", "Car", "Van", "Pedestrian", "Cyclist", "Truck"]
BDD_CLASSES = ["car", "car", "person", "traffic light", "traffic sign", "truck", "rider"]


def coco(args):
    rng = random.Random(args.seed)
    os.makedirs(os.path.join(args.out, "annotations"), exist_ok=True)
    image_dir = os.path.join(args.out, "bench")
    os.makedirs(image_dir, exist_ok=True)
    path = os.path.join(args.out, "annotations", "instances_bench.json")
    with open(path, "w") as f:
        f.write('{"info": {"description": "admlops benchmark"}, "licenses": [], "images": [')
        for i in range(args.images):
            name = "%012d.jpg" % (i + 1)
            open(os.path.join(image_dir, name), "w").close()
            f.write(("," if i else "") + json.dumps(
                {"id": i + 1, "file_name": name, "width": 640, "height": 480, "license": 1}))
        f.write('], "annotations": [')
        for a in range(args.annotations):
            w, h = rng.uniform(4, 300), rng.uniform(4, 300)
            x, y = rng.uniform(0, 640 - w), rng.uniform(0, 480 - h)
            polygon = []
            for _ in range(24):
                polygon += [round(rng.uniform(x, x + w), 2), round(rng.uniform(y, y + h), 2)]
            ann = {"id": a + 1, "image_id": rng.randint(1, args.images),
                   "category_id": rng.choice(CATEGORY_IDS), "iscrowd": 0,
                   "area": round(w * h * 0.6, 4),
                   "bbox": [round(x, 2), round(y, 2), round(w, 2), round(h, 2)],
                   "segmentation": [polygon]}
            f.write(("," if a else "") + json.dumps(ann))
        f.write('], "categories": ' + json.dumps(
            [{"id": i, "name": n, "supercategory": "thing"}
             for i, n in zip(CATEGORY_IDS, CLASSES_COCO)]) + "}")
    print("wrote", path, "%.0f MB" % (os.path.getsize(path) / 1e6))


def one_image(path, size, fmt):
    from PIL import Image
    Image.new("RGB", size, (90, 120, 150)).save(path, fmt)


def link_all(template, paths):
    for p in paths:
        if not os.path.exists(p):
            os.link(template, p)


def kitti(args):
    rng = random.Random(args.seed)
    root = os.path.join(args.out, "training")
    for d in ("image_2", "label_2", "calib"):
        os.makedirs(os.path.join(root, d), exist_ok=True)
    template = os.path.join(args.out, "template.png")
    one_image(template, (1242, 375), "PNG")
    p2 = ("P2: 7.215377e+02 0.0 6.095593e+02 4.485728e+01 0.0 7.215377e+02 1.728540e+02 "
          "2.163791e-01 0.0 0.0 1.0 2.745884e-03\n")
    names = []
    for i in range(args.frames):
        stem = "%06d" % i
        names.append(os.path.join(root, "image_2", stem + ".png"))
        lines = []
        for _ in range(rng.randint(2, 12)):
            w, h = rng.uniform(10, 300), rng.uniform(10, 200)
            x, y = rng.uniform(0, 1241 - w), rng.uniform(0, 374 - h)
            lines.append("%s %.2f %d %.2f %.2f %.2f %.2f %.2f %.2f %.2f %.2f %.2f %.2f %.2f %.2f" % (
                rng.choice(KITTI_CLASSES), 0.0, rng.randint(0, 2), rng.uniform(-3, 3), x, y, x + w,
                y + h, 1.5, 1.6, 3.9, rng.uniform(-10, 10), 1.7, rng.uniform(5, 60),
                rng.uniform(-3, 3)))
        with open(os.path.join(root, "label_2", stem + ".txt"), "w") as f:
            f.write("\n".join(lines) + "\n")
        with open(os.path.join(root, "calib", stem + ".txt"), "w") as f:
            f.write(p2)
    link_all(template, names)
    print("wrote", args.frames, "KITTI frames under", root)


def bdd(args):
    rng = random.Random(args.seed)
    images = os.path.join(args.out, "images", "100k", "bench")
    labels = os.path.join(args.out, "labels")
    os.makedirs(images, exist_ok=True)
    os.makedirs(labels, exist_ok=True)
    template = os.path.join(args.out, "template.jpg")
    one_image(template, (1280, 720), "JPEG")
    frames, names = [], []
    for i in range(args.frames):
        name = "b%07d.jpg" % i
        names.append(os.path.join(images, name))
        objs = []
        for k in range(rng.randint(2, 15)):
            w, h = rng.uniform(10, 400), rng.uniform(10, 300)
            x, y = rng.uniform(0, 1279 - w), rng.uniform(0, 719 - h)
            objs.append({"id": k, "category": rng.choice(BDD_CLASSES),
                         "attributes": {"occluded": rng.random() < 0.3,
                                        "truncated": rng.random() < 0.1,
                                        "trafficLightColor": "none"},
                         "box2d": {"x1": x, "y1": y, "x2": x + w, "y2": y + h}})
        frames.append({"name": name, "timestamp": 10000,
                       "attributes": {"weather": rng.choice(["clear", "rainy", "foggy"]),
                                      "scene": "city street",
                                      "timeofday": rng.choice(["daytime", "night"])},
                       "labels": objs})
    with open(os.path.join(labels, "det_bench.json"), "w") as f:
        json.dump(frames, f)
    link_all(template, names)
    print("wrote", args.frames, "BDD100K frames under", args.out)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("kind", choices=["coco", "kitti", "bdd"])
    parser.add_argument("--out", required=True)
    parser.add_argument("--annotations", type=int, default=860000)
    parser.add_argument("--images", type=int, default=118000)
    parser.add_argument("--frames", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    {"coco": coco, "kitti": kitti, "bdd": bdd}[args.kind](args)


if __name__ == "__main__":
    main()
