"""Redact personal data: replace e-mail addresses, card numbers, IBANs, phone numbers and IP addresses
with typed placeholders, and count them.

>>> redact("Write to olena.k [at] ukr [dot] net or call +380 44 123 4567.", frozenset({"email", "phone"}))
('Write to <EMAIL> or call <PHONE>.', {'email': 1, 'phone': 1})
>>> redact("Released 2024-05-12, version 2.0.1.4, ISBN 0-306-40615-2.", frozenset({"phone", "ip", "card"}))
('Released 2024-05-12, version 2.0.1.4, ISBN 0-306-40615-2.', {})
>>> redact("anything", frozenset())
('anything', {})
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator, Set

from .cards import find_cards
from .emails import find_emails
from .ibans import find_ibans
from .ips import find_ips
from .phones import find_phones

PLACEHOLDERS: dict[str, str] = {
    "email": "<EMAIL>",
    "card": "<CARD>",
    "phone": "<PHONE>",
    "iban": "<IBAN>",
    "ip": "<IP>",
}

# Strongest evidence first: a checksum-valid IBAN or card claims its digits before the looser phone
# shapes can, so a card number is never half-redacted as a phone.
_FINDERS: tuple[tuple[str, Callable[[str], Iterator[tuple[int, int]]]], ...] = (
    ("email", find_emails),
    ("iban", find_ibans),
    ("card", find_cards),
    ("ip", find_ips),
    ("phone", find_phones),
)
_ORDER = tuple(kind for kind, _ in _FINDERS)

__all__ = ["PLACEHOLDERS", "redact", "find_spans"]


def redact(text: str, kinds: Set[str]) -> tuple[str, dict[str, int]]:
    """Replace each piece of personal data of the given kinds with its placeholder.

    Returns the new text and how many of each kind were replaced (kinds not found are absent).

    >>> redact("IBAN DE89 3704 0044 0532 0130 00, Karte 4441 1144 4179 6255", frozenset({"iban", "card"}))
    ('IBAN <IBAN>, Karte <CARD>', {'iban': 1, 'card': 1})
    """
    if not kinds:
        return text, {}
    pieces: list[str] = []
    counts: dict[str, int] = {}
    position = 0
    for start, end, kind in find_spans(text, kinds):
        pieces.append(text[position:start])
        pieces.append(PLACEHOLDERS[kind])
        counts[kind] = counts.get(kind, 0) + 1
        position = end
    if not pieces:
        return text, {}
    pieces.append(text[position:])
    return "".join(pieces), counts


def find_spans(text: str, kinds: Set[str]) -> list[tuple[int, int, str]]:
    """(start, end, kind) of the personal data of the given kinds in `text`, in text order.

    Finders of stronger kinds than those asked for still run, so that what they find is not
    mistaken for a weaker kind: with kinds={"phone"}, a card number stays as it is.

    >>> find_spans("call 555-123-4567 or pay 4441 1144 4179 6255", frozenset({"phone"}))
    [(5, 17, 'phone')]
    """
    unknown = set(kinds) - set(_ORDER)
    if unknown:
        raise ValueError(
            f"unknown redaction kind(s) {', '.join(sorted(unknown))}; choose from {', '.join(_ORDER)}"
        )
    if not kinds:
        return []
    weakest = max(_ORDER.index(kind) for kind in kinds)
    starts: list[int] = []
    claimed: list[tuple[int, int, str]] = []
    for kind, finder in _FINDERS[: weakest + 1]:
        for start, end in finder(text):
            index = bisect_left(starts, start)
            overlaps_before = index > 0 and claimed[index - 1][1] > start
            overlaps_after = index < len(claimed) and claimed[index][0] < end
            if not (overlaps_before or overlaps_after):
                starts.insert(index, start)
                claimed.insert(index, (start, end, kind))
    return [span for span in claimed if span[2] in kinds]
