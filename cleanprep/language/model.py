"""Load fastText's lid.176 model once per process, from the package or `models/`, never the network.

>>> model = load_model()
>>> predict_batch(model, ["Слава Україні, героям слава", "The cat sat on the mat"])[0][0][0]
'uk'
"""

from __future__ import annotations

import os
import re
import threading
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

import numpy as np

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
def load_model():  # noqa: ANN201 - fasttext has no type for its model
    """The fastText model, loaded once per process (forked workers share the parent's copy)."""
    import fasttext

    with _lock:
        # fastText prints a warning about load_model to stderr on every load; it is noise here.
        fasttext.FastText.eprint = lambda *args, **kwargs: None
        return fasttext.load_model(str(model_path()))


def predict_batch(model, texts: list[str], k: int = 3) -> list[list[tuple[str, float]]]:  # noqa: ANN001
    """Top-k (language, probability) for each text, in one call to fastText's C++ code."""
    if not texts:
        return []
    # fastText reads one line per text: newlines inside a text would end it early; its binding
    # encodes to UTF-8 strictly, so a lone surrogate (from a JSON escape) would raise.
    clean = [_SURROGATE.sub("\ufffd", t.replace("\n", " ")) if not t.isascii() else t.replace("\n", " ")
             for t in texts]
    labels, probs = model.f.multilinePredict(clean, k, 0.0, "strict")
    # "__label__" is 9 characters; tolist() turns numpy floats into Python floats in one C call
    # for the whole batch (a text without words gets no guesses, so the rows differ in length).
    flat = np.concatenate(probs).tolist()
    ends = list(accumulate(map(len, labels)))
    return [list(zip([lab[9:] for lab in labs], flat[end - len(labs) : end], strict=True))
            for labs, end in zip(labels, ends, strict=True)]
