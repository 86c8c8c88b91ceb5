"""Cut a sentence where its language changes without punctuation to mark it.

Scraped text glues sentences together ("... the day before your talk; Geschiedenis Tijdens
archeologische opgravingen ..."), so a foreign sentence can hide inside a host one. A long segment
whose guesses split between the host and another language is tried at each word that starts with
a capital letter; the best cut whose one side is confidently foreign and whose other side is the
host's is kept. All tries of a document go to the model in one batch.

>>> text = "Hand in your slides the day before your talk; Geschiedenis Tijdens de opgravingen zijn sporen"
>>> fake_model = lambda pieces: [[("en", 0.9)] if p.startswith("Hand") else [("nl", 0.99)] for p in pieces]
>>> find_cuts([text], [[("en", 0.5), ("nl", 0.4)]], "en", fake_model)
{0: (46, [('en', 0.9)], [('nl', 0.99)])}
>>> text[46:58]
'Geschiedenis'
"""

from __future__ import annotations

from collections.abc import Callable

import regex

Guesses = list[tuple[str, float]]
Predict = Callable[[list[str]], list[Guesses]]

# Where a sentence may start: a capital letter after whitespace.
_CUT = regex.compile(r"(?<=\s)[\p{Lu}\p{Lt}]")
_SPACE = regex.compile(r"\s+")

# Only long segments whose guesses split between the host and another language are tried (about
# one host sentence in a hundred, so the extra model calls cost little).
MIN_WORDS = 10
HOST_BELOW = 0.9
OTHER_ABOVE = 0.1
# Each side of a cut holds at least this many words; the foreign side must be named this surely,
# with the host this unlikely, and the host side must be the host's this surely.
SIDE_WORDS = 4
FOREIGN_SURE = 0.8
HOST_UNLIKELY = 0.05
HOST_SIDE_SURE = 0.5
MAX_CUTS = 8


def cut_candidates(text: str) -> list[int]:
    """Offsets of capitalised words with at least `SIDE_WORDS` words on each side."""
    starts = [m.end() for m in _SPACE.finditer(text)]  # where each word after the first begins
    total = len(starts) + 1
    out = []
    for m in _CUT.finditer(text):
        before = _count_before(starts, m.start())
        if before >= SIDE_WORDS and total - before >= SIDE_WORDS:
            out.append(m.start())
    if len(out) > MAX_CUTS:  # a spread of them: each try costs a model call on the whole text
        step = len(out) / MAX_CUTS
        out = [out[int(i * step)] for i in range(MAX_CUTS)]
    return out


def _count_before(starts: list[int], pos: int) -> int:
    import bisect

    return bisect.bisect_right(starts, pos)


def worth_trying(words: int, guesses: Guesses, host: str) -> bool:
    """A long segment whose guesses split between the host and another language."""
    return words >= MIN_WORDS and _split_guesses(guesses, host)


def _split_guesses(guesses: Guesses, host: str) -> bool:
    p_host = 0.0
    p_other = 0.0
    for lang, p in guesses:
        if lang == host:
            p_host = p
        else:
            p_other = max(p_other, p)
    return p_host < HOST_BELOW and p_other >= OTHER_ABOVE


def find_cuts(texts: list[str], guesses: list[Guesses], host: str,
              predict: Predict) -> dict[int, tuple[int, Guesses, Guesses]]:
    """For each text worth cutting: (offset of the cut, guesses for the left, for the right side)."""
    tries: list[tuple[int, int]] = []
    pieces: list[str] = []
    for i, (text, g) in enumerate(zip(texts, guesses, strict=True)):
        # The guesses rule out almost every segment (most at their first, surest guess; those never
        # asked have none); counting words costs more, so it comes second.
        if not g or (g[0][0] == host and g[0][1] >= HOST_BELOW):
            continue
        if not _split_guesses(g, host) or len(text.split()) < MIN_WORDS:
            continue
        for cut in cut_candidates(text):
            tries.append((i, cut))
            pieces += [text[:cut].rstrip(), text[cut:]]
    if not tries:
        return {}
    preds = predict(pieces)
    best: dict[int, tuple[float, int, Guesses, Guesses]] = {}
    for n, (i, cut) in enumerate(tries):
        left, right = preds[2 * n], preds[2 * n + 1]
        score = max(_split_score(left, right, host), _split_score(right, left, host))
        if score > 0 and score > best.get(i, (0.0,))[0]:
            best[i] = (score, cut, left, right)
    return {i: (cut, left, right) for i, (_, cut, left, right) in best.items()}


def _split_score(host_side: Guesses, foreign_side: Guesses, host: str) -> float:
    p_host_side = dict(host_side).get(host, 0.0)
    foreign = dict(foreign_side)
    if not foreign or p_host_side < HOST_SIDE_SURE or foreign.get(host, 0.0) >= HOST_UNLIKELY:
        return 0.0
    lang, p = max(foreign.items(), key=lambda kv: kv[1])
    if lang == host or p < FOREIGN_SURE:
        return 0.0
    return p * p_host_side
