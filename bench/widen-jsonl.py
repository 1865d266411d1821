#!/usr/bin/env python3
"""Writes COPIES copies of a bench JSON Lines file (feishu-hire-data/1) to stdout, each
under its own tenant and app, for import-memory benchmarks of files of growing size.

    bench/widen-jsonl.py small.jsonl 10 > large.jsonl
"""
import sys

source, copies = sys.argv[1], int(sys.argv[2])
with open(source, encoding="utf-8") as f:
    header = f.readline()
    sys.stdout.write(header)
    for copy in range(copies):
        f.seek(0)
        f.readline()
        for line in f:
            sys.stdout.write(line.replace('"bench"', f'"bench{copy}"')
                             .replace("cli_be0c000000000001", f"cli_be0c{copy:012d}"))
