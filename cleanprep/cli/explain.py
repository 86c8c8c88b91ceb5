"""`cleanprep explain FILE_OR_DIR...`: every document with each segment marked, and an HTML report.

The inputs run through the same pipeline, with the same options, as `cleanprep clean`; nothing is
written but the view (standard output) and, with `--html`, the report.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from ..explain import ReportData, TerminalView, write_html
from ..explain.report import DEFAULT_MAX_DOCUMENTS
from .options import add_pipeline_options, config_from_args

EXAMPLES = """examples:
  cleanprep explain page.txt                       every line: kept, chrome [reason], foreign [lang -> action]
  cleanprep explain pages/ --html report.html      also a self-contained HTML report with charts
  cleanprep explain pages/ --html report.html -q   only the report
  cleanprep explain crawl.jsonl --foreign drop     what --foreign drop would remove
  NO_COLOR=1 cleanprep explain page.txt | less     plain marks: '-' chrome, 'x' dropped, '~' translated,
                                                   '=' foreign kept, '#' tagged

exit codes: 0 all inputs done; 1 some inputs failed; 2 usage or configuration error
"""


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("explain", help="show what was removed and why (terminal view, HTML report)",
                       description="Show every segment of every document with what became of it and why.",
                       epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="+", metavar="FILE_OR_DIR",
                   help="file, directory, JSONL file or - for stdin")
    p.add_argument("--html", type=Path, metavar="REPORT.html", help="also write a self-contained HTML report")
    p.add_argument("--max-documents", type=int, default=DEFAULT_MAX_DOCUMENTS, metavar="N",
                   help=f"documents shown in detail in the HTML report; counts cover all (default "
                        f"{DEFAULT_MAX_DOCUMENTS})")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                   help="colour the terminal view (auto: on a terminal, unless NO_COLOR is set)")
    p.add_argument("--quiet", "-q", action="store_true",
                   help="no terminal view (with --html: only the report)")
    add_pipeline_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..runner import RunOptions, run_clean

    config = config_from_args(args)
    if args.max_documents < 0:
        print("cleanprep: --max-documents must be 0 or more", file=sys.stderr)
        return 2
    observers = []
    if not args.quiet:
        color = {"always": True, "never": False}.get(args.color)
        observers.append(TerminalView(sys.stdout, color=color))
    report = None
    if args.html is not None:
        report = ReportData(target=config.target, max_documents=args.max_documents)
        observers.append(report)
    # The runner writes clean outputs; explain shows decisions only, so they go to a scratch folder.
    with tempfile.TemporaryDirectory(prefix="cleanprep-explain-") as scratch:
        options = RunOptions(outdir=Path(scratch), progress=False, observers=observers)
        summary = run_clean(args.inputs, config, options)
    if report is not None:
        write_html(args.html, report, summary.to_dict(), title=f"cleanprep report: {' '.join(args.inputs)}")
        print(f"cleanprep: HTML report written to {args.html}", file=sys.stderr)
    if not args.quiet:
        print("\n" + summary.format_text(), file=sys.stdout)
    if summary.interrupted:
        return 130
    return 1 if summary.failed else 0
