"""The run's summary: documents, bytes in and out, what was removed, translated and dropped, and why.

>>> from cleanprep.document import Document, Segment
>>> doc = Document(id="a", text="xx", nbytes=2, lang="en", target="en")
>>> doc.segments = [Segment(0, 1, verdict="chrome", reason="nav"),
...                 Segment(1, 2, lang="uk", verdict="foreign", action="drop", reason="no-package:uk->en")]
>>> s = RunSummary(target="en"); s.add(doc); s.to_dict()["dropped"]
{'uk->en': 1}
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .document import CHROME, DROP, FOREIGN, KEEP, TAG, TRANSLATE, UNKNOWN_LANG, Document, foreign_fate
from .languages import AUTO, label_of
from .write.atomic import write_atomic

# The terminal summary names this many languages of a count; --report has all.
TERMINAL_PAIRS = 10
_FATE_COUNTER = {TRANSLATE: "translated", DROP: "dropped", TAG: "tagged", KEEP: "kept_foreign"}


def count_segments(doc: Document, target: str = UNKNOWN_LANG) -> dict:
    """What the summary counts of one document's segments (computed where the segments are).

    Pairs are named by the document's own target; `target` stands in for a document made by hand.
    """
    target = doc.target if doc.target != UNKNOWN_LANG else target
    counts: dict = {name: Counter() for name in
                    ("chrome", "foreign", "translated", "dropped", "tagged", "kept_foreign", "untranslated",
                     "package_failed")}
    counts["segments"] = len(doc.segments)
    counts["main_language"] = doc.lang
    counts["target"] = target
    for seg in doc.segments:
        if seg.verdict == CHROME:
            counts["chrome"][seg.reason or "chrome"] += 1
        elif seg.verdict == FOREIGN:
            counts["foreign"][seg.lang] += 1
            pair = f"{seg.lang}->{target}"
            counts[_FATE_COUNTER[foreign_fate(seg.action, seg.translation)]][pair] += 1
            if seg.reason.startswith("no-package"):
                counts["untranslated"][pair] += 1
            elif seg.reason.startswith("package-error"):
                counts["package_failed"][f"{pair} via {seg.package}"] += 1
    return counts


@dataclass
class RunSummary:
    """Counts accumulated document by document, and the inputs that failed with their reasons."""

    target: str = AUTO
    """The run's --target: a language, or `auto` (each document's own)."""
    documents: int = 0
    failed_documents: int = 0
    skipped_units: int = 0
    bytes_in: int = 0
    bytes_out: int = 0
    segments: int = 0
    chrome: Counter = field(default_factory=Counter)
    foreign: Counter = field(default_factory=Counter)
    translated: Counter = field(default_factory=Counter)
    dropped: Counter = field(default_factory=Counter)
    kept_foreign: Counter = field(default_factory=Counter)
    tagged: Counter = field(default_factory=Counter)
    untranslated: Counter = field(default_factory=Counter)
    package_failed: Counter = field(default_factory=Counter)
    main_languages: Counter = field(default_factory=Counter)
    not_in_target: Counter = field(default_factory=Counter)
    """Documents whose main language is not --target (when one is set), by that language."""
    redactions: Counter = field(default_factory=Counter)
    errors: list[dict[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    interrupted: bool = False
    started: float = field(default_factory=time.perf_counter)
    seconds: float = 0.0

    def add(self, doc: Document) -> None:
        """Count one document (a failed one goes to `errors`)."""
        self.bytes_in += doc.nbytes
        if doc.error is not None:
            self.failed_documents += 1
            self.errors.append({"input": doc.unit or doc.id, "id": doc.id, "error": doc.error})
            return
        self.documents += 1
        if doc.counts is None:
            doc.counts = count_segments(doc, doc.lang if self.target == AUTO else self.target)
        counts = doc.counts
        self.segments += counts["segments"]
        if counts.get("main_language"):
            self.main_languages[counts["main_language"]] += 1
            if self.target != AUTO and label_of(counts["main_language"]) != label_of(self.target):
                self.not_in_target[counts["main_language"]] += 1
        for name in ("chrome", "foreign", "translated", "dropped", "tagged", "kept_foreign", "untranslated",
                     "package_failed"):
            getattr(self, name).update(counts.get(name, {}))
        self.redactions.update(doc.redactions)

    def add_error(self, path: str, reason: str) -> None:
        self.errors.append({"input": path, "error": reason})

    @property
    def failed(self) -> bool:
        """Whether an input failed, or a translation package asked for could not be loaded (its
        segments fell back, so the output is not what the run was set up to give)."""
        return bool(self.errors or self.package_failed)

    def finish(self) -> RunSummary:
        self.seconds = time.perf_counter() - self.started
        return self

    def to_dict(self) -> dict[str, Any]:
        secs = self.seconds or (time.perf_counter() - self.started)
        return {
            "target": self.target,
            "documents": self.documents,
            "failed": len(self.errors),
            "skipped_complete": self.skipped_units,
            "bytes_in": self.bytes_in,
            "bytes_out": self.bytes_out,
            "segments": self.segments,
            "chrome_removed": sum(self.chrome.values()),
            "chrome_by_reason": dict(self.chrome.most_common()),
            "foreign_by_language": dict(self.foreign.most_common()),
            "main_languages": dict(self.main_languages.most_common()),
            # None with --target auto, where every document is in its own target.
            "documents_not_in_target": None if self.target == AUTO else sum(self.not_in_target.values()),
            "not_in_target_by_language": dict(self.not_in_target.most_common()),
            "translated": dict(self.translated.most_common()),
            "dropped": dict(self.dropped.most_common()),
            "kept_foreign": dict(self.kept_foreign.most_common()),
            "tagged": dict(self.tagged.most_common()),
            "no_package": dict(self.untranslated.most_common()),
            "package_failed": dict(self.package_failed.most_common()),
            "redacted": dict(self.redactions.most_common()),
            "seconds": round(secs, 3),
            "mb_per_s": round(self.bytes_in / 1e6 / secs, 3) if secs > 0 else 0.0,
            "interrupted": self.interrupted,
            "errors": self.errors,
            "notes": self.notes,
        }

    def format_text(self) -> str:
        """A few lines for the terminal."""
        d = self.to_dict()

        def pairs(counter: dict[str, int], limit: int = TERMINAL_PAIRS) -> str:
            # A mixed corpus names sixty languages; the terminal gets the largest, --report all.
            shown = list(counter.items())[:limit]
            text = ", ".join(f"{k} {v}" for k, v in shown) or "none"
            rest = list(counter.values())[limit:]
            if rest:
                text += f" and {len(rest)} more ({sum(rest)}; all in --report)"
            return text

        reasons = d["chrome_by_reason"]  # a fixed, short list of codes: all of them
        lines = [
            f"cleanprep: {d['documents']} documents, {d['bytes_in'] / 1e6:.2f} MB in, "
            f"{d['bytes_out'] / 1e6:.2f} MB out, {d['seconds']:.1f} s ({d['mb_per_s']:.2f} MB/s)"
            + (" - INTERRUPTED" if self.interrupted else ""),
            f"  chrome removed: {d['chrome_removed']} segments ({pairs(reasons, len(reasons))})",
            f"  foreign segments: {pairs(d['foreign_by_language'])}",
            f"  translated: {pairs(d['translated'])}; dropped: {pairs(d['dropped'])}",
        ]
        if d["no_package"]:
            lines.append(f"  no translation package, fell back: {pairs(d['no_package'])}")
        if d["package_failed"]:
            lines.append(f"  FAILED to load a translation package, fell back: {pairs(d['package_failed'])} "
                         "(why: the message above; reinstall it with `cleanprep models install`)")
        if d["main_languages"]:
            lines.append(f"  documents by main language: {pairs(d['main_languages'])}")
        # A page written in another language is foreign almost whole: say so, or a run over German
        # pages with --target en looks like a run that lost its text.
        other = {lang: n for lang, n in d["not_in_target_by_language"].items() if lang != UNKNOWN_LANG}
        if other:
            lines.append(f"  documents not in {self.target}: {sum(other.values())} ({pairs(other)}; "
                         "their text is foreign to --target: --target auto keeps each in its own language)")
        if d["kept_foreign"] or d["tagged"]:
            lines.append(f"  kept: {pairs(d['kept_foreign'])}; tagged: {pairs(d['tagged'])}")
        if d["redacted"]:
            lines.append(f"  redacted: {pairs(d['redacted'])}")
        if d["skipped_complete"]:
            lines.append(f"  skipped (already complete, --resume): {d['skipped_complete']}")
        if self.errors:
            lines.append(f"  FAILED: {len(self.errors)} input(s), listed above and in --report")
        return "\n".join(lines)

    def write_report(self, path: Path) -> None:
        write_atomic(Path(path), json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n")
