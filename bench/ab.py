#!/usr/bin/env python3
"""Interleaved A/B timing: runs each command in turn, ROUNDS times, and prints each one's median wall time and median
CPU time (user + system of the process and its children, so the JIT's threads count), with the load average. On a
shared machine wall time is noise; CPU time of interleaved runs is what to compare (docs/performance.md).

  bench/ab.py 6 "SCIMCTL_OPTS=-Xmx64m old/scimctl validate f.csv" "SCIMCTL_OPTS=-Xmx64m ./scimctl validate f.csv"
"""
import os
import statistics
import subprocess
import sys
import time


def main(rounds, commands):
    walls = {c: [] for c in commands}
    cpus = {c: [] for c in commands}
    for _ in range(rounds):
        for c in commands:
            before = os.times()
            start = time.monotonic()
            subprocess.run(c, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            walls[c].append(time.monotonic() - start)
            after = os.times()
            cpus[c].append(after.children_user - before.children_user + after.children_system - before.children_system)
    for c in commands:
        print(f"wall {statistics.median(walls[c]):.3f} s  cpu {statistics.median(cpus[c]):.3f} s "
              f"(min {min(cpus[c]):.3f})  {c}")
    with open("/proc/loadavg") as f:
        print("load", f.read().split()[0])


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(int(sys.argv[1]), sys.argv[2:])
