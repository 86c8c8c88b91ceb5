"""Throughput of `cleanprep.redact.redact` with every kind on, over JSONL texts.

usage: python benchmarks/bench_redact.py [FILE.jsonl ...]   (default: ../shared/eval's dev sets)
Prints CPU and wall MB/s, best of three passes, and how many of each kind were found.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from cleanprep.config import REDACT_KINDS
from cleanprep.redact import redact

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


def main(argv: list[str]) -> None:
    files = argv or [str(EVAL / "chrome-dev.jsonl"), str(EVAL / "mixed-dev.jsonl")]
    texts = []
    for name in files:
        with open(name, encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for line in fh if line.strip()]
    size = sum(len(t.encode()) for t in texts)
    kinds = frozenset(REDACT_KINDS)
    cpu = wall = float("inf")
    counts: dict[str, int] = {}
    for _ in range(3):
        c0, w0 = time.process_time(), time.perf_counter()
        counts = {}
        for t in texts:
            for k, v in redact(t, kinds)[1].items():
                counts[k] = counts.get(k, 0) + v
        cpu, wall = min(cpu, time.process_time() - c0), min(wall, time.perf_counter() - w0)
    print(f"{len(texts)} texts, {size / 1e6:.1f} MB; best of 3: "
          f"CPU {cpu:.2f} s = {size / 1e6 / cpu:.1f} MB/s, "
          f"wall {wall:.2f} s = {size / 1e6 / wall:.1f} MB/s; found {counts}")


if __name__ == "__main__":
    main(sys.argv[1:])
