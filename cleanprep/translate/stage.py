"""The translate stage: settle every foreign segment of a window of documents.

Segments go by their language's policy (`Config.policy_for`): drop, keep and tag are settled at
once; segments to translate are grouped by pair (their language, their document's target: with
`--target auto` documents of one window have different targets), routed to an installed package
(directly or through a pivot language), and translated together, all documents of the window in
shared batches. A pair with no package gets the configured fallback and the reason
`no-package:SRC->TGT`.

>>> from cleanprep.config import Config
>>> from cleanprep.document import Document, Segment
>>> doc = Document(id="a", text="It rained. Es regnete.")
>>> doc.fixed, doc.target = doc.text, "en"
>>> doc.segments = [Segment(0, 10, lang="en"), Segment(11, 22, lang="de", verdict="foreign")]
>>> translate_documents([doc], Config(foreign="tag"))
>>> doc.segments[1].action, doc.segments[1].reason
('tag', 'tagged')
>>> fallback_counts([doc])
{}
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict

from ..config import Config
from ..document import FOREIGN, TRANSLATE, UNKNOWN_LANG, Document, Segment
from ..languages import AUTO, label_of, package_source
from ..split import split_sentences
from .engine import default_threads, load_package
from .packages import PackageError, PackageInfo, describe_route, find_route, list_packages
from .policy import fall_back, mark_translated, no_package_reason, settle

log = logging.getLogger(__name__)


def sentences_of(text: str) -> list[str]:
    """A segment's sentences: a segment is usually one, but a long one may hold several.

    >>> sentences_of("Дощ ішов. Потім перестав.")
    ['Дощ ішов.', 'Потім перестав.']
    """
    out = []
    for line in text.split("\n"):
        out.extend(line[s:e] for s, e in split_sentences(line))
    return out


def translate_documents(docs: list[Document], config: Config) -> None:
    """Settle the foreign segments of `docs` in place (see the module docstring)."""
    pending: dict[tuple[str, str], list[tuple[Document, Segment]]] = defaultdict(list)
    for doc in docs:
        tgt = document_target(doc, config)
        for seg in doc.segments:
            if seg.verdict != FOREIGN or seg.lang == label_of(tgt):
                continue
            action = config.policy_for(seg.lang)
            if action == TRANSLATE:
                # Traditional Chinese goes to a `zt` package where one is installed.
                pending[package_source(seg.lang, doc.content(seg)), tgt].append((doc, seg))
            else:
                settle(seg, action)
    if not pending:
        return
    packages = list_packages(config.packages_dir)
    for pair in sorted(pending):
        _translate_pair(pair, pending[pair], packages, config)


def document_target(doc: Document, config: Config) -> str:
    """The language `doc`'s foreign segments go to: its own target, set by the pipeline; for a
    document made by hand, the run's --target, or with `auto` its main language."""
    if doc.target != UNKNOWN_LANG:
        return doc.target
    return doc.lang if config.target == AUTO else config.target


def _translate_pair(
    pair: tuple[str, str], items: list[tuple[Document, Segment]], packages: list[PackageInfo], config: Config
) -> None:
    code, tgt = pair
    src = label_of(code)  # what the reasons and the summary name: the segments' label
    route = find_route(code, tgt, packages)
    if route is None:
        for _, seg in items:
            fall_back(seg, config, no_package_reason(src, tgt))
        return
    try:
        steps = [load_package(pkg, config.device, default_threads(config.jobs)) for pkg in route]
    except PackageError as exc:
        log.warning("%s; %s->%s segments fall back to %s", exc, src, tgt, config.fallback)
        for _, seg in items:
            fall_back(seg, config, f"package-error:{src}->{tgt}")
            seg.package = describe_route(route)  # which package failed, for the summary to name
        return
    # One flat list of sentences for the whole window, so batches span segments and documents.
    spans: list[tuple[int, int]] = []
    sentences: list[str] = []
    for doc, seg in items:
        parts = sentences_of(doc.content(seg))
        spans.append((len(sentences), len(sentences) + len(parts)))
        sentences.extend(parts)
    for step in steps:
        sentences = step.translate(sentences, config.batch_size)
    name = describe_route(route)
    for (_, seg), (start, end) in zip(items, spans, strict=True):
        translation = " ".join(s for s in sentences[start:end] if s)
        if translation:
            mark_translated(seg, translation, name)
        else:
            fall_back(seg, config, f"empty-translation:{src}->{tgt}")


def fallback_counts(docs: list[Document]) -> dict[str, int]:
    """How many foreign segments went to the fallback, by reason (e.g. `no-package:uk->en`)."""
    counts: Counter[str] = Counter()
    for doc in docs:
        for seg in doc.segments:
            if seg.verdict == FOREIGN and seg.reason.startswith(("no-package:", "package-error:", "empty-")):
                counts[seg.reason] += 1
    return dict(counts)
