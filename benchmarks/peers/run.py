"""Run one peer over a JSONL file in this process: `python run.py PEER IN.jsonl OUT.jsonl [--model PATH]`.

Writes one `{"id", "output"}` record per input record to OUT.jsonl and prints, as its last line,
a JSON object with the seconds spent loading the tool (`load_s`) and working (`work_s`: the
records in, the outputs built, nothing else), and this process's peak memory (`peak_mb`).
compare.py starts it as a child process, so the peak memory it measures is this tool's alone.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from pathlib import Path


def peak_mb() -> float | None:
    """This process's resident high-water mark (VmHWM: per address space, so it starts anew at exec)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("peer", help="module name in benchmarks/peers, e.g. c4_lines")
    ap.add_argument("input", type=Path)
    ap.add_argument("output", type=Path)
    ap.add_argument("--model", default=None, help="lid.176 fastText model file")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    peer = importlib.import_module(args.peer)
    missing = peer.requirement()
    if missing:
        print(json.dumps({"skipped": missing}))
        return 3
    with open(args.input, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    t0 = time.perf_counter()
    tool = peer.load(args.model)
    t1 = time.perf_counter()
    outputs = list(peer.process(tool, records))
    t2 = time.perf_counter()
    with open(args.output, "w", encoding="utf-8") as f:
        for rid, out in outputs:
            f.write(json.dumps({"id": rid, "output": out}, ensure_ascii=False) + "\n")
    print(json.dumps({"load_s": t1 - t0, "work_s": t2 - t1, "docs": len(records), "peak_mb": peak_mb()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
