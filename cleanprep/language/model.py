"""Load fastText's lid.176 model once per process, from the package or `models/`, never the network.

The model is read and run by cleanprep's compiled core (`_core.LanguageModel`, src/core/lid.cpp):
the same labels and probabilities as the fasttext module's predict, to the last bit (compared on the
147,890 texts the pipeline asks about on chrome-dev and mixed-dev, k = 1, 2 and 5; and in
tests/test_lid_model.py), in about half the time with the answers built straight into Python lists.
A model the core does not read (one trained with another loss than hierarchical softmax, or with word
n-grams, named by $CLEANPREP_LID_MODEL) is run by the fasttext module instead.

>>> model = load_model()
>>> predict_batch(model, ["Слава Україні, героям слава", "The cat sat on the mat"])[0][0][0]
'uk'
"""

from __future__ import annotations

import os
import re
import threading
from functools import lru_cache
from itertools import accumulate, chain
from pathlib import Path

import numpy as np

from .. import _core

MODEL_NAME = "lid.176.ftz"
_lock = threading.Lock()
_SURROGATE = re.compile(r"[\ud800-\udfff]")


class ModelNotFoundError(FileNotFoundError):
    """The language model file is missing: the message says where it was looked for."""


def model_path() -> Path:
    """Where lid.176.ftz is: $CLEANPREP_LID_MODEL, the installed package, or the source tree."""
    env = os.environ.get("CLEANPREP_LID_MODEL")
    if env:
        # A path the user named and got wrong must not quietly fall back to another model.
        if Path(env).is_file():
            return Path(env)
        raise ModelNotFoundError(
            f"CLEANPREP_LID_MODEL={env} is not a file; point it at lid.176.ftz or unset it"
        )
    candidates = []
    here = Path(__file__).resolve().parent.parent
    candidates += [here / "models" / MODEL_NAME, here.parent / "models" / MODEL_NAME]
    for path in candidates:
        if path.is_file():
            return path
    looked = ", ".join(str(p) for p in candidates)
    raise ModelNotFoundError(
        f"fastText language model {MODEL_NAME} not found (looked in {looked}); "
        "reinstall cleanprep or set CLEANPREP_LID_MODEL to the file"
    )


@lru_cache(maxsize=1)
def load_model():  # noqa: ANN201 - either of two model types
    """The language model, loaded once per process (forked workers share the parent's copy)."""
    path = model_path()
    with _lock:
        try:
            return _core.LanguageModel(path.read_bytes())
        except ValueError:
            pass  # a layout the core does not read: the fasttext module reads them all
        import fasttext

        # fastText prints a warning about load_model to stderr on every load; it is noise here.
        fasttext.FastText.eprint = lambda *args, **kwargs: None
        return fasttext.load_model(str(path))


def predict_batch(model, texts: list[str], k: int = 3) -> list[list[tuple[str, float]]]:  # noqa: ANN001
    """Top-k (language, probability) for each text, in one call to compiled code."""
    if not texts:
        return []
    if isinstance(model, _core.LanguageModel):
        # The core reads each text as one line and writes a lone surrogate as U+FFFD itself.
        return model.predict(texts, k)
    labels, probs = model.f.multilinePredict(_one_line_each(texts), k, 0.0, "strict")
    # tolist() turns numpy floats into Python floats in one C call for the whole batch; the
    # (language, probability) pairs of all texts are made in one pass too, then cut per text.
    flat = np.concatenate(probs).tolist()
    pairs = list(zip(map(_LANGUAGE_OF.__getitem__, chain.from_iterable(labels)), flat, strict=True))
    if len(pairs) == k * len(texts):  # the common case: every text got k guesses
        return [pairs[i : i + k] for i in range(0, len(pairs), k)]
    # A text without words gets no guesses, so the rows differ in length.
    ends = list(accumulate(map(len, labels)))
    return [pairs[end - len(labs) : end] for labs, end in zip(labels, ends, strict=True)]


class _Labels(dict):
    """fastText label -> language ("__label__en" -> "en"), worked out once per label."""

    def __missing__(self, label: str) -> str:
        lang = self[label] = label[9:]  # "__label__" is 9 characters
        return lang


_LANGUAGE_OF = _Labels()
# Joins a batch's texts so the clean-up below runs once over the whole batch (one C loop each)
# instead of once per text; a batch whose texts hold it is cleaned text by text.
_SEPARATOR = "\x00"


def _one_line_each(texts: list[str]) -> list[str]:
    """The texts as fastText must get them: one line each, valid UTF-8.

    fastText reads one line per text: newlines inside a text would end it early; its binding
    encodes to UTF-8 strictly, so a lone surrogate (from a JSON escape) would raise.

    >>> _one_line_each(["a\\nb", "", "c\\ud800"])
    ['a b', '', 'c\\ufffd']
    """
    joined = _SEPARATOR.join(texts)
    if joined.count(_SEPARATOR) != len(texts) - 1:
        return [_clean_line(t) for t in texts]
    return _clean_line(joined).split(_SEPARATOR)


def _clean_line(text: str) -> str:
    text = text.replace("\n", " ")
    return text if text.isascii() else _SURROGATE.sub("\ufffd", text)
