"""Readable Python twin of `_core.LanguageModel`: fastText's supervised model read from its file and
asked for its top-k labels, operation by operation as fastText rounds them (numpy float32 scalars;
glibc's expf through ctypes, as fastText's float `std::exp` calls it).

`tests/test_lid_model.py` checks that the kernel, this twin and the fasttext module give the same
labels and probabilities. It is the specification, and a thousand times slower than the kernel.

>>> from cleanprep.language.model import model_path
>>> model = ReferenceModel.read(model_path())
>>> [(lang, round(p, 3)) for lang, p in model.predict("Слава Україні, героям слава", k=2)]
[('uk', 0.897), ('be', 0.084)]
"""

from __future__ import annotations

import ctypes
import ctypes.util
import heapq
import math
import re
import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

F32 = np.float32
_BLANKS = b" \n\r\t\v\f\0"
_LABEL = b"__label__"
_SURROGATE = re.compile("[\ud800-\udfff]")
_LIBM = ctypes.CDLL(ctypes.util.find_library("m") or "libm.so.6")
_LIBM.expf.restype, _LIBM.expf.argtypes = ctypes.c_float, [ctypes.c_float]


def expf(x: np.float32) -> np.float32:
    """C's expf: numpy's own float32 exp differs from it in the last bit for some arguments."""
    return F32(_LIBM.expf(float(x)))


def fnv1a(data: bytes) -> int:
    """fastText's 32-bit FNV-1a, each byte read as a signed char (0x80 and above sign-extend)."""
    h = 2166136261
    for byte in data:
        h = ((h ^ (byte - 256 if byte >= 128 else byte) & 0xFFFFFFFF) * 16777619) & 0xFFFFFFFF
    return h


