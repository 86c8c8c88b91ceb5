"""Throughput of the Ray engine with one worker and with two, on a local Ray, next to the local pipeline.

    python benchmarks/bench_ray.py                     # all of chrome-dev.jsonl, workers 1 and 2
    python benchmarks/bench_ray.py --pages 200 --workers 1,2 --no-local

Each Ray run is timed from submitting the dataset to having every result back on the driver, so it
includes starting the workers and loading their models (a few seconds that a long run amortises);
Ray's own start (`ray.init`) is not included. MB are UTF-8 megabytes of input text.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

import ray

from cleanprep import Config, Pipeline
from cleanprep.engines.ray_engine import clean_dataset
from cleanprep.language.model import load_model

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "chrome-dev.jsonl"


def load_records(path: Path, pages: int | None) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        lines = fh.readlines()[:pages] if pages else fh.readlines()
    return [{"id": r["id"], "text": r["text"]} for r in map(json.loads, lines)]


def time_local(records: list[dict], config: Config) -> float:
    load_model()
    start = time.perf_counter()
    for _ in Pipeline(config).run(records):
        pass
    return time.perf_counter() - start


def time_ray(records: list[dict], config: Config, workers: int) -> float:
    ds = ray.data.from_items(records)
    start = time.perf_counter()
    # Results come back to the driver, as `cleanprep clean --engine ray` receives them.
    rows = sum(b.num_rows for b in clean_dataset(ds, config, concurrency=workers).iter_batches(
        batch_format="pyarrow", batch_size=None))
    elapsed = time.perf_counter() - start
    assert rows == len(records)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="JSONL with id and text")
    parser.add_argument("--pages", type=int, default=None, help="first N records only")
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    parser.add_argument("--cpus", type=int, default=2, help="CPUs of the local Ray")
    parser.add_argument("--no-local", dest="local", action="store_false", help="skip the in-process baseline")
    args = parser.parse_args()

    records = load_records(args.data, args.pages)
    mb = sum(len(r["text"].encode("utf-8")) for r in records) / 1e6
    config = Config(jobs=1)
    print(f"{len(records)} pages, {mb:.2f} MB, {os.cpu_count()} CPUs here, Ray {ray.__version__}")
    # The 1-minute load average after each run: other work on the machine skews the figures.
    results: list[tuple[str, float, float]] = []
    if args.local:
        results.append(("local pipeline, 1 process", time_local(records, config), os.getloadavg()[0]))
    ray.init(num_cpus=args.cpus, include_dashboard=False, logging_level="warning")
    ray.data.DataContext.get_current().enable_progress_bars = False
    try:
        for workers in (int(w) for w in args.workers.split(",")):
            name = f"ray, {workers} worker{'s' if workers > 1 else ''}"
            results.append((name, time_ray(records, config, workers), os.getloadavg()[0]))
    finally:
        ray.shutdown()
    print("\n| engine | seconds | MB/s | pages/s | load average after |\n|---|---:|---:|---:|---:|")
    for name, secs, load in results:
        print(f"| {name} | {secs:.1f} | {mb / secs:.3f} | {len(records) / secs:.1f} | {load:.1f} |")


if __name__ == "__main__":
    main()
