"""lingua's mixed-language detection: `detect_multiple_languages_of` over each whole document.

The detector is built from all of lingua's 75 languages (the mixed sets draw on the same 75) in
its default high-accuracy mode. It is slow (about 0.02 MB/s), so the benchmark runs it on the
first documents of the set only (`--lingua-limit`) and says so. Offsets are characters.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator
from typing import Any

NAME = "lingua (multiple languages)"
TASK = "detect"


def requirement() -> str | None:
    return None if importlib.util.find_spec("lingua") else "pip install lingua-language-detector"


def load(model_path: str | None = None) -> Any:
    from lingua import LanguageDetectorBuilder

    # Preloaded, so loading counts as load time rather than as the first documents' work.
    return LanguageDetectorBuilder.from_all_languages().with_preloaded_language_models().build()


def process(detector: Any, records: Iterable[dict]) -> Iterator[tuple[str, list[dict]]]:
    for rec in records:
        found = detector.detect_multiple_languages_of(rec["text"])
        yield rec["id"], [{"start": r.start_index, "end": r.end_index,
                           "lang": r.language.iso_code_639_1.name.lower()} for r in found]