@dataclass
class ReferenceModel:
    words: dict[bytes, int]
    labels: list[str]
    bucket_row: dict[int, int]
    minn: int
    maxn: int
    bucket: int
    codes: np.ndarray  # rows x nsubq
    centroids: np.ndarray  # nsubq x 256 x dsub
    norms: np.ndarray | None  # each row's norm
    output: np.ndarray  # inner node - labels x dim
    left: list[int]
    right: list[int]

    @classmethod
    def read(cls, path: Path) -> ReferenceModel:
        data, at = path.read_bytes(), 0

        def take(fmt: str) -> tuple:
            nonlocal at
            values = struct.unpack_from("<" + fmt, data, at)
            at += struct.calcsize("<" + fmt)
            return values

        def floats(n: int) -> np.ndarray:
            nonlocal at
            out = np.frombuffer(data, F32, n, at)
            at += 4 * n
            return out

        assert take("ii") == (793712314, 12)
        dim, _, _, _, _, _, _, _, bucket, minn, maxn, _ = take("12i")
        take("d")
        size, nwords, _ = take("iii")
        _, pruned = take("qq")
        words, labels, counts = {}, [], []
        for i in range(size):
            end = data.index(b"\0", at)
            word, at = data[at:end], end + 1
            count, kind = take("qb")
            if kind == 1:
                labels.append(word[len(_LABEL):].decode())
                counts.append(count)
            else:
                words[word] = i
        bucket_row = {}
        for _ in range(pruned):
            b, row = take("ii")
            bucket_row[b] = nwords + row
        (quantised,) = take("?")
        assert quantised
        (qnorm,) = take("?")
        rows, _ = take("qq")
        (codesize,) = take("i")
        codes = np.frombuffer(data, np.uint8, codesize, at)
        at += codesize
        _, nsubq, dsub, lastdsub = take("iiii")
        assert lastdsub == dsub  # (lid.176's layout; the kernel also reads a shorter last part)
        centroids = floats(dim * 256).reshape(nsubq, 256, dsub)
        norms = None
        if qnorm:
            norm_codes = np.frombuffer(data, np.uint8, rows, at)
            at += rows
            take("iiii")
            norms = floats(256)[norm_codes]
        take("?")
        out_rows, out_cols = take("qq")
        output = floats(out_rows * out_cols).reshape(out_rows, out_cols)
        left, right = _huffman(counts)
        return cls(words, labels, bucket_row, minn, maxn, bucket, codes.reshape(rows, nsubq),
                   centroids, norms, output, left, right)

    def rows_of(self, text: str) -> list[int]:
        """The input rows a line adds, in fastText's order."""
        rows: list[int] = []
        data = _SURROGATE.sub("\ufffd", text).encode()  # a lone surrogate cannot be UTF-8
        for token in bytes(b if b not in _BLANKS else 32 for b in data).split():
            if token in self.words:
                rows.append(self.words[token])
                if token == b"</s>":
                    break
                rows += self._ngram_rows(b"<" + token + b">")
            elif not token.startswith(_LABEL):
                rows += self._ngram_rows(b"<" + token + b">")
        return rows

    def _ngram_rows(self, word: bytes) -> list[int]:
        # Characters, not bytes: an n-gram starts at a character and takes whole characters.
        starts = [i for i, b in enumerate(word) if b & 0xC0 != 0x80] + [len(word)]
        rows = []
        for a in range(len(starts) - 1):
            for n in range(1, self.maxn + 1):
                if a + n >= len(starts):
                    break
                first, after = starts[a], starts[a + n]
                if n >= self.minn and not (n == 1 and (first == 0 or after == len(word))):
                    row = self.bucket_row.get(fnv1a(word[first:after]) % self.bucket)
                    if row is not None:
                        rows.append(row)
        return rows

    def predict(self, text: str, k: int = 1) -> list[tuple[str, float]]:
        """The k most probable labels of `text` and their probabilities, best first."""
        rows = self.rows_of(text)
        if not rows:
            return []
        hidden = np.zeros(self.output.shape[1], F32)
        for row in rows:
            norm = self.norms[row] if self.norms is not None else F32(1)
            for m, code in enumerate(self.codes[row]):
                for d, c in enumerate(self.centroids[m, code]):
                    j = m * self.centroids.shape[2] + d
                    hidden[j] = F32(hidden[j] + F32(norm * c))
        hidden = hidden * F32(1.0 / len(rows))
        best: list[tuple[np.float32, int]] = []  # a min-heap of (log-probability, leaf)
        floor = _log(F32(0.0))
        nlabels = len(self.labels)

        def search(node: int, score: np.float32) -> None:
            if score < floor or (len(best) == k and score < best[0][0]):
                return
            if self.left[node] == -1:
                heapq.heappush(best, (score, node))
                if len(best) > k:
                    heapq.heappop(best)
                return
            dot = F32(0)
            for w, h in zip(self.output[node - nlabels], hidden, strict=True):
                dot = F32(dot + F32(w * h))
            p = F32(1.0 / float(F32(1) + expf(-dot)))
            search(self.left[node], F32(score + _log(F32(1.0 - float(p)))))
            search(self.right[node], F32(score + _log(p)))

        search(2 * nlabels - 2, F32(0))
        return [(self.labels[leaf], float(expf(score))) for score, leaf in sorted(best, reverse=True)]


def _log(x: np.float32) -> np.float32:
    return F32(math.log(float(x) + 1e-5))


def _huffman(counts: list[int]) -> tuple[list[int], list[int]]:
    """Children of each node: leaves are the labels (counts descending), then the inner nodes, each
    joining the two smallest of the leaves left and the inner nodes made so far."""
    n = len(counts)
    count = counts + [10**15] * (n - 1)
    left, right = [-1] * (2 * n - 1), [-1] * (2 * n - 1)
    leaf, inner = n - 1, n
    for node in range(n, 2 * n - 1):
        pick = []
        for _ in range(2):
            if leaf >= 0 and count[leaf] < count[inner]:
                pick.append(leaf)
                leaf -= 1
            else:
                pick.append(inner)
                inner += 1
        left[node], right[node] = pick
        count[node] = count[pick[0]] + count[pick[1]]
    return left, right
