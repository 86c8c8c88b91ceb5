"""The pipeline options shared by `clean` and `explain`, and the Config they make.

Option names are Config's field names with dashes, so the library and the command line agree.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..config import Config, default_jobs, parse_overrides, parse_redact
from ..document import FOREIGN_ACTIONS


def add_pipeline_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("what to do with the text")
    g.add_argument("--target", default="auto", metavar="LANG",
                   help="language the output should be in: an ISO 639-1 code (en, de, uk...), or auto, "
                        "each document's own main language (default auto)")
    g.add_argument("--foreign", choices=FOREIGN_ACTIONS, default="translate",
                   help="what to do with segments in another language (default translate)")
    g.add_argument("--foreign-for", action="append", metavar="LANG=ACTION",
                   help="per-language override, e.g. uk=translate or '*=drop' (repeatable)")
    g.add_argument("--fallback", choices=("drop", "keep", "tag"), default="drop",
                   help="when no translation package serves a pair (default drop)")
    g.add_argument("--no-chrome", dest="chrome", action="store_false",
                   help="keep web chrome (menus, bylines, share bars...)")
    g.add_argument("--no-fix", dest="fix", action="store_false", help="do not repair the text with ftfy")
    g.add_argument("--no-cross-file", dest="cross_file", action="store_false",
                   help="do not treat lines recurring across many files as boilerplate")
    g.add_argument("--redact", default="", metavar="KINDS",
                   help="replace personal data: all, or a list of email,card,phone,iban,ip")
    t = p.add_argument_group("translation")
    t.add_argument("--packages-dir", type=Path, metavar="DIR",
                   help="where Argos packages are installed (default: Argos's own directory)")
    t.add_argument("--device", choices=("cpu", "cuda", "auto"), default="cpu", help="where translation runs")
    t.add_argument("--batch-size", type=int, default=32, metavar="N", help="segments per translation batch")
    r = p.add_argument_group("running")
    r.add_argument("--jobs", "-j", type=int, default=default_jobs(), metavar="N",
                   help=f"worker processes (default: the CPUs here, {default_jobs()})")
    r.add_argument("--format", choices=("text", "jsonl"), default="text",
                   help="text: the clean text; jsonl: clean text plus every segment's verdict")


def config_from_args(args: argparse.Namespace) -> Config:
    """The Config the parsed options describe (ConfigError says what is wrong)."""
    return Config(
        target=args.target.lower(),
        foreign=args.foreign,
        foreign_overrides=parse_overrides(args.foreign_for),
        fallback=args.fallback,
        chrome=args.chrome,
        fix=args.fix,
        cross_file=args.cross_file,
        redact=parse_redact(args.redact),
        packages_dir=args.packages_dir,
        device=args.device,
        batch_size=args.batch_size,
        jobs=args.jobs,
        format=args.format,
    )
