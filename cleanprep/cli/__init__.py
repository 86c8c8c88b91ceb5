"""The `cleanprep` command: clean, detect, models, explain.

Every command exits 0 when all inputs were done, 1 when some failed (each named on stderr), 2 on a
usage or configuration mistake, with a message that says what to fix, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys

from .. import __version__
from ..config import ConfigError
from . import clean, demo, detect

DESCRIPTION = """Turn scraped multilingual web text into clean, single-language text.

  cleanprep clean pages/ -o clean/        repair text, remove web chrome, translate or drop foreign segments
  cleanprep detect docs.jsonl -o out.jsonl    language of every segment
  cleanprep models list                   Argos translation packages installed
  cleanprep explain page.txt              show what was removed and why
  cleanprep demo                          clean the built-in example pages

Run `cleanprep COMMAND --help` for each command's options and examples."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cleanprep", description=DESCRIPTION,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"cleanprep {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    clean.add_parser(sub)
    detect.add_parser(sub)
    demo.add_parser(sub)
    for name in ("models", "explain"):
        try:
            module = __import__(f"{__name__}.{name}", fromlist=["add_parser"])
        except ImportError:  # a command whose module is not in this build
            continue
        module.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return args.func(args)
    except ConfigError as exc:
        print(f"cleanprep: {exc}", file=sys.stderr)
        return 2
    except FileNotFoundError as exc:
        # A missing model or package file is a set-up problem the user can fix.
        print(f"cleanprep: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("cleanprep: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `cleanprep ... -o - | head` closed the pipe: not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # noqa: BLE001 - the promise is: no traceback, a message
        if os.environ.get("CLEANPREP_DEBUG"):
            raise
        print(f"cleanprep: internal error: {type(exc).__name__}: {exc} "
              "(set CLEANPREP_DEBUG=1 for the traceback, and please report it)", file=sys.stderr)
        return 1


def entry() -> None:
    sys.exit(main())
