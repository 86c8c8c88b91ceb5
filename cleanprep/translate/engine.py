"""Load an Argos package once per process and translate sentences through it in batches.

What argostranslate's `translate()` does per sentence (tokenize, one CTranslate2 call, detokenize),
this does for a whole list at once: every sentence is tokenized with the package's SentencePiece
model, identical sentences are translated once, and CTranslate2 gets them in batches of
sentences of similar length. Decoding is greedy (beam 1) and every sentence is computed padded to
the same length whatever its batch (`with_ruler`), so its translation does not depend on which
others share its batch.

No sentence splitting happens here (the caller splits; argostranslate's splitters may try to
download a model), but a sentence longer than `MAX_SOURCE_TOKENS` is cut at word starts into
pieces that are translated separately and joined, rather than silently truncated.

>>> split_long(["\\u2581a", "b", "\\u2581c", "\\u2581d"], limit=2)
[['▁a', 'b'], ['▁c', '▁d']]
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from ..config import ConfigError
from .packages import PackageError, PackageInfo

MAX_SOURCE_TOKENS = 200
MAX_DECODING_LENGTH = 256
# A translation is cut at this many tokens per source token (plus a few): a model that loops
# ("the the the ...") cannot turn a short caption into MAX_DECODING_LENGTH tokens of repetition.
DECODING_PER_SOURCE_TOKEN = 2
DECODING_SLACK = 16
BUCKET = 8  # source lengths are padded up to a multiple of this (see `with_ruler`)
WORD_START = "\u2581"  # SentencePiece's marker for a piece that begins a word
_SPACES = re.compile(" {2,}")


class Tokenizer(Protocol):
    def encode(self, sentence: str) -> list[str]: ...

    def decode(self, tokens: list[str]) -> str: ...


class SentencePieceTokenizer:
    """The package's SentencePiece model, turning text into pieces and back."""

    def __init__(self, model_file: Path) -> None:
        import sentencepiece as spm

        self.processor = spm.SentencePieceProcessor(model_file=str(model_file))
        self.unknown = self.processor.unk_id()

    def encode(self, sentence: str) -> list[str]:
        return self.processor.encode(sentence, out_type=str)

    def decode(self, tokens: list[str]) -> str:
        """The text of target pieces. Packages converted from OPUS-MT ship only the source side's
        model, which does not know the target's pieces and would leave their `▁` in the text; then
        the pieces are joined and each `▁` is a space, which is what SentencePiece's decoding does."""
        ids = [self.processor.piece_to_id(t) for t in tokens]
        if self.unknown not in ids or all(t == "<unk>" for t, i in zip(tokens, ids, strict=True)
                                          if i == self.unknown):
            return self.processor.decode_pieces(tokens)
        return _SPACES.sub(" ", "".join(tokens).replace(WORD_START, " ")).strip()


def resolve_device(device: str) -> str:
    """`auto` -> `cuda` when CTranslate2 sees a GPU, else `cpu`; asking for `cuda` without one is
    a ConfigError (silently dropping every segment a broken device failed to translate is worse).

    >>> resolve_device("cpu")
    'cpu'
    """
    if device == "cpu":
        return device
    import ctranslate2

    has_gpu = ctranslate2.get_cuda_device_count() > 0
    if device == "auto":
        return "cuda" if has_gpu else "cpu"
    if device == "cuda" and not has_gpu:
        raise ConfigError("--device cuda: CTranslate2 sees no CUDA GPU here; use --device cpu or auto")
    return device


def default_threads(jobs: int = 1) -> int:
    """CPU threads per translator: the CPUs this process may use, shared among `jobs` processes."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        cpus = os.cpu_count() or 1
    return max(1, min(8, cpus // max(1, jobs)))


def split_long(tokens: list[str], limit: int = MAX_SOURCE_TOKENS) -> list[list[str]]:
    """Cut a token list into pieces of at most `limit` tokens, preferring cuts before word starts."""
    pieces: list[list[str]] = []
    rest = tokens
    while len(rest) > limit:
        cut = next((i for i in range(limit, limit // 2, -1) if rest[i].startswith(WORD_START)), limit)
        pieces.append(rest[:cut])
        rest = rest[cut:]
    pieces.append(rest)
    return pieces


@dataclass
class LoadedPackage:
    """A package ready to translate: its CTranslate2 translator and its tokenizer."""

    info: PackageInfo
    translator: Any
    tokenizer: Tokenizer
    device: str

    def translate(
        self,
        sentences: Sequence[str],
        batch_size: int = 32,
        *,
        max_decoding_length: int = MAX_DECODING_LENGTH,
        min_decoding_length: int = 1,
    ) -> list[str]:
        """Translate sentences; the i-th result is the i-th sentence's translation ('' for '')."""
        units: dict[tuple[str, ...], int] = {}  # distinct token sequences -> their output slot
        plan: list[list[int]] = []
        for sentence in sentences:
            tokens = self.tokenizer.encode(sentence) if sentence.strip() else []
            pieces = split_long(tokens) if tokens else []
            plan.append([units.setdefault(tuple(p), len(units)) for p in pieces])
        outputs = [""] * len(units)
        for chunk in batches_by_bucket(list(units), batch_size):
            # Every member of a chunk shares its bucket, so the cap depends on the sentence alone.
            limit = min(max_decoding_length, decoding_limit(bucket_of(max(map(len, chunk)))))
            texts = self._translate_batch(with_ruler(chunk), limit, min_decoding_length)
            for unit, text in zip(chunk, texts, strict=False):  # the ruler's output (last) is dropped
                outputs[units[unit]] = text
        return [" ".join(outputs[i] for i in ids if outputs[i]) for ids in plan]

    def _translate_batch(self, batch: list[list[str]], max_length: int, min_length: int) -> list[str]:
        """One greedy CTranslate2 call; the detokenized outputs, in order."""
        prefix = self.info.target_prefix
        results = self.translator.translate_batch(
            batch,
            target_prefix=[[prefix]] * len(batch) if prefix else None,
            beam_size=1,
            max_decoding_length=max_length,
            min_decoding_length=min_length,
            replace_unknowns=True,
        )
        texts = []
        for result in results:
            tokens = result.hypotheses[0]
            if prefix and tokens and tokens[0] == prefix:
                tokens = tokens[1:]
            texts.append(self.tokenizer.decode(tokens).strip())
        return texts


