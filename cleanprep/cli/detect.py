"""`cleanprep detect IN.jsonl -o OUT.jsonl`: language segments of every record.

For each record `{"id", "text"}` one record `{"id", "lang", "score", "segments": [{"start", "end",
"lang", "score"}]}`; offsets are characters of `text` exactly as given.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..read import Source, read_source
from ..write import AtomicFile

EXAMPLES = """examples:
  cleanprep detect docs.jsonl -o langs.jsonl
  cleanprep detect page.txt -o -          a plain text file is one record (id = its name)
"""


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("detect", help="find the language of every segment",
                       description="Language segments of each JSONL record (or text file).",
                       epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("input", metavar="INPUT", help="JSONL file of {id, text} records, a text file, or -")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="JSONL file to write, or -")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..language import detect
    from ..language.model import load_model

    load_model()
    if args.input == "-":
        source = Source(None, "stdin", "jsonl")
    else:
        path = Path(args.input)
        if not path.is_file():
            print(f"cleanprep detect: {args.input}: no such file", file=sys.stderr)
            return 2
        st = path.stat()
        kind = "text" if path.suffix.lower() in (".txt", ".text") else "jsonl"
        source = Source(path, path.name, kind, st.st_size, st.st_mtime_ns)
    out = None if args.output == "-" else AtomicFile(Path(args.output))
    failed = 0
    try:
        for doc in read_source(source):
            if doc.error is not None:
                failed += 1
                print(f"cleanprep detect: {args.input}: {doc.error}", file=sys.stderr)
                continue
            record = {"id": doc.id, **detect(doc.text).to_dict()}
            line = json.dumps(record, ensure_ascii=False) + "\n"
            if out is None:
                sys.stdout.write(line)
            else:
                out.write(line)
    except BaseException:
        if out is not None:
            out.abort()
        raise
    if out is not None:
        out.commit()
    return 1 if failed else 0
