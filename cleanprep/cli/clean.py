"""`cleanprep clean INPUT... -o OUTDIR`: clean text trees, files, JSONL or stdin."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..config import ConfigError
from .options import add_pipeline_options, config_from_args

EXAMPLES = """examples:
  cleanprep clean pages/ -o clean/                  mirror pages/a/b.txt to clean/a/b.txt; each page
                                                    stays in its own language (--target auto)
  cleanprep clean pages/ -o clean/ --target en      every page in English (a one-language corpus)
  cleanprep clean pages/ -o clean/ --foreign drop   drop foreign segments instead of translating
  cleanprep clean pages/ -o clean/ --foreign-for uk=translate --foreign-for '*=drop'
  cleanprep clean crawl.jsonl -o out/ --format jsonl --report report.json
  cleanprep clean pages/ -o clean/ --resume         carry on after an interruption
  cleanprep clean pages/ -o clean/ --html-report report.html   see what went and why, in a browser
  cat page.txt | cleanprep clean - -o -              clean standard input to standard output

exit codes: 0 all inputs done; 1 some inputs failed (named on stderr and in --report), or a
            translation package failed to load (its segments fell back; named in the summary);
            2 usage or configuration error; 130 interrupted (finished outputs stay; use --resume)
"""


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("clean", help="clean text files, directories or JSONL",
                       description="Repair, de-chrome and make single-language every input.",
                       epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="file, directory, JSONL file or - for stdin")
    p.add_argument("-o", "--output", required=True, metavar="OUTDIR",
                   help="output directory (mirrors the input tree), or - for standard output")
    add_pipeline_options(p)
    p.add_argument("--report", type=Path, metavar="FILE", help="write the run's summary as JSON")
    p.add_argument("--resume", action="store_true",
                   help="skip inputs already complete in OUTDIR (known from its manifest)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress line and no summary")
    p.add_argument("--html-report", type=Path, metavar="FILE",
                   help="also write a self-contained HTML report of what was removed and why")
    p.add_argument("--explain", action="store_true",
                   help="print every document with each segment marked, as `cleanprep explain` does")
    p.add_argument("--engine", choices=("local", "ray"), default="local",
                   help="local processes (default) or a Ray cluster (pip install cleanprep[ray]); "
                        "with ray, workers follow the cluster's CPUs and --jobs does not apply")
    p.add_argument("--address", default=None, help="Ray cluster address for --engine ray (e.g. auto)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.engine == "local":
        from ..second_models import warm_up

        # lingua's models load in a thread while the pipeline's code is imported (see runner.preflight).
        warm_up()
    from ..runner import RunOptions, run_clean

    config = config_from_args(args)
    if config.device != "cpu":
        from ..translate.engine import resolve_device

        # A GPU asked for and missing is a configuration mistake: say so before any input is read,
        # not as a failure of every document that shares a translation batch.
        resolve_device(config.device)
    outdir = None if args.output == "-" else Path(args.output)
    if args.engine == "ray" and (args.html_report or args.explain):
        raise ConfigError("--html-report and --explain need the local engine (drop --engine ray)")
    if args.engine == "ray":
        from ..engines.ray_engine import run_clean_ray

        summary = run_clean_ray(args.inputs, config, outdir, address=args.address, report=args.report,
                                resume=args.resume, progress=not args.quiet)
    else:
        observers: list = []
        html_report = None
        if args.html_report is not None:
            from ..explain import ReportData

            # Detail for the first 200 documents (ReportData's default), counts for all of them.
            html_report = ReportData(target=config.target)
            observers.append(html_report)
        if args.explain:
            from ..explain import TerminalView

            # With -o - the clean text owns standard output, so the view goes to standard error.
            observers.append(TerminalView(sys.stderr if outdir is None else sys.stdout))
        options = RunOptions(outdir=outdir, resume=args.resume, report=args.report,
                             progress=not (args.quiet or args.explain), observers=observers)
        summary = run_clean(args.inputs, config, options)
        if html_report is not None:
            from ..explain import write_html

            write_html(args.html_report, html_report, summary.to_dict())
    if not args.quiet:
        print(summary.format_text(), file=sys.stderr)
    if summary.interrupted:
        return 130
    return 1 if summary.failed else 0
