"""fastText per line: every non-blank line labelled with lid.176's top language.

The plain way to find foreign text inside a document: no context, no sentence splitting. Lines go
to the model in one batched call per document.

>>> line_spans("Hello there.\\n\\n  Guten Tag.")
[(0, 12), (16, 26)]
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator
from typing import Any

NAME = "fastText per line"
TASK = "detect"


def requirement() -> str | None:
    return None if importlib.util.find_spec("fasttext") else "pip install fasttext-numpy2"


def line_spans(text: str) -> list[tuple[int, int]]:
    """Character offsets of each line's non-blank part."""
    spans, pos = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped)
            spans.append((start, start + len(stripped)))
        pos += len(line) + 1
    return spans


def load(model_path: str) -> Any:
    from fasttext.FastText import _FastText

    return _FastText(model_path)


def process(model: Any, records: Iterable[dict]) -> Iterator[tuple[str, list[dict]]]:
    for rec in records:
        text = rec["text"]
        spans = line_spans(text)
        labels, _ = model.predict([text[a:b] for a, b in spans], k=1) if spans else ([], [])
        yield rec["id"], [{"start": a, "end": b, "lang": lab[0].removeprefix("__label__")}
                          for (a, b), lab in zip(spans, labels, strict=True)]
