#!/usr/bin/env python3
"""Runs a command with its standard output sent to a file, and prints its wall-clock seconds,
peak resident memory (MB) and exit status.

  timed.py OUT COMMAND [ARG...]     prints: <seconds> <peak MB> <exit status>
"""
import resource
import subprocess
import sys
import time

with open(sys.argv[1], "w") as out:
    start = time.monotonic()
    status = subprocess.call(sys.argv[2:], stdout=out)
    elapsed = time.monotonic() - start
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print("%.2f %.0f %d" % (elapsed, peak_kb / 1024, status))
