"""C4's line rules, reimplemented (no dependency): the line-level part of C4's cleaning.

From Raffel et al., "Exploring the Limits of Transfer Learning with a Unified Text-to-Text
Transformer", JMLR 21(140), 2020, section 2.2, as coded in TensorFlow Datasets'
`tensorflow_datasets/text/c4_utils.py` (`clean_page`):

- keep only lines that end in a terminal punctuation mark (. ! ? or a closing double quote), and
  not in an ellipsis "...";
- keep only lines with at least 5 words (`_MIN_WORDS_PER_LINE = 5`; datatrove's C4QualityFilter
  uses 3 by default);
- drop lines that contain the word "javascript";
- drop lines with a policy notice: "terms of use", "privacy policy", "cookie policy",
  "uses cookies", "use of cookies", "use cookies";
- drop lines with a word longer than 1000 characters; remove citation markers like [1], [edit].

The page-level rules (drop a page with "lorem ipsum", a curly bracket, fewer than 3 sentences or
a bad word) decide whether a whole page goes, not which lines of it are chrome; they are left out
here (`page_rules=True` turns the first three on) so the row measures the line rules alone.

>>> clean_c4("Home | About\\nThe council approved the new budget on Monday.\\nUse cookies? Accept.")
'The council approved the new budget on Monday.'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

NAME = "C4 line rules"
TASK = "clean"

END_MARKS = (".", "?", "!", '"')
ELLIPSIS = "..."
MIN_WORDS_PER_LINE = 5
MIN_NUM_SENTENCES = 3
MAX_WORD_LENGTH = 1000
POLICY_SUBSTRINGS = ("terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies",
                     "use cookies")
CITATION = re.compile(r"\[\d*\]|\[edit\]|\[citation needed\]")
# C4 counted sentences with NLTK's punkt; a split after terminal punctuation is close enough here.
SENTENCE_END = re.compile(r"[.!?]+[\"')\]]*(?:\s|$)")


def requirement() -> str | None:
    return None


def keep_line(line: str) -> bool:
    """C4's line rules for one (stripped, citation-free) line."""
    if not line.endswith(END_MARKS) or line.endswith(ELLIPSIS):
        return False
    words = line.split()
    if len(words) < MIN_WORDS_PER_LINE or any(len(w) > MAX_WORD_LENGTH for w in words):
        return False
    low = line.lower()
    return "javascript" not in low and not any(p in low for p in POLICY_SUBSTRINGS)


def clean_c4(text: str, page_rules: bool = False) -> str:
    """The lines of `text` that C4's line rules keep, joined by newlines ('' when the page goes)."""
    kept = []
    for raw in text.split("\n"):
        line = CITATION.sub("", raw.strip())
        if keep_line(line):
            kept.append(line)
    if page_rules:
        if "lorem ipsum" in text.lower() or "{" in text:
            return ""
        if sum(len(SENTENCE_END.findall(line)) for line in kept) < MIN_NUM_SENTENCES:
            return ""
    return "\n".join(kept)


def load(model_path: str | None = None) -> None:
    return None


def process(tool: None, records: Iterable[dict]) -> Iterator[tuple[str, str]]:
    for rec in records:
        yield rec["id"], clean_c4(rec["text"])
