"""Remember what was worked out for a segment's text, so text seen again costs a dictionary lookup.

Scraped pages repeat themselves: menus, footers, cookie notices and syndicated paragraphs recur
across the pages of a site and a crawl. A segment's model guesses and evidence depend on its text
alone, so a repeat needs neither the model nor `gather` again, and the answer is the same as if it
had been worked out afresh: output never depends on what was remembered.

Memory is bounded: two generations of at most `limit` entries each. Lookups look in the young one,
then the old one (moving a hit back to the young); when the young one is full it becomes the old
one and the old one is forgotten. Text seen often stays; text seen once ages out.

>>> memo = Memory(limit=2)
>>> memo.put("Home", 1); memo.put("News", 2); memo.put("Contact", 3)
>>> memo.get("Home"), memo.get("Contact"), len(memo)
(1, 3, 3)
>>> memo.put("About", 4); memo.put("Login", 5)
>>> memo.get("News") is None and memo.get("Login") == 5
True
"""

from __future__ import annotations

from typing import Any


class Memory:
    """A bounded map from text to what was worked out for it (about the `limit` most recent texts)."""

    def __init__(self, limit: int = 50_000) -> None:
        if limit < 1:
            raise ValueError("limit must be at least 1")
        self.limit = limit
        self._young: dict[str, Any] = {}
        self._old: dict[str, Any] = {}

    def get(self, text: str) -> Any:
        """What was stored for `text`, or None."""
        found = self._young.get(text)
        if found is None:
            found = self._old.pop(text, None)
            if found is not None:
                self.put(text, found)
        return found

    def put(self, text: str, value: Any) -> None:
        """Store `value` for `text`."""
        if len(self._young) >= self.limit:
            self._old = self._young
            self._young = {}
        self._young[text] = value

    def get_many(self, texts: list[str]) -> list[Any]:
        """`get` for each text (one call for a document's segments).

        >>> memo = Memory(limit=2)
        >>> memo.put("Home", 1)
        >>> memo.get_many(["Home", "News", "Home"])
        [1, None, 1]
        """
        found = list(map(self._young.get, texts))
        if None in found and self._old:  # only a miss in the young generation needs a second look
            old = self._old
            for n, text in enumerate(texts):
                if found[n] is None and text in old:
                    found[n] = self.get(text)
        return found

    def put_many(self, texts: list[str], values: list[Any]) -> None:
        """`put` for each text and value, in order.

        >>> memo = Memory(limit=2)
        >>> memo.put_many(["Home", "News", "Contact"], [1, 2, 3])
        >>> memo.get_many(["Home", "News", "Contact", "About"]), len(memo)
        ([1, 2, 3, None], 3)
        """
        young, limit = self._young, self.limit
        if len(young) + len(texts) <= limit:  # room for all: one C loop
            young.update(zip(texts, values, strict=True))
            return
        for text, value in zip(texts, values, strict=True):
            if len(young) >= limit:  # as in `put`
                self._old = young
                young = self._young = {}
            young[text] = value

    def __len__(self) -> int:
        return len(self._young) + len(self._old)
