"""Dump every segment's offsets, language, verdict and reason for a JSONL set, to compare two versions.

A speed change must not change a single verdict: dump before, dump after, and `cmp` the files.

    python benchmarks/dump_verdicts.py ../shared/eval/chrome-dev.jsonl /tmp/before.jsonl
    python benchmarks/dump_verdicts.py ../shared/eval/chrome-dev.jsonl /tmp/after.jsonl
    cmp /tmp/before.jsonl /tmp/after.jsonl

`--target LANG` sets the target (default: cleanprep's default, `auto`); `--foreign keep` is fixed, so
what is dumped is the judge's and the language stage's work, not what translation made of it.
"""

from __future__ import annotations

import json
import sys
import time

from cleanprep import Config, Pipeline


def main(src: str, dst: str, target: str = "auto") -> None:
    with open(src, encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    t0 = time.process_time()
    with open(dst, "w", encoding="utf-8") as out:
        for doc in Pipeline(Config(target=target, foreign="keep", jobs=1)).run(records):
            if doc.error is not None:
                # A dump of a failed document would compare as a change of verdicts, not as a crash.
                sys.exit(f"document {doc.id}: {doc.error}")
            segs = [[s.start, s.end, s.lang, s.verdict, s.reason] for s in doc.segments]
            out.write(json.dumps({"id": doc.id, "lang": doc.lang, "clean": doc.clean, "segments": segs},
                                 ensure_ascii=False) + "\n")
    print(f"{len(records)} documents, {time.process_time() - t0:.2f} s CPU", file=sys.stderr)


if __name__ == "__main__":
    args = sys.argv[1:]
    target = "auto"
    if "--target" in args:
        i = args.index("--target")
        target = args[i + 1]
        del args[i : i + 2]
    if len(args) != 2:
        sys.exit("usage: dump_verdicts.py SET.jsonl OUT.jsonl [--target LANG]")
    main(args[0], args[1], target)
