"""cleanprep: turn scraped multilingual web text into clean, single-language text.

>>> import cleanprep
>>> result = cleanprep.clean("Share this article\\n\\nThe river rose overnight and flooded the town.",
...                          foreign="drop")
>>> result.clean, result.lang
('The river rose overnight and flooded the town.', 'en')
>>> [s.lang for s in cleanprep.detect("The river rose. Річка піднялася вночі й затопила місто.").spans]
['en', 'uk']
"""

from __future__ import annotations

from typing import Any

from .config import Config, ConfigError
from .document import Document, LanguageSpan, Segment

__version__ = "0.1.0"

__all__ = [
    "Config",
    "ConfigError",
    "DetectResult",
    "Document",
    "LanguageSpan",
    "Pipeline",
    "Segment",
    "clean",
    "detect",
    "__version__",
]


def __getattr__(name: str) -> Any:
    # The pipeline and the language model's code load on first use, so `cleanprep --version` and
    # commands that need only part of the package start fast.
    if name == "Pipeline":
        from .pipeline import Pipeline

        return Pipeline
    if name == "DetectResult":
        from .language import DetectResult

        return DetectResult
    raise AttributeError(f"module 'cleanprep' has no attribute {name!r}")


def detect(text: str) -> Any:
    """Language spans of `text`: `cleanprep.language.detect` (see there)."""
    from .language import detect as _detect

    return _detect(text)


def clean(text: str, config: Config | None = None, **options: Any) -> Document:
    """Clean one text. The result has `.clean` (the text), `.lang`, and `.segments` with verdicts.

    Options are Config's fields (`target`, `foreign`, `chrome`, `redact`, ...), the same names as
    the command line's options.
    """
    cfg = (config or Config(jobs=1)).with_options(**options) if options else (config or Config(jobs=1))
    from .pipeline import Pipeline

    doc = next(Pipeline(cfg).run([text]))
    if doc.error is not None:
        raise RuntimeError(f"cleanprep could not clean this text: {doc.error}")
    return doc
