"""Time and peak memory of `cleanprep clean` over a directory of many tiny files (default 100,000).

Files of one to three short paragraphs are spread over 100 folders; `cleanprep clean` runs as a
subprocess; then a `--resume` run over the finished output shows what skipping costs.

    python benchmarks/bench_many_files.py                  # 100,000 files, --jobs 2
    python benchmarks/bench_many_files.py --files 10000 --extra=--no-chrome
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_memory import PARAGRAPHS, measure  # noqa: E402


def make_tree(root: Path, n: int, seed: int = 0) -> int:
    rng = random.Random(seed)
    total = 0
    for i in range(n):
        folder = root / f"d{i % 100:02d}"
        if i < 100:
            folder.mkdir(parents=True, exist_ok=True)
        text = "\n\n".join(rng.choice(PARAGRAPHS) for _ in range(rng.randint(1, 3))) + f"\nPage {i}.\n"
        data = text.encode("utf-8")
        (folder / f"{i:06d}.txt").write_bytes(data)
        total += len(data)
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=100_000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--extra", default="", help="more options for cleanprep clean, e.g. --no-chrome")
    args = ap.parse_args()
    exe = shutil.which("cleanprep") or "cleanprep"
    tmp = Path(tempfile.mkdtemp(prefix="cleanprep-many-"))
    try:
        nbytes = make_tree(tmp / "in", args.files)
        cmd = [exe, "clean", str(tmp / "in"), "-o", str(tmp / "out"), "--foreign", "drop",
               "--jobs", str(args.jobs), "--quiet", *args.extra.split()]
        first = measure(cmd)
        outputs = sum(1 for _ in (tmp / "out").rglob("*.txt"))
        resumed = measure([*cmd, "--resume"])
        print(json.dumps({"files": args.files, "input_mb": round(nbytes / 2**20, 1), "outputs": outputs,
                          "files_per_s": round(args.files / first["seconds"], 1), "run": first,
                          "resume_over_complete_output": resumed, "command": " ".join(cmd)}))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
