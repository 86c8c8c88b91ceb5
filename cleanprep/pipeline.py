"""The pipeline: fix -> split -> identify -> judge -> translate -> assemble, over streams of documents.

Each stage is a function in its own module; this one only strings them together. Documents flow
as iterators; the translate stage takes windows of documents (so segments of many documents share
a batch) and gives them back in order.

>>> pipe = Pipeline(Config(foreign="drop"))
>>> docs = list(pipe.run(["Share on Facebook\\n\\nThe river rose overnight and flooded the lower town."]))
>>> docs[0].clean
'The river rose overnight and flooded the lower town.'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from .assemble import assemble
from .config import Config
from .document import FOREIGN, Document
from .fix import fix_document
from .foreign import mark_foreign
from .language import identify
from .languages import AUTO, label_of
from .split import split_document

# Documents per translation window: enough to fill batches, few enough to keep memory small.
WINDOW = 32


def as_document(item: str | dict[str, Any] | Document, index: int = 0) -> Document:
    """A Document from a string, a JSONL-style record ({"id", "text", ...}) or a Document."""
    if isinstance(item, Document):
        return item
    if isinstance(item, str):
        return Document(id=str(index), text=item)
    if isinstance(item, dict):
        text = item.get("text")
        if not isinstance(text, str):
            raise TypeError(f"record {item.get('id', index)!r} has no string 'text' field")
        return Document(id=str(item.get("id", index)), text=text, meta=dict(item))
    raise TypeError(f"cannot clean a {type(item).__name__}; give str, dict or Document")


class Pipeline:
    """All stages with one configuration; models load on first use, once per process."""

    def __init__(self, config: Config | None = None, recurrence: Any = None) -> None:
        self.config = config or Config()
        self.recurrence = recurrence

    def prepare(self, doc: Document) -> Document:
        """fix, split, identify, judge: everything a document needs before translation."""
        cfg = self.config
        fix_document(doc, cfg.fix)
        split_document(doc)
        auto = cfg.target == AUTO
        identify(doc, None if auto else label_of(cfg.target))
        doc.target = doc.lang if auto else cfg.target
        if cfg.chrome:
            from .chrome import judge_chrome

            judge_chrome(doc, self.recurrence)
        mark_foreign(doc, doc.target)
        return doc

    def finish(self, docs: list[Document]) -> list[Document]:
        """Translate (or drop, keep, tag) the foreign segments of a window, then assemble each."""
        live = [d for d in docs if d.error is None]
        if any(s.verdict == FOREIGN for d in live for s in d.segments):
            from .translate import translate_documents

            translate_documents(live, self.config)
        for doc in live:
            assemble(doc, self.config.redact)
        return docs

    def process_window(self, docs: list[Document]) -> list[Document]:
        """Run every stage on a window of documents; a document that fails carries its error."""
        for doc in docs:
            if doc.error is not None:
                continue
            try:
                self.prepare(doc)
            except Exception as exc:  # noqa: BLE001 - one bad document must not stop the run
                doc.error = f"{type(exc).__name__}: {exc}"
        try:
            return self.finish(docs)
        except Exception as exc:  # noqa: BLE001
            # A failure in a shared batch (translation) is reported on every document of it.
            for doc in docs:
                if doc.error is None:
                    doc.error = f"{type(exc).__name__}: {exc}"
            return docs

    def run(self, items: Iterable[str | dict[str, Any] | Document]) -> Iterator[Document]:
        """Clean many documents, streaming: results come out in input order."""
        it = (as_document(item, i) for i, item in enumerate(items))
        while True:
            window = list(islice(it, WINDOW))
            if not window:
                return
            yield from self.process_window(window)
