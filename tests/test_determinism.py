"""The same input gives the same output in every process, whatever Python's hash seed.

Worker processes (local --jobs, Ray actors) each get their own seed, so any order taken from a set or
a dict built from one would make engines disagree and runs differ.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"

SCRIPT = """
import json, sys
import cleanprep
recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")][:int(sys.argv[2])]
out = []
for r in recs:
    d = cleanprep.clean(r["text"], foreign="keep")
    out.append([d.lang, d.clean, [(s.start, s.end, s.lang, s.verdict, s.reason) for s in d.segments],
                [s.to_dict() for s in cleanprep.detect(r["text"]).spans]])
print(json.dumps(out))
"""


@pytest.mark.skipif(not EVAL.is_dir(), reason="../shared/eval is not beside the repo")
@pytest.mark.parametrize("name, limit", [("chrome-dev.jsonl", 120), ("mixed-dev.jsonl", 120)])
def test_output_does_not_depend_on_the_hash_seed(name, limit):
    runs = []
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        proc = subprocess.run([sys.executable, "-c", SCRIPT, str(EVAL / name), str(limit)],
                              capture_output=True, text=True, env=env, timeout=600)
        assert proc.returncode == 0, proc.stderr[-2000:]
        runs.append(json.loads(proc.stdout))
    for a, b in zip(*runs, strict=True):
        assert a == b


def test_the_cross_file_counts_are_the_same_counted_by_one_process_or_several(tmp_path: Path) -> None:
    import numpy as np

    from cleanprep.read import find_sources
    from cleanprep.runner import build_recurrence

    for n in range(7):
        (tmp_path / f"{n}.txt").write_text(f"Home\nNews\nStory number {n} is about the weather.\n"
                                           f"Startseite\nTeilen\nGeschichte {n % 3}\n", encoding="utf-8")
    sources = find_sources([str(tmp_path)]).sources
    alone, shared = build_recurrence(sources, 1), build_recurrence(sources, 3)
    assert shared.files == alone.files == 7
    assert np.array_equal(shared.counts, alone.counts)
    assert shared.count("home") == 7 and shared.count("geschichte1") == 2
