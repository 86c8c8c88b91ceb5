"""Payment card numbers: 13 to 19 digits, grouped the way cards are printed, Luhn-valid.

Printed forms are groups joined by one space or one dash (4-4-4-4, 4-4-4-4-3, 4-6-5 for Amex,
4-6-4 for Diners); an unbroken run counts only when its first digits and length fit a card
network too, because one long ID in ten passes Luhn by chance. Card networks start with 2 to 6,
which keeps tracking numbers (USPS 94..., 92...) and ISBNs (978...) out.

>>> text = "Приватбанк 4149 6293 1808 2567, monobank 4441-1144-4179-6255"
>>> [text[s:e] for s, e in find_cards(text)]
['4149 6293 1808 2567', '4441-1144-4179-6255']
>>> list(find_cards("Tracking 9400 1000 0000 0000 0000 00, ISBN 978-3-16-148410-0"))
[]
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from .checksums import luhn_valid
from .context import labelled_as_identifier
from .scan import finditer_in_windows, long_number_windows

# A chain of digit groups joined by one and the same separator (space, no-break space or dash), not the
# tail of a longer grouped code (an IBAN with a wrong check digit, a tracking number).
_CHAIN = regex.compile(
    r"(?<![\w.,/+\-])(?<![0-9][ \u00a0\-])[0-9]+(?:(?P<sep>[ \u00a0\-])[0-9]+(?:(?P=sep)[0-9]+)*)?"
    r"(?![\w]|[.,/\-][0-9])"
)
_ANY_SEP = regex.compile(r"[ \u00a0\-]")

# (prefix, allowed lengths) for unbroken runs; printed (grouped) numbers only need to start with 2..6.
_NETWORKS: tuple[tuple[tuple[str, ...], range | tuple[int, ...]], ...] = (
    (("4",), (16, 19)),  # Visa (13-digit Visa is obsolete; EAN-13 barcodes from Germany start with 40..44)
    (("51", "52", "53", "54", "55") + tuple(str(p) for p in range(2221, 2721)), (16,)),  # Mastercard
    (("34", "37"), (15,)),  # American Express
    (("6011", "65") + tuple(str(p) for p in range(644, 650)), range(16, 20)),  # Discover
    (tuple(str(p) for p in range(3528, 3590)), range(16, 20)),  # JCB
    (("36", "38", "300", "301", "302", "303", "304", "305"), range(14, 20)),  # Diners Club
    (("62",), range(16, 20)),  # UnionPay
    (("2200", "2201", "2202", "2203", "2204"), range(16, 20)),  # Mir
    (("50", "56", "57", "58", "6304", "6759", "6761", "6762", "6763"), range(16, 20)),  # Maestro
)


def find_cards(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each Luhn-valid card number in `text`."""
    for match in finditer_in_windows(_CHAIN, text, long_number_windows(text)):
        written = match.group()
        if len(written) < 13:
            continue
        end = _card_length(written)
        if end is not None and not labelled_as_identifier(text, match.start()):
            yield match.start(), match.start() + end


def _card_length(written: str) -> int | None:
    """Characters of `written` that form a card number, or None.

    One trailing short group may follow the number (an expiry month, a CVV) and is left out.

    >>> _card_length("4149 6293 1808 2567 12")
    19
    >>> _card_length("4149629318082567") is None, _card_length("1234 5678 9012 3456") is None
    (False, True)
    """
    groups = _ANY_SEP.split(written)
    if _is_card(groups):
        return len(written)
    if len(groups) > 2 and len(groups[-1]) <= 4 and _is_card(groups[:-1]):
        return len(written) - len(groups[-1]) - 1
    return None


def _is_card(groups: list[str]) -> bool:
    digits = "".join(groups)
    if not 13 <= len(digits) <= 19 or not luhn_valid(digits):
        return False
    if len(groups) == 1:
        return any(digits.startswith(prefixes) and len(digits) in lengths for prefixes, lengths in _NETWORKS)
    return digits[0] in "23456" and _printed_like_a_card([len(group) for group in groups])


def _printed_like_a_card(sizes: list[int]) -> bool:
    """Groups of four with a shorter tail (Visa, Mastercard...), or 4-6-4 / 4-6-5 (Diners, Amex)."""
    if sizes in ([4, 6, 4], [4, 6, 5]):
        return True
    return sizes[0] == 4 and all(size == 4 for size in sizes[1:-1]) and 1 <= sizes[-1] <= 4
