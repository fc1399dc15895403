#!/usr/bin/env python3
"""How many cores a command keeps busy over its run: its processor time (all threads, from /proc) per interval
of wall time, printed as a timeline, then what the command printed.

    Benchmarks/cores.py [--every 0.25] -- .build/release/baken build --no-cache --verbose --site SITE --output OUT

A build that uses 2.0 of 2 cores throughout can only get faster by doing less work.
"""
import argparse
import os
import subprocess
import sys
import time


def processor_seconds(pid):
    """User and system time of the process and its threads so far; None once it has ended."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--every", type=float, default=0.25, help="seconds between samples")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("give the command to run after --")
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    start, last, samples = time.monotonic(), 0.0, []
    while process.poll() is None:
        time.sleep(args.every)
        now = processor_seconds(process.pid)
        if now is None:
            break
        samples.append((time.monotonic() - start, (now - last) / args.every))
        last = now
    printed = process.stdout.read()
    process.wait()
    for i in range(0, len(samples), 8):
        print("  ".join(f"{at:5.2f} s {cores:4.2f}" for at, cores in samples[i:i + 8]))
    busy = [cores for _, cores in samples]
    if busy:
        print(f"\n{len(busy)} samples: median {sorted(busy)[len(busy) // 2]:.2f} cores, mean {sum(busy) / len(busy):.2f} of {os.cpu_count()}")
    print(printed, end="")
    sys.exit(process.returncode)


if __name__ == "__main__":
    main()
