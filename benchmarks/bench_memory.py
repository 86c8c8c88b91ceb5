"""Peak memory of `cleanprep clean` on one big file (default 1 GB), with and without line breaks.

The file is multilingual paragraph text (English with Ukrainian, German and Russian paragraphs,
menu lines between articles); the `nonewline` variant is the same text with every line break
turned into a space, so the reader must cut it at spaces. `cleanprep clean` runs as a subprocess;
a sampler adds up the memory of the whole process tree (the parent and its workers) every 50 ms
and keeps the highest sum (PSS, and RSS which counts shared pages once per process), and
getrusage(RUSAGE_CHILDREN) gives the largest single process as a cross-check.

    python benchmarks/bench_memory.py                 # 1 GB, both variants, --jobs 2
    python benchmarks/bench_memory.py --mb 64 --variants newline
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

PARAGRAPHS = [
    "The river rose overnight and flooded the lower town. Residents were evacuated by boat, and the "
    "mayor said the water would stay high until the weekend. Engineers are checking the old bridge.",
    "Річка піднялася вночі й затопила нижнє місто. Мешканців евакуювали човнами, а мер сказав, що "
    "вода триматиметься до вихідних.",
    "Der Fluss stieg über Nacht an und überflutete die Unterstadt. Die Bewohner wurden mit Booten "
    "in Sicherheit gebracht.",
    "Река поднялась ночью и затопила нижний город. Жителей эвакуировали на лодках.",
    "Officials said the cost of the repairs was not yet known, but that the national government "
    "had promised help. Schools in the area will remain closed on Monday and Tuesday.",
]
CHROME = ["Home | News | Sport | Weather", "Share on Facebook", "Read more", "1 min read"]


def make_file(path: Path, size: int, newlines: bool, seed: int = 0) -> None:
    """Write about `size` bytes of article-like text to `path`, in 1 MB blocks."""
    rng = random.Random(seed)
    sep, para_sep = ("\n", "\n\n") if newlines else (" ", " ")
    written = 0
    with open(path, "w", encoding="utf-8") as fh:
        while written < size:
            block = []
            while sum(len(b) for b in block) < 1 << 20:
                block.append(rng.choice(CHROME) + sep)
                for _ in range(rng.randint(3, 8)):
                    block.append(rng.choice(PARAGRAPHS) + para_sep)
            text = "".join(block)
            fh.write(text)
            written += len(text.encode("utf-8"))


def tree_memory(proc: psutil.Process) -> tuple[int, int]:
    """(summed RSS, summed PSS) of a process and its children.

    RSS counts pages that forked workers share with the parent (the language model, libraries)
    once per process; PSS splits them between the sharers, so its sum is the real footprint.
    """
    rss = pss = 0
    for p in [proc, *proc.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):
            info = p.memory_full_info()
            rss += info.rss
            pss += getattr(info, "pss", info.rss)
    return rss, pss


def measure(cmd: list[str]) -> dict:
    """Run `cmd`; the peak of the process tree's summed RSS, the largest process and the time."""
    start = time.perf_counter()
    child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    proc = psutil.Process(child.pid)
    peak_rss = peak_pss = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak_rss, peak_pss
        while not stop.is_set():
            with contextlib.suppress(psutil.Error):
                rss, pss = tree_memory(proc)
                peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = child.communicate()
    stop.set()
    sampler.join()
    max_single = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return {"rc": child.returncode, "seconds": round(time.perf_counter() - start, 1),
            "peak_tree_pss_mb": round(peak_pss / 2**20, 1), "peak_tree_rss_mb": round(peak_rss / 2**20, 1),
            "max_single_process_rss_mb": round(max_single / 2**20, 1), "stderr_tail": err[-400:]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=int, default=1024, help="file size in MB (default 1024)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--variants", nargs="+", default=["newline", "nonewline"],
                    choices=["newline", "nonewline"])
    ap.add_argument("--extra", default="", help="more options for cleanprep clean, e.g. --no-chrome")
    ap.add_argument("--tmp", default=None, help="where to put the file (default: the system temp dir)")
    args = ap.parse_args()
    # The cleanprep beside this Python (a venv's, even when its bin is not on PATH), else PATH's, else
    # the module itself: as benchmarks/compare.py finds it.
    exe = shutil.which("cleanprep", path=str(Path(sys.executable).parent)) or shutil.which("cleanprep")
    prefix = [exe] if exe else [sys.executable, "-m", "cleanprep"]
    results = {}
    for variant in args.variants:
        tmp = Path(tempfile.mkdtemp(prefix="cleanprep-mem-", dir=args.tmp))
        try:
            src = tmp / "in" / "big.txt"
            src.parent.mkdir()
            make_file(src, args.mb << 20, newlines=variant == "newline")
            cmd = [*prefix, "clean", str(src.parent), "-o", str(tmp / "out"), "--foreign", "drop",
                   "--jobs", str(args.jobs), "--quiet", *args.extra.split()]
            result = measure(cmd)
            result.update(variant=variant, input_mb=round(src.stat().st_size / 2**20, 1),
                          output_mb=round((tmp / "out" / "big.txt").stat().st_size / 2**20, 1)
                          if (tmp / "out" / "big.txt").exists() else None,
                          command=" ".join(cmd))
            results[variant] = result
            print(json.dumps(result, ensure_ascii=False), flush=True)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    sys.exit(0 if all(r["rc"] == 0 for r in results.values()) else 1)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
