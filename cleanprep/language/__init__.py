"""Language identification: which language each segment is in, and the document's main language.

The stage's entry point is `identify(doc, target)`; `detect(text)` serves the library and the
`cleanprep detect` command.
"""

from .identify import DetectResult, detect, identify

__all__ = ["DetectResult", "detect", "identify"]
