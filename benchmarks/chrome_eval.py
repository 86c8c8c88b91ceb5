"""In-process evaluation of the chrome judge on a chrome set (e.g. ../shared/eval/chrome-dev.jsonl).

Builds each document as the pipeline does (split -> identify -> judge_chrome), assembles the kept
segments (segments of a line joined by " ", lines by "\\n", blocks by "\\n\\n"; foreign segments are
kept, as with `--foreign keep`) and scores exactly as `../shared/eval/score_chrome.py` does: a "with"
segment found in the output is a true positive, one missing a false negative, a "without" segment
found a false positive; precision, recall and F1 are pooled over all segments.

usage:
    python benchmarks/chrome_eval.py ../shared/eval/chrome-dev.jsonl            # whole set
    python benchmarks/chrome_eval.py SET --half 0|1                             # pages of one half
    python benchmarks/chrome_eval.py SET --errors 30                            # show misjudged segments
    python benchmarks/chrome_eval.py SET --no-recurrence                        # without the pre-pass

Identification is the slow part and does not depend on the judge, so identified documents are cached
(``--cache FILE``, default in the system temp directory); the judge's own time is reported per MB.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import sys
import tempfile
import time
from pathlib import Path

from cleanprep.chrome import RecurrenceIndex, judge_chrome
from cleanprep.document import CHROME, Document, Segment
from cleanprep.language import identify
from cleanprep.split import split_document

sys.path.insert(0, str(Path(__file__).resolve().parent))
from compare import chrome_prf  # noqa: E402 - a sibling script, found once its folder is on the path


def page_half(page_id: str) -> int:
    """A stable split of pages into two halves (for training on one and measuring on the other)."""
    return hashlib.sha1(page_id.encode("utf-8")).digest()[0] & 1


def build(record_id: str, text: str) -> Document:
    """A document split and identified as the pipeline does before the judge runs."""
    doc = Document(id=record_id, text=text)
    doc.fixed = text
    split_document(doc)
    try:
        identify(doc)
    except IndexError:
        # An early identify stage fails on segments fastText gives no label: label the rest one by one.
        from collections import Counter

        from cleanprep.language.model import load_model, predict_batch

        weight: Counter[str] = Counter()
        for seg in doc.segments:
            pred = predict_batch(load_model(), [doc.content(seg)], k=1)[0]
            seg.lang, seg.score = pred[0] if pred else ("und", 0.0)
            weight[seg.lang] += seg.end - seg.start
        doc.lang = weight.most_common(1)[0][0]
    return doc


def read_set(path: str) -> list[dict]:
    """The records of a JSONL set."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_docs(path: str, cache: str | None) -> list[Document]:
    """Identified documents of a set, from the cache when it is newer than the set."""
    if cache and os.path.exists(cache) and os.path.getmtime(cache) > os.path.getmtime(path):
        with open(cache, "rb") as f:
            rows = pickle.load(f)
    else:
        rows = []
        for r in read_set(path):
            d = build(r["id"], r["text"])
            segs = [(s.start, s.end, s.block, s.line, s.lang, s.score) for s in d.segments]
            rows.append((d.id, d.fixed, segs, d.lang, d.lang_score))
        if cache:
            with open(cache, "wb") as f:
                pickle.dump(rows, f)
    docs = []
    for did, fixed, segs, lang, lang_score in rows:
        d = Document(id=did, text=fixed)
        d.fixed, d.lang, d.lang_score = fixed, lang, lang_score
        d.segments = [Segment(a, b, block=bl, line=li, lang=la, score=sc) for a, b, bl, li, la, sc in segs]
        docs.append(d)
    return docs


def assemble(doc: Document) -> str:
    """Kept segments' text: a line's segments joined by spaces, lines by newlines, blocks by blank lines."""
    blocks: list[list[str]] = []
    last_block = None
    for line in doc.lines():
        kept = [doc.content(s) for s in line if s.verdict != CHROME]
        if not kept:
            continue
        if line[0].block != last_block:
            blocks.append([])
            last_block = line[0].block
        blocks[-1].append(" ".join(kept))
    return "\n\n".join("\n".join(b) for b in blocks)


# The pooled with/without metric of score_chrome.py, written once for all benchmarks.
score = chrome_prf


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("set")
    ap.add_argument("--half", type=int, choices=(0, 1), help="score only the pages of this half")
    ap.add_argument("--errors", type=int, default=0, help="print this many misjudged segments")
    ap.add_argument("--no-recurrence", action="store_true", help="judge without the cross-file pre-pass")
    ap.add_argument("--cache", default=str(Path(tempfile.gettempdir(), "cleanprep-chrome-eval.pkl")))
    args = ap.parse_args(argv)

    records = read_set(args.set)
    docs = load_docs(args.set, args.cache)
    if args.half is not None:
        pairs = [(r, d) for r, d in zip(records, docs, strict=True) if page_half(r["id"]) == args.half]
        records, docs = [p[0] for p in pairs], [p[1] for p in pairs]
    size = sum(len(d.fixed.encode("utf-8")) for d in docs) / 1e6

    t0 = time.process_time()
    index = None
    if not args.no_recurrence:
        index = RecurrenceIndex()
        for d in docs:
            index.add(d.fixed)
    t1 = time.process_time()
    for d in docs:
        judge_chrome(d, index)
    t2 = time.process_time()

    outputs = [assemble(d) for d in docs]
    result = score(records, outputs)
    result.update(docs=len(docs), mb=round(size, 2), recurrence_s_per_mb=round((t1 - t0) / size, 4),
                  judge_s_per_mb=round((t2 - t1) / size, 4))
    print(json.dumps(result))
    if args.errors:
        shown = 0
        for r, d, o in zip(records, docs, outputs, strict=True):
            for s in r["with"]:
                if s not in o and s in d.fixed and shown < args.errors:
                    why = {x.reason for x in d.segments if x.verdict == CHROME and s in d.content(x)}
                    print(f"LOST {d.id[:30]:30} {sorted(why)} {s[:80]!r}")
                    shown += 1
            for s in r["without"]:
                if s in o and shown < args.errors:
                    print(f"KEPT {d.id[:30]:30} {s[:80]!r}")
                    shown += 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
