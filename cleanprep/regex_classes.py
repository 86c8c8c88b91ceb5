"""What the regex module says of each character of the Basic Multilingual Plane, as bits, for the
compiled kernels that stand in for a pattern (`split`'s sentence ends, `decide`'s word count).

The kernels must cut and count exactly where the patterns do, so the classes are the regex module's
own (its Unicode tables, which may be newer than the standard library's `unicodedata`), asked of
every BMP character once at import (10.6 ms here, by `python -X importtime`). A character above
the BMP is not in the table: where one has a say, a kernel leaves the text to the pattern.

>>> TABLE[ord("A")] == OPENS | WORD | UPPER | LETTER, TABLE[ord(" ")] == SPACE, TABLE[ord("東")] & UPPER
(True, True, 0)
"""

from __future__ import annotations

import numpy as np
import regex

# \p{Lu}, \p{Lt} or \p{Lo} (may open a sentence); \w; \s; \p{Lu}; \p{L}.
OPENS, WORD, SPACE, UPPER, LETTER = 1, 2, 4, 8, 16


def _build() -> bytes:
    every = np.arange(0x10000, dtype=np.uint32).tobytes().decode("utf-32-le", "surrogatepass")
    table = np.zeros(0x10000, dtype=np.uint8)
    # Classes of many characters: every other character becomes NUL (which is in none of them).
    for bit, others in ((OPENS, r"[^\p{Lu}\p{Lt}\p{Lo}]"), (WORD, r"\W"), (LETTER, r"\P{L}")):
        kept = regex.sub(others, "\0", every).encode("utf-32-le", "surrogatepass")
        table[np.frombuffer(kept, dtype=np.uint32) != 0] |= bit
    # Classes of few: their characters found one by one.
    for bit, members in ((SPACE, r"\s"), (UPPER, r"\p{Lu}")):
        table[[m.start() for m in regex.finditer(members, every)]] |= bit
    return table.tobytes()


TABLE: bytes = _build()

__all__ = ["LETTER", "OPENS", "SPACE", "TABLE", "UPPER", "WORD"]
