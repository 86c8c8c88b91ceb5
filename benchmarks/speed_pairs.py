"""Two cleanprep installs timed in turns on chrome-dev, for a speed claim against an earlier commit.

    git worktree add /tmp/base COMMIT && python -m venv /tmp/bvenv && /tmp/bvenv/bin/pip install -e /tmp/base
    python benchmarks/speed_pairs.py --base /tmp/bvenv/bin/cleanprep --pairs 4 [-- --jobs 1]

Each pair runs `score_chrome.py` once with each install, the order alternating from pair to pair so
that a machine slowing down or speeding up weighs on both alike; it prints each run's line and the
mean MB/s (wall, start-up included) of each.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


def run(cleanprep: str, extra: list[str]) -> tuple[float, str]:
    cmd = [sys.executable, str(EVAL / "score_chrome.py"), str(EVAL / "chrome-dev.jsonl"),
           "--cleanprep", cleanprep, "--", "--foreign", "keep", *extra]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    line = [text for text in out.splitlines() if "MB/s" in text][-1]
    return float(re.search(r"([\d.]+) MB/s", line).group(1)), line


def main() -> None:
    argv = sys.argv[1:]
    extra = argv[argv.index("--") + 1:] if "--" in argv else []
    argv = argv[: argv.index("--")] if "--" in argv else argv
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", required=True, help="the earlier install's cleanprep command")
    ap.add_argument("--now", default=shutil.which("cleanprep") or "cleanprep", help="this install's")
    ap.add_argument("--pairs", type=int, default=4)
    args = ap.parse_args(argv)
    speeds: dict[str, list[float]] = {"base": [], "now": []}
    for i in range(args.pairs):
        for name in ("base", "now") if i % 2 == 0 else ("now", "base"):
            speed, line = run(getattr(args, name), extra)
            speeds[name].append(speed)
            print(f"{name}: {line}", flush=True)
    for name, values in speeds.items():
        print(f"{name}: mean {statistics.mean(values):.3f} MB/s over {len(values)} runs {values}")
    faster = sum(n > b for n, b in zip(speeds["now"], speeds["base"], strict=True))
    print(f"now faster in {faster} of {args.pairs} pairs")


if __name__ == "__main__":
    main()
