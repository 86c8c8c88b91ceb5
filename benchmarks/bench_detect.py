"""Time `detect` in-process over a JSONL set and write its predictions for score_mixed.py.

usage: python benchmarks/bench_detect.py GOLD.jsonl PRED.jsonl
then:  python ../shared/eval/score_mixed.py GOLD.jsonl PRED.jsonl

Prints MB/s over the file size, wall and CPU (the CPU figure is steadier on a shared machine), with
the model load left out and once more with it. CLEANPREP_SECOND_OPINION=0 times it without lingua.
"""

from __future__ import annotations

import json
import os
import sys
import time


def main(gold: str, pred: str) -> None:
    t0 = time.perf_counter()
    from cleanprep.language import detect
    from cleanprep.language.model import load_model

    load_model()
    t1 = time.perf_counter()
    with open(gold, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    t2 = time.perf_counter()
    c2 = time.process_time()
    out = []
    for rec in records:
        d = detect(rec["text"]).to_dict()
        out.append(json.dumps({"id": rec["id"], **d}, ensure_ascii=False))
    t3 = time.perf_counter()
    c3 = time.process_time()
    with open(pred, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    mb = os.path.getsize(gold) / 1e6
    print(json.dumps({"docs": len(records), "detect_s": round(t3 - t2, 3),
                      "mb_per_s": round(mb / (t3 - t2), 2), "cpu_s": round(c3 - c2, 3),
                      "cpu_mb_per_s": round(mb / (c3 - c2), 2),
                      "with_load_mb_per_s": round(mb / (time.perf_counter() - t0), 2),
                      "load_s": round(t1 - t0, 3)}))


if __name__ == "__main__":
    main(*sys.argv[1:3])
