"""The written chrome sets (benchmarks/sets/): every labelled piece sits in one line of its own kind."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

SETS = Path(__file__).resolve().parents[1] / "benchmarks" / "sets"


def load_checker():
    spec = importlib.util.spec_from_file_location("check_set", SETS / "check_set.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_written_chrome_sets_are_well_labelled() -> None:
    check = load_checker()
    sets = sorted(SETS.glob("*.jsonl"))
    assert len(sets) == 6
    for path in sets:
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            assert check.problems(record) == [], record["id"]


def test_the_checker_finds_a_piece_held_by_both_kinds_of_line() -> None:
    check = load_checker()
    bad = {"id": "x", "lang": "en", "text": "Home\nThe article.", "with": ["Home"] * 5,
           "without": ["Home"] * 5}
    assert any("shares a line" in p for p in check.problems(bad))
