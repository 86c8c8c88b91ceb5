"""Repair text: mojibake, HTML entities, control and zero-width characters, e-mail obfuscation debris.

ftfy does the repairs, but it runs at about 2.5 MB/s, so it only sees the lines where a cheap
regular expression finds something it could change. Curly quotes, character widths, line breaks
and Unicode normalization are left as they are (datatrove's FTFYFormatter reasons the same way:
they are not errors, and changing them changes offsets for no gain).

>>> fix_text("cafÃ© &amp; bar")
('café & bar', ['ftfy'])
>>> fix_text("zero\\u200bwidth\\x00 here")
('zerowidth here', ['ftfy', 'zero-width'])
>>> fix_text("PayPal - [email\\xa0protected]")
('PayPal - <EMAIL>', ['email-obfuscation'])
>>> fix_text("Clean “quoted” text stays as it is.")
('Clean “quoted” text stays as it is.', [])
"""

from __future__ import annotations

import re

import ftfy

from . import _core
from .document import Document

FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html="auto",
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    normalization=None,
    explain=False,
)

# Something ftfy could change: UTF-8 read as Latin-1/cp1252 (a lead byte Â..ô followed by what a
# continuation byte turns into), an HTML entity, a control or terminal-escape character, a lone
# surrogate, a Latin ligature. Text without any of these is left alone without calling ftfy.
# `_core.gate_lines` finds the lines it flags (this pattern is its specification and its reference).
_FTFY_GATE = re.compile(
    r"[\u00c2-\u00f4][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039"
    r"\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178]"
    r"|&(?:[a-zA-Z][a-zA-Z0-9]{1,7}|#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6});?"
    r"|[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufb00-\ufb06]"
)

# Invisible characters with no meaning in running text. ZWNJ and ZWJ stay: Persian, Indic scripts
# and emoji need them.
_ZERO_WIDTH = re.compile(r"[\u200b\u2060\ufeff\u00ad\u180e]")

# What Cloudflare's e-mail protection leaves in scraped text: the address is gone for good, so a
# placeholder says an address stood there.
_EMAIL_DEBRIS = re.compile(r"\[email[\s\u00a0]*(?:&#160;)?[\s\u00a0]*protected\]")

_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _ftfy_lines(text: str, flagged: list[int]) -> str:
    """Run ftfy on the lines that the gate flags (their numbers: `flagged`), and only on them."""
    lines = text.split("\n")
    for i in flagged:
        fixed = ftfy.fix_text(lines[i], FTFY_CONFIG)
        # ftfy pairs surrogates it can; a lone one cannot be written as UTF-8 at all.
        lines[i] = _SURROGATE.sub("\ufffd", fixed)
    return "\n".join(lines)


def fix_text(text: str) -> tuple[str, list[str]]:
    """The repaired text and the names of the fixes that changed it."""
    fixes: list[str] = []
    # The core finds the lines where the gate's pattern finds something, in one pass over the text
    # (`reference.gate_lines` is the pattern's own answer).
    flagged = _core.gate_lines(text)
    if flagged:
        fixed = _ftfy_lines(text, flagged)
        if fixed != text:
            fixes.append("ftfy")
            text = fixed
    if not text.isascii() and _ZERO_WIDTH.search(text):
        text = _ZERO_WIDTH.sub("", text)
        fixes.append("zero-width")
    if "[email" in text and _EMAIL_DEBRIS.search(text):
        text = _EMAIL_DEBRIS.sub("<EMAIL>", text)
        fixes.append("email-obfuscation")
    return text, fixes


def fix_document(doc: Document, enabled: bool = True) -> None:
    """Set `doc.fixed` (and `doc.fixes`) from `doc.text`."""
    if enabled:
        doc.fixed, doc.fixes = fix_text(doc.text)
    else:
        doc.fixed, doc.fixes = doc.text, []
