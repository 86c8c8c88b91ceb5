"""What becomes of a foreign segment: the policy's action and the reason recorded with it.

>>> from cleanprep.config import Config
>>> from cleanprep.document import Segment
>>> seg = Segment(0, 4, lang="ru", verdict="foreign")
>>> settle(seg, Config(foreign_overrides={"ru": "tag"}).policy_for("ru"))
>>> seg.action, seg.reason
('tag', 'tagged')
>>> fall_back(seg, Config(), no_package_reason("ru", "en"))
>>> seg.action, seg.reason, seg.translation
('drop', 'no-package:ru->en', None)
"""

from __future__ import annotations

from ..config import Config
from ..document import DROP, KEEP, TAG, TRANSLATE, Segment

REASONS = {DROP: "dropped", KEEP: "kept", TAG: "tagged", TRANSLATE: "translated"}


def no_package_reason(src: str, tgt: str) -> str:
    """The reason a segment carries when no installed package serves its pair."""
    return f"no-package:{src}->{tgt}"


def settle(seg: Segment, action: str) -> None:
    """Apply drop, keep or tag to a segment (translate is settled by the stage once it has text)."""
    if action == TRANSLATE:
        raise ValueError("a translated segment needs its translation; use mark_translated")
    seg.action = action
    seg.reason = REASONS[action]
    seg.translation = None
    seg.package = None


def fall_back(seg: Segment, config: Config, reason: str) -> None:
    """A segment that was to be translated but cannot be: the configured fallback, with why."""
    seg.action = config.fallback
    seg.reason = reason
    # Never leave a translation on a segment that is not marked translated.
    seg.translation = None
    seg.package = None


def mark_translated(seg: Segment, translation: str, package: str) -> None:
    """Record a translation and the package (or route) that made it."""
    seg.action = TRANSLATE
    seg.reason = REASONS[TRANSLATE]
    seg.translation = translation
    seg.package = package
