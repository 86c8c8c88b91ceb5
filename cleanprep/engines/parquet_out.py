"""Write the cleaned form of a Parquet input: same path under the output directory, same columns.

Parquet in gives Parquet out, as JSONL in gives JSONL out: every column of the input comes back, the
`text` column holds the clean text, and a row whose document failed is left out (it is reported).
With `--format jsonl` the verdict columns of the JSONL record are added (`lang`, `lang_score`, `target`,
`source_text`, and `segments` and `stats` as JSON strings). Files are written atomically and entered
in the resume manifest, like the other outputs.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..document import Document
from ..read import Source
from ..read.readers import is_file_failure
from ..write import Manifest
from ..write.atomic import TMP_MARK
from .rows import RESULT_COLUMNS, result_values

# Verdict columns added with --format jsonl (clean goes into `text`, errors are reported, not written).
VERDICT_COLUMNS = tuple(name for name in RESULT_COLUMNS if name not in ("clean", "error"))


class ParquetOutputs:
    """Receives the documents of Parquet sources in order; a unit's last document writes its file."""

    def __init__(self, outdir: Path, fmt: str, manifest: Manifest | None = None) -> None:
        self.outdir = outdir
        self.fmt = fmt
        self.manifest = manifest
        self._pending: dict[str, list[Document]] = {}
        self._failed_units: set[str] = set()
        self.bytes_out = 0

    def write(self, doc: Document, source: Source) -> None:
        docs = self._pending.setdefault(source.unit, [])
        if doc.error is None:
            docs.append(doc)
        elif is_file_failure(doc):
            # The file itself could not be read: no output, as for a text file.
            self._failed_units.add(source.unit)
        if doc.last:
            docs = self._pending.pop(source.unit)
            if source.unit not in self._failed_units:
                self._commit(docs, source)

    def _commit(self, docs: list[Document], source: Source) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        assert source.path is not None
        table = pq.read_table(source.path)
        table = table.take(pa.array([d.part - 1 for d in docs], pa.int64()))
        text_type = table.schema.field("text").type
        table = table.set_column(table.schema.get_field_index("text"), "text",
                                 pa.array([d.clean for d in docs], text_type))
        if self.fmt == "jsonl":
            values = [result_values(d) for d in docs]
            for name in VERDICT_COLUMNS:
                column = pa.array([v[name] for v in values], pa.type_for_alias(RESULT_COLUMNS[name]))
                if name in table.column_names:
                    table = table.set_column(table.schema.get_field_index(name), name, column)
                else:
                    table = table.append_column(name, column)
        target = self.outdir / source.unit
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f"{TMP_MARK}{os.getpid()}-{target.name}")
        try:
            pq.write_table(table, tmp)
            os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)
        self.bytes_out += target.stat().st_size
        if self.manifest is not None:
            self.manifest.record(source.unit, str(source.path), source.size, source.mtime_ns, source.unit)

    def abort(self) -> None:
        """Forget unfinished units (nothing of theirs is on disk yet)."""
        self._pending.clear()
