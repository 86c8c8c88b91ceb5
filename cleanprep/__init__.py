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
from .language import DetectResult, detect
from .pipeline import Pipeline

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


def clean(text: str, config: Config | None = None, **options: Any) -> Document:
    """Clean one text. The result has `.clean` (the text), `.lang`, and `.segments` with verdicts.

    Options are Config's fields (`target`, `foreign`, `chrome`, `redact`, ...), the same names as
    the command line's options.
    """
    cfg = (config or Config(jobs=1)).with_options(**options) if options else (config or Config(jobs=1))
    doc = next(Pipeline(cfg).run([text]))
    if doc.error is not None:
        raise RuntimeError(f"cleanprep could not clean this text: {doc.error}")
    return doc
