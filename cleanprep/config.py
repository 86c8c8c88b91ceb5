"""One explicit configuration object, shared by the library and the command line.

Every command-line option of `cleanprep clean` is a field here with the same name (dashes become
underscores), so `cleanprep.clean(text, foreign="drop")` and `cleanprep clean --foreign drop`
mean the same thing.

>>> Config().target  # each document's own main language
'auto'
>>> cfg = Config(target="de", foreign="drop")
>>> cfg.policy_for("uk")
'drop'
>>> Config(foreign_overrides={"no": "keep"}).policy_for("nb")  # either name of Norwegian Bokmål
'keep'
>>> Config(foreign_overrides={"uk": "translate"}, foreign="drop").policy_for("uk")
'translate'
>>> Config(target="xx")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
cleanprep.config.ConfigError: unknown language code 'xx' for --target; ...
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from .document import FOREIGN_ACTIONS
from .languages import AUTO, is_known_language, label_of

REDACT_KINDS = ("email", "card", "phone", "iban", "ip")
FORMATS = ("text", "jsonl")


class ConfigError(ValueError):
    """A configuration mistake: the message says what to fix (the command line exits 2)."""


def default_jobs() -> int:
    """Processes to use by default: the CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class Config:
    """What to do with a document. Fields are validated when the object is made."""

    target: str = AUTO
    """Language the output should be in (ISO 639-1), or `auto`: each document's own main language,
    so a German page stays German and only what is foreign to it is translated, dropped or tagged."""
    foreign: str = "translate"
    """What to do with segments not in the target: translate, drop, keep or tag."""
    foreign_overrides: Mapping[str, str] = field(default_factory=dict)
    """Per-language policy, e.g. {"uk": "translate", "ru": "keep"}; others follow `foreign`."""
    fallback: str = "drop"
    """What to do with a segment to translate when no package serves its pair: drop, keep or tag."""
    chrome: bool = True
    """Remove web chrome (menus, bylines, share bars...)."""
    fix: bool = True
    """Repair the text with ftfy (mojibake, entities, control characters)."""
    cross_file: bool = True
    """In directory runs, treat lines that recur across many files as boilerplate."""
    redact: frozenset[str] = frozenset()
    """Kinds of personal data to replace with placeholders (email, card, phone, iban, ip)."""
    packages_dir: Path | None = None
    """Where Argos packages are installed (default: Argos Translate's packages folder, which
    honours ARGOS_PACKAGES_DIR)."""
    device: str = "cpu"
    """Where translation runs: cpu, cuda or auto."""
    batch_size: int = 32
    """Segments per translation batch."""
    jobs: int = field(default_factory=default_jobs)
    """Worker processes for the command line."""
    format: str = "text"
    """Output format: text (clean text) or jsonl (clean text plus every segment's verdict)."""

    def __post_init__(self) -> None:
        if not isinstance(self.target, str) or not (self.target == AUTO or is_known_language(self.target)):
            raise ConfigError(
                f"unknown language code {self.target!r} for --target; "
                "use auto or an ISO 639-1 code such as en, de, uk"
            )
        object.__setattr__(self, "target", self.target.lower())
        if self.foreign not in FOREIGN_ACTIONS:
            raise ConfigError(f"--foreign must be one of {', '.join(FOREIGN_ACTIONS)}, not {self.foreign!r}")
        if self.fallback not in ("drop", "keep", "tag"):
            raise ConfigError(f"--fallback must be drop, keep or tag, not {self.fallback!r}")
        for lang, action in self.foreign_overrides.items():
            if lang != "*" and not is_known_language(lang):
                raise ConfigError(f"unknown language code {lang!r} in --foreign-for; use ISO 639-1 codes")
            if action not in FOREIGN_ACTIONS:
                raise ConfigError(
                    f"--foreign-for {lang}={action}: the action must be one of {', '.join(FOREIGN_ACTIONS)}"
                )
        # Segments carry one name per language (languages.label_of): an override named otherwise
        # (no for nb, zt for zh, pb for pt) must still match.
        object.__setattr__(self, "foreign_overrides",
                           {(k if k == "*" else label_of(k)): v for k, v in self.foreign_overrides.items()})
        bad = set(self.redact) - set(REDACT_KINDS)
        if bad:
            raise ConfigError(
                f"unknown --redact kind(s) {', '.join(sorted(bad))}; "
                f"choose from {', '.join(REDACT_KINDS)} or all"
            )
        if not isinstance(self.jobs, int) or self.jobs < 1:
            raise ConfigError(f"--jobs must be a whole number of at least 1, not {self.jobs!r}")
        if not isinstance(self.batch_size, int) or self.batch_size < 1:
            raise ConfigError(f"--batch-size must be at least 1, not {self.batch_size!r}")
        if self.format not in FORMATS:
            raise ConfigError(f"--format must be text or jsonl, not {self.format!r}")
        if self.device not in ("cpu", "cuda", "auto"):
            raise ConfigError(f"--device must be cpu, cuda or auto, not {self.device!r}")

    def policy_for(self, lang: str) -> str:
        """The foreign-segment action for a language: its override, else `*`, else `foreign`."""
        return self.foreign_overrides.get(lang) or self.foreign_overrides.get("*") or self.foreign

    def with_options(self, **options: Any) -> Config:
        """A copy with some fields changed (unknown names are a ConfigError, not a TypeError)."""
        names = {f.name for f in fields(self)}
        unknown = sorted(set(options) - names)
        if unknown:
            raise ConfigError(f"unknown option(s): {', '.join(unknown)}; known: {', '.join(sorted(names))}")
        if "redact" in options:
            options["redact"] = parse_redact(options["redact"])
        return replace(self, **options)

    def fingerprint(self) -> str:
        """A stable string of the fields that change output (for the resume manifest)."""
        keep = ("target", "foreign", "foreign_overrides", "fallback", "chrome", "fix", "cross_file",
                "redact", "format")
        parts = []
        for name in keep:
            value = getattr(self, name)
            if isinstance(value, Mapping):
                value = sorted(value.items())
            elif isinstance(value, frozenset):
                value = sorted(value)
            parts.append(f"{name}={value}")
        return ";".join(parts)


def parse_redact(value: str | Iterable[str] | None) -> frozenset[str]:
    """`"all"`, `"email,card"` or a collection of kinds -> a frozenset of kinds.

    >>> sorted(parse_redact("email, card"))
    ['card', 'email']
    >>> len(parse_redact("all"))
    5
    """
    if not value:
        return frozenset()
    items = value.split(",") if isinstance(value, str) else list(value)
    kinds = {i.strip().lower() for i in items if i.strip()}
    if "all" in kinds:
        return frozenset(REDACT_KINDS)
    return frozenset(kinds)


def parse_overrides(items: list[str] | None) -> dict[str, str]:
    """`["uk=translate", "*=drop"]` -> `{"uk": "translate", "*": "drop"}`.

    >>> parse_overrides(["uk=translate", "ru,be=keep"])
    {'uk': 'translate', 'ru': 'keep', 'be': 'keep'}
    """
    out: dict[str, str] = {}
    for item in items or []:
        if "=" not in item:
            raise ConfigError(f"--foreign-for takes LANG=ACTION (e.g. uk=translate), not {item!r}")
        langs, action = item.split("=", 1)
        for lang in langs.split(","):
            out[lang.strip().lower()] = action.strip().lower()
    return out
