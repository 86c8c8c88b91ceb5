"""`cleanprep demo`: clean the built-in example pages and show one before and after."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..config import Config
from ..examples import PAGES


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="clean the built-in example pages and show the result",
                       description="Clean the example pages that ship with cleanprep into OUTDIR.",
                       epilog="examples:\n"
                              "  cleanprep demo                  clean the examples into demo-out/\n"
                              "  cleanprep demo --foreign drop   drop foreign segments instead",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("-o", "--output", default="demo-out", metavar="OUTDIR", help="default: demo-out")
    p.add_argument("--foreign", default="translate", choices=("translate", "drop", "keep", "tag"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..runner import RunOptions, run_clean

    outdir = Path(args.output)
    summary = run_clean([str(PAGES)], Config(foreign=args.foreign),
                        RunOptions(outdir=outdir, report=outdir / "report.json", progress=False))
    page = "news/flood-relief.txt"
    before = (PAGES / page).read_text(encoding="utf-8")
    after = (outdir / page).read_text(encoding="utf-8")
    rule = "-" * 72
    print(f"{rule}\nBEFORE  {PAGES / page}\n{rule}\n{before}\n{rule}")
    print(f"AFTER   {outdir / page}\n{rule}\n{after}{rule}")
    print(summary.format_text())
    print(f"cleaned pages are in {outdir}/, the run's summary in {outdir / 'report.json'}")
    print("see why each line went: cleanprep explain " + str(PAGES / page))
    return 1 if summary.failed else 0
