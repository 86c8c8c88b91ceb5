"""Check a labelled chrome set written for cleanprep (same record shape as chrome-dev.jsonl).

Each record: {"id", "lang", "url", "text", "with": [...], "without": [...]}. A "with" segment is a
piece of an article line, a "without" segment a piece of a chrome line; score_chrome.py counts a
"with" found in the output as kept article and a "without" found as kept chrome, so each segment must
sit inside one line of the text and nowhere inside a line of the other kind.

usage: python benchmarks/sets/check_set.py SET.jsonl [SET.jsonl ...]
"""

from __future__ import annotations

import json
import sys
from collections import Counter


def problems(record: dict) -> list[str]:
    """What is wrong with one record (nothing: an empty list)."""
    out = []
    for key in ("id", "lang", "text", "with", "without"):
        if key not in record:
            out.append(f"no {key!r}")
    if out:
        return out
    lines = record["text"].split("\n")
    for kind, other in (("with", "without"), ("without", "with")):
        for seg in record[kind]:
            if "\n" in seg or not seg.strip():
                out.append(f"{kind} segment {seg!r} is empty or spans lines")
                continue
            holders = [ln for ln in lines if seg in ln]
            if not holders:
                out.append(f"{kind} segment {seg!r} is not in the text")
            for ln in holders:
                if any(o in ln for o in record[other]):
                    out.append(f"{kind} segment {seg!r} shares a line with a {other} segment")
                    break
    if len(record["with"]) < 5 or len(record["without"]) < 5:
        out.append("fewer than 5 with or without segments")
    return out


def main(paths: list[str]) -> int:
    bad = 0
    ids: Counter = Counter()
    langs: Counter = Counter()
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for n, raw in enumerate(f, 1):
                record = json.loads(raw)
                ids[record.get("id")] += 1
                langs[record.get("lang")] += 1
                for p in problems(record):
                    print(f"{path}:{n} ({record.get('id')}): {p}")
                    bad += 1
    for rid, c in ids.items():
        if c > 1:
            print(f"id {rid!r} appears {c} times")
            bad += 1
    print(f"{sum(ids.values())} records, languages {dict(langs)}, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