def decoding_limit(source_tokens: int) -> int:
    """The most tokens a translation of a sentence this long may have.

    >>> decoding_limit(8), decoding_limit(200)
    (32, 416)
    """
    return DECODING_PER_SOURCE_TOKEN * source_tokens + DECODING_SLACK


def bucket_of(length: int) -> int:
    """The padded length a sequence is always computed at: its length rounded up to BUCKET.

    >>> bucket_of(1), bucket_of(8), bucket_of(9)
    (8, 8, 16)
    """
    return -(-length // BUCKET) * BUCKET


def batches_by_bucket(units: list[tuple[str, ...]], batch_size: int) -> list[list[tuple[str, ...]]]:
    """Batches of at most `batch_size` sequences from the same length bucket, in bucket order.

    >>> [len(b) for b in batches_by_bucket([("a",) * 3, ("b",) * 12, ("c",) * 5, ("d",) * 7], 2)]
    [2, 1, 1]
    """
    by_bucket: dict[int, list[tuple[str, ...]]] = {}
    for unit in units:
        by_bucket.setdefault(bucket_of(len(unit)), []).append(unit)
    return [
        group[i : i + batch_size]
        for _, group in sorted(by_bucket.items())
        for i in range(0, len(group), batch_size)
    ]


def with_ruler(chunk: list[tuple[str, ...]]) -> list[list[str]]:
    """The batch to give CTranslate2: the chunk, plus a 'ruler' when no member fills the bucket.

    Why: CTranslate2 pads a batch to its longest member, and padding changes sums inside attention
    in their last bits, enough to flip a close greedy choice. A ruler (the longest member, its last
    token repeated up to the bucket length) makes every batch of a bucket padded to the same
    length, so a sentence gets the same translation whatever else shares its batch, alone included.
    Its own output is thrown away; it reads like the longest member, so it decodes about as long.

    >>> with_ruler([("a", "b"), ("c",)])
    [['a', 'b'], ['c'], ['a', 'b', 'b', 'b', 'b', 'b', 'b', 'b']]
    """
    batch = [list(unit) for unit in chunk]
    longest = max(batch, key=len)
    size = bucket_of(len(longest))
    if len(longest) < size:
        batch.append(longest + [longest[-1]] * (size - len(longest)))
    return batch


_LOADED: dict[tuple[str, str, int], LoadedPackage] = {}
_LOCK = threading.Lock()


def load_package(info: PackageInfo, device: str = "cpu", threads: int = 0) -> LoadedPackage:
    """The package's translator and tokenizer, loaded once per process (cached by path and device;
    a package reinstalled at the same path is loaded afresh).

    `threads` (CPU only) is the number of intra-op threads; 0 picks `default_threads()`.
    """
    device = resolve_device(device)
    try:
        stamp = (info.path / "metadata.json").stat().st_mtime_ns
    except OSError as exc:
        raise PackageError(f"package {info.name} is gone from {info.path}") from exc
    key = (str(Path(info.path).resolve()), device, stamp)
    with _LOCK:
        if key in _LOADED:
            return _LOADED[key]
        import ctranslate2

        model_dir = info.path / "model"
        try:
            if device == "cpu":
                translator = ctranslate2.Translator(
                    str(model_dir), device="cpu", inter_threads=1, intra_threads=threads or default_threads()
                )
            else:
                translator = ctranslate2.Translator(str(model_dir), device=device)
            tokenizer = _tokenizer_for(info)
        except (RuntimeError, ValueError, OSError) as exc:
            raise PackageError(f"cannot load package {info.name} from {info.path}: {exc}") from exc
        loaded = LoadedPackage(info, translator, tokenizer, device)
        _LOADED[key] = loaded
        return loaded


def _tokenizer_for(info: PackageInfo) -> Tokenizer:
    sp_model = info.path / "sentencepiece.model"
    if sp_model.is_file():
        return SentencePieceTokenizer(sp_model)
    bpe_model = info.path / "bpe.model"
    if bpe_model.is_file():
        # Older Argos packages: Moses tokenization + BPE, as argostranslate itself does it.
        try:
            from argostranslate.tokenizer import BPETokenizer
        except ImportError as exc:
            raise PackageError(f"package {info.name} is an older BPE package (bpe.model); reading it needs "
                               "argostranslate: pip install 'cleanprep[argos]'") from exc

        return BPETokenizer(bpe_model, info.from_code, info.to_code)
    raise PackageError(f"package {info.name} has neither sentencepiece.model nor bpe.model")


def unload_all() -> None:
    """Forget every loaded package (tests, or after packages were removed)."""
    with _LOCK:
        _LOADED.clear()
