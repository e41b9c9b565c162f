#!/usr/bin/env python3
"""Prints the tables of bench/evaluate/run.sh from the files its runs left in WORKDIR, and
fails when any of the twelve stats (of the timing main and of the command), any per-class
AP (of the command), or any size band's AP, AP50 or per-class AP (of the timing main)
differs from pycocotools' by more than 1e-9.

  report.py WORKDIR RUNS
"""
import json
import os
import statistics
import sys

STATS = ["AP", "AP50", "AP75", "APs", "APm", "APl", "AR1", "AR10", "AR100", "ARs", "ARm", "ARl"]
TOLERANCE = 1e-9


def load(work, name):
    with open(os.path.join(work, name)) as f:
        return json.load(f)


def size_difference(ours, theirs):
    """The largest difference over the size bands' AP, AP50 and per-class AP."""
    if ours.keys() != theirs.keys():
        sys.exit("the size bands differ from pycocotools'")
    worst = 0.0
    for label, band in theirs.items():
        if ours[label]["per_class"].keys() != band["per_class"].keys():
            sys.exit("the categories of size band %s differ from pycocotools'" % label)
        pairs = [(ours[label]["ap"], band["ap"]), (ours[label]["ap50"], band["ap50"])]
        pairs += [(ours[label]["per_class"][name], ap) for name, ap in band["per_class"].items()]
        worst = max([worst] + [abs(mine - ap) for mine, ap in pairs])
    return worst


def main():
    work, runs = sys.argv[1], int(sys.argv[2])
    rows = []
    worst = 0.0
    theirs = {}
    for i in range(1, runs + 1):
        theirs = load(work, "pycocotools-%d.json" % i)
        ours = load(work, "admlops-%d.json" % i)
        command = load(work, "command-%d.json" % i)
        walls = load(work, "wall-%d.json" % i)
        for stat in STATS:
            for mine in (ours["stats"][stat], command["stats"][stat]):
                worst = max(worst, abs(mine - theirs["stats"][stat]))
        if command["per_class"].keys() != theirs["per_class"].keys():
            sys.exit("the categories differ from pycocotools'")
        for name, ap in theirs["per_class"].items():
            worst = max(worst, abs(command["per_class"][name] - ap))
        worst = max(worst, size_difference(ours["sizes"], theirs["sizes"]))
        rows.append({
            "py_load": theirs["load_s"], "py_eval": theirs["evaluate_accumulate_s"],
            "our_load": ours["load_s"][0], "our_load_warm": statistics.median(ours["load_s"][1:]),
            "our_eval": ours["evaluate_accumulate_s"][0],
            "our_eval_warm": statistics.median(ours["evaluate_accumulate_s"][1:]),
            "py_summarize": theirs["summarize_s"],
            "our_summarize_warm": statistics.median(ours["summarize_s"][1:]),
            **walls})

    print("| run | pycocotools load s | evaluate()+accumulate() s "
          "| admlops load s (first / warm) | evaluate+accumulate s (first / warm) "
          "| speedup (first / warm) |")
    print("|---|---|---|---|---|---|")
    for i, r in enumerate(rows, 1):
        print("| %d | %.2f | %.2f | %.2f / %.2f | %.2f / %.2f | %.0fx / %.0fx |" % (
            i, r["py_load"], r["py_eval"], r["our_load"], r["our_load_warm"], r["our_eval"],
            r["our_eval_warm"], r["py_eval"] / r["our_eval"], r["py_eval"] / r["our_eval_warm"]))
    print()
    print("| run | `pycocotools_time.py` wall s | peak MB | `admlops eval coco` wall s | peak MB "
          "| speedup |")
    print("|---|---|---|---|---|---|")
    for i, r in enumerate(rows, 1):
        print("| %d | %.2f | %.0f | %.2f | %.0f | %.1fx |" % (
            i, r["pycocotools_s"], r["pycocotools_mb"], r["admlops_s"], r["admlops_mb"],
            r["pycocotools_s"] / r["admlops_s"]))
    print()

    def median(key):
        return statistics.median(r[key] for r in rows)

    print("Medians: evaluate()+accumulate() %.2f s against %.2f s (first run in a JVM), "
          "%.2f s (warm): %.0fx / %.0fx; load %.2f s against %.2f s / %.2f s; "
          "whole command %.2f s against %.2f s: %.1fx." % (
              median("py_eval"), median("our_eval"), median("our_eval_warm"),
              median("py_eval") / median("our_eval"), median("py_eval") / median("our_eval_warm"),
              median("py_load"), median("our_load"), median("our_load_warm"),
              median("pycocotools_s"), median("admlops_s"),
              median("pycocotools_s") / median("admlops_s")))
    print("Summarize (ours with the size bands' APs and counts): %.3f s warm against %.3f s."
          % (median("our_summarize_warm"), median("py_summarize")))
    print("Largest difference from pycocotools' over the 12 stats, %d per-class APs and the "
          "size bands' AP, AP50 and per-class APs: %.1e (tolerance %.0e)."
          % (len(theirs["per_class"]), worst, TOLERANCE))
    if worst > TOLERANCE:
        sys.exit("the stats differ from pycocotools'")


if __name__ == "__main__":
    main()
