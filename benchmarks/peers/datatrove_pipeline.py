"""A datatrove pipeline doing the work cleanprep does: FTFY repair, language id, C4 line filter.

Steps (datatrove's own classes, chained the way its executors chain them, generator into
generator, in one process; reading and writing are left out, which only flatters datatrove):

1. `FTFYFormatter()` with its defaults (the same choices as cleanprep's fix stage);
2. `LanguageFilter(label_only=True)`: fastText lid.176 labels each document's language but drops
   none, since cleanprep with `--foreign keep` keeps every language too. Its model is pointed at
   the same local file cleanprep uses: `FastTextLID.model` would otherwise download lid.176.bin
   into datatrove's cache (`cached_asset_path_or_download`), so the loaded model is set on it;
3. `C4QualityFilter` in line-filtering mode: its line rules (terminal punctuation, >= 3 words,
   "javascript", policy phrases, citations) with the page-level rules (fewer than 5 sentences,
   curly bracket) switched off, so pages are cut down line by line rather than thrown away whole.
   A page that loses every line comes out empty.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator
from typing import Any

NAME = "datatrove (ftfy+lid+C4 lines)"
TASK = "clean"


def requirement() -> str | None:
    if importlib.util.find_spec("datatrove") is None:
        return "pip install datatrove"
    if importlib.util.find_spec("fasttext") is None:
        return "pip install fasttext-numpy2"
    return None


def _make(cls: type, **kwargs: Any) -> Any:
    """Build a datatrove step without its dependency check.

    The check asks for the `fasttext-numpy2-wheel` distribution by name; this environment has the
    same `fasttext` module from `fasttext-numpy2`, which the check does not recognise.
    """
    step = object.__new__(cls)
    step.__init__(**kwargs)
    return step


def load(model_path: str) -> list[Any]:
    from datatrove.pipeline.filters import C4QualityFilter, LanguageFilter
    from datatrove.pipeline.formatters import FTFYFormatter
    from fasttext.FastText import _FastText

    lang = _make(LanguageFilter, label_only=True)
    lang.model._model = _FastText(model_path)  # the local lid.176 model, instead of a download
    c4 = C4QualityFilter(min_num_sentences=-1, filter_curly_bracket=False, filter_lorem_ipsum=False)
    return [FTFYFormatter(), lang, c4]


def process(steps: list[Any], records: Iterable[dict]) -> Iterator[tuple[str, str]]:
    from datatrove.data import Document

    records = list(records)
    stream: Iterator[Any] = (Document(text=r["text"], id=str(r["id"])) for r in records)
    for step in steps:
        stream = step.run(stream, rank=0, world_size=1)
    # Filters drop documents from the stream; a dropped document's output is empty.
    out = {doc.id: doc.text for doc in stream}
    for r in records:
        yield r["id"], out.get(str(r["id"]), "")
