"""`cleanprep detect IN.jsonl -o OUT.jsonl`: language segments of every record.

For each record `{"id", "text"}` one record `{"id", "lang", "score", "segments": [{"start", "end",
"lang", "score"}]}`; offsets are characters of `text` exactly as given.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..config import ConfigError, default_jobs
from ..document import Document
from ..gc_pace import fewer_collections
from ..parallel import ordered_map
from ..progress import Progress
from ..read import Source, read_source
from ..write import AtomicFile
from ..write.atomic import safe_text

EXAMPLES = """examples:
  cleanprep detect docs.jsonl -o langs.jsonl
  cleanprep detect page.txt -o -          a plain text file is one record (id = its name)

A line that is not a valid record is reported with its line number and skipped; the rest is
written. The output file is written whole or not at all. Exit 0: all done; 1: some lines failed.
"""


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("detect", help="find the language of every segment",
                       description="Language segments of each JSONL record (or text file).",
                       epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("input", metavar="INPUT", help="JSONL file of {id, text} records, a text file, or -")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="JSONL file to write, or -")
    p.add_argument("--jobs", "-j", type=int, default=default_jobs(), metavar="N",
                   help=f"worker processes (default: the CPUs here, {default_jobs()}); "
                        "the output is the same whatever N")
    p.add_argument("--quiet", "-q", action="store_true",
                   help="no progress line (it shows on a terminal after a second, in logs every 30 s)")
    p.set_defaults(func=run)


# Records per chunk sent to a worker: enough to make the trip worth it, few enough to keep order cheap.
CHUNK = 16


def _detect_chunk(docs: list[Document]) -> list[Document]:
    """Detect each document of a chunk: the JSON line goes in `clean`, a failure in `error`."""
    from ..language import detect

    for doc in docs:
        if doc.error is not None:
            continue
        try:
            doc.clean = json.dumps({"id": doc.id, **detect(doc.text).to_dict()}, ensure_ascii=False) + "\n"
        except Exception as exc:  # noqa: BLE001 - one bad record must not stop the run
            where = f"line {doc.part}: " if doc.meta else ""
            doc.error = f"{where}{type(exc).__name__}: {exc}"
        doc.text = ""  # not needed back in the parent
    return docs


def _chunks(docs, size: int = CHUNK):  # noqa: ANN001, ANN202
    chunk: list[Document] = []
    for doc in docs:
        chunk.append(doc)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run(args: argparse.Namespace) -> int:
    """Detect every record; a bad line or a record that fails is reported (with its line) and skipped."""
    from ..second_models import warm_up

    # lingua's models load in a thread while the language code is imported and fastText's model
    # loads; worker processes forked later share both instead of each loading its own.
    warm_up()
    from ..language.model import load_model

    source = _source(args.input)
    if source is None:
        what = "a directory" if Path(args.input).is_dir() else "no such file"
        print(f"cleanprep detect: {args.input}: {what} (give a JSONL or text file, or -)", file=sys.stderr)
        return 2
    if args.jobs < 1:
        raise ConfigError(f"--jobs must be a whole number of at least 1, not {args.jobs}")
    load_model()
    out = None if args.output == "-" else AtomicFile(Path(args.output))
    failed = 0
    progress = Progress(enabled=not args.quiet)
    with fewer_collections():
        try:
            for chunk in ordered_map(_detect_chunk, _chunks(read_source(source)), args.jobs):
                for doc in chunk:
                    progress.update(1, doc.nbytes)
                    if doc.error is not None:
                        failed += 1
                        print(f"cleanprep detect: {args.input}: {doc.error}", file=sys.stderr)
                    elif out is None:
                        sys.stdout.write(safe_text(doc.clean))
                    else:
                        out.write(doc.clean)
        except BaseException:
            # Interrupted (or worse): the output is left as it was, never half-written.
            if out is not None:
                out.abort()
            raise
        finally:
            progress.close()
    if out is not None:
        out.commit()
    return 1 if failed else 0


def _source(arg: str) -> Source | None:
    if arg == "-":
        return Source(None, "stdin", "jsonl")
    path = Path(arg)
    if not path.is_file():
        return None
    st = path.stat()
    kind = "text" if path.suffix.lower() in (".txt", ".text") else "jsonl"
    return Source(path, path.name, kind, st.st_size, st.st_mtime_ns)
