#!/usr/bin/env python3
"""Runs a command and prints its wall-clock seconds and peak resident memory (MB).

  measure.py COMMAND [ARG...]     prints: <seconds> <peak MB> <exit status>
"""
import resource
import subprocess
import sys
import time

start = time.monotonic()
status = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL)
elapsed = time.monotonic() - start
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print("%.2f %.0f %d" % (elapsed, peak_kb / 1024, status))
