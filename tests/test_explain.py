"""`cleanprep explain`: every segment shown with what became of it and why, in a terminal and in HTML."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from cleanprep.assemble import to_record
from cleanprep.cli import main
from cleanprep.document import CHROME, DROP, FOREIGN, TRANSLATE, Document
from cleanprep.explain import ReportData, TerminalView, render_html, render_record, use_color
from cleanprep.split import split_document

CAPTION = "Міністр оборони зустрівся з послом у Києві. Фото: Reuters"
APPEAL = "Навіть донат в 30 грн допоможе нам працювати далі:"
PARAGRAPH = "The talks ran late into the night, and both sides agreed to meet again next week."
UK_PROSE = "Міністр оборони зустрівся з послом у Києві, щоб обговорити нові постачання."
CLOSING = "Officials said the next round would take place in Geneva after the holidays."
CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def judged(lines: list[tuple[str, str, str, str]]) -> Document:
    """A document whose lines carry given verdicts: (text, lang, verdict, action-or-reason)."""
    doc = Document(id="page.txt", text="\n\n".join(text for text, *_ in lines) + "\n", lang="en")
    doc.fixed = doc.text
    split_document(doc, sentences=False)
    for seg, (_, lang, verdict, how) in zip(doc.segments, lines, strict=True):
        seg.lang, seg.verdict = lang, verdict
        if verdict == CHROME:
            seg.reason = how
        elif verdict == FOREIGN:
            seg.action = how
            seg.reason = "translated" if how == TRANSLATE else "no-package:uk->en"
            if how == TRANSLATE:
                seg.translation, seg.package = "The defence minister met the ambassador.", "translate-uk_en"
    return doc


@pytest.fixture
def page() -> Document:
    return judged([
        ("Share on Facebook", "en", CHROME, "share"),
        (PARAGRAPH, "en", "keep", ""),
        (CAPTION, "uk", FOREIGN, TRANSLATE),
        (APPEAL, "uk", FOREIGN, DROP),
    ])


def test_plain_view_marks_chrome_foreign_and_kept_lines(page: Document):
    view = render_record(to_record(page), color=False)
    assert view.splitlines() == [
        "== page.txt  [en] 4 segments: 1 kept, 1 chrome, 1 translated, 1 dropped",
        "- Share on Facebook  [chrome: share]",
        "",
        f"  {PARAGRAPH}",
        "",
        f"~ {CAPTION}  [uk -> translate]",
        "    => The defence minister met the ambassador.",
        "",
        f"x {APPEAL}  [uk -> drop: no-package:uk->en]",
    ]
    assert "\x1b[" not in view


def test_colour_strikes_chrome_and_keeps_the_marks(page: Document):
    view = render_record(to_record(page), color=True)
    assert "\x1b[2;9mShare on Facebook\x1b[0m" in view  # dim and struck through
    assert f"\x1b[31;9m{APPEAL}\x1b[0m" in view  # dropped: red and struck through
    assert f"\n  {PARAGRAPH}\n" in view  # kept text stays plain
    assert "\n- " in view and "\nx " in view


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert use_color(FakeTerminal()) is True
    assert use_color(io.StringIO()) is False  # a pipe or a file
    monkeypatch.setenv("NO_COLOR", "1")
    assert use_color(FakeTerminal()) is False
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("TERM", "dumb")
    assert use_color(FakeTerminal()) is False


def test_terminal_view_observer_prints_each_document(page: Document, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("NO_COLOR", "1")
    out = FakeTerminal()
    view = TerminalView(out)
    view(page)
    view(page)
    text = out.getvalue()
    assert text.count("== page.txt") == 2 and "\x1b[" not in text


def test_failed_document_says_why():
    doc = Document(id="bad.txt", text="", error="BinaryFileError: looks binary")
    assert render_record(to_record(doc)).splitlines() == [
        "== bad.txt  failed", "! failed: BinaryFileError: looks binary"]


class Segments(HTMLParser):
    """Every `span.seg` of a page with its attributes and text; and every src/href the page holds."""

    def __init__(self) -> None:
        super().__init__()
        self.segments: list[dict[str, str]] = []
        self.links: list[str] = []
        self.tags: set[str] = set()
        self._open: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        a = {k: v or "" for k, v in attrs}
        self.links += [a[k] for k in ("src", "href") if k in a]
        if tag == "span" and "seg" in a.get("class", "").split():
            self._open = dict(a, text="")
            self.segments.append(self._open)

    def handle_endtag(self, tag: str) -> None:
        if tag == "span":
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open["text"] += data


def parse(page: str) -> Segments:
    parser = Segments()
    parser.feed(page)
    return parser


def test_html_report_is_self_contained_and_machine_readable(page: Document):
    report = ReportData(target="en")
    report.add(page)
    html = render_html(report)
    parsed = parse(html)
    assert "svg" in parsed.tags and "script" in parsed.tags and "style" in parsed.tags
    assert not parsed.links, "nothing is fetched: no src or href at all"
    assert "link" not in parsed.tags and not re.search(r"url\(", html)
    by_text = {s["text"]: s for s in parsed.segments}
    assert {k: by_text["Share on Facebook"][k] for k in ("data-verdict", "data-reason", "data-lang")} == {
        "data-verdict": "chrome", "data-reason": "share", "data-lang": "en"}
    assert by_text[PARAGRAPH]["data-verdict"] == "keep"
    caption = by_text[CAPTION]
    assert (caption["data-verdict"], caption["data-action"], caption["data-lang"]) == (
        "foreign", "translate", "uk")
    assert by_text[APPEAL]["data-outcome"] == "dropped"
    for seg in parsed.segments:
        assert {"data-verdict", "data-outcome", "data-action", "data-reason", "data-lang"} <= set(seg)
    # The translation stands beside its original, in the same row.
    rows = html.split('<div class="line')
    caption_row = next(r for r in rows if CAPTION in r)
    assert '<div class="translation" lang="en">The defence minister met the ambassador.</div>' in caption_row


def test_report_details_the_first_documents_and_counts_them_all(page: Document):
    report = ReportData(target="en", max_documents=2)
    for _ in range(5):
        report.add(page)
    assert (report.documents_seen, len(report.documents), report.documents_left_out) == (5, 2, 3)
    assert report.segments_by_outcome["chrome"] == 5
    html = render_html(report)
    assert "showing the first 2 of 5 documents" in html
    assert html.count('<details class="doc"') == 2


def test_bytes_are_split_by_what_became_of_them(page: Document):
    report = ReportData(target="en")
    report.add(page)
    parts = report.bytes_by_part
    assert parts["chrome: share"] == len(b"Share on Facebook")
    assert parts["kept"] == len(PARAGRAPH)
    assert parts["translated"] == len(CAPTION.encode())
    assert parts["foreign dropped"] == len(APPEAL.encode())
    assert report.foreign_by_pair["uk->en"] == {"translated": 1, "dropped": 1}


def test_explain_command_runs_the_pipeline_and_translates(tmp_path: Path, packages_dir: Path,
                                                         capsys: pytest.CaptureFixture[str]):
    source = tmp_path / "page.txt"
    source.write_text(f"Share on Facebook\n\n{PARAGRAPH}\n\n{UK_PROSE}\n\n{CLOSING}\n", encoding="utf-8")
    report = tmp_path / "out" / "report.html"
    code = main(["explain", str(source), "--html", str(report), "--packages-dir", str(packages_dir),
                 "-j", "1", "--color", "never"])
    out = capsys.readouterr().out
    assert code == 0
    rows = out.splitlines()
    assert "- Share on Facebook  [chrome: share]" in rows
    assert f"  {PARAGRAPH}" in rows
    caption_rows = [i for i, r in enumerate(rows) if r.startswith("~ Міністр оборони")]
    assert caption_rows and "[uk -> translate]" in rows[caption_rows[0]]
    translation = rows[caption_rows[0] + 1]
    assert translation.startswith("    => ") and not CYRILLIC.search(translation)
    parsed = parse(report.read_text(encoding="utf-8"))
    verdicts = {s["text"]: s["data-verdict"] for s in parsed.segments}
    assert verdicts["Share on Facebook"] == "chrome" and verdicts[PARAGRAPH] == "keep"
    assert {v for t, v in verdicts.items() if CYRILLIC.search(t)} == {"foreign"}
    assert not list(report.parent.glob(".cleanprep-tmp-*"))  # written atomically, nothing left over


def test_explain_quiet_writes_only_the_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    source = tmp_path / "page.txt"
    source.write_text(PARAGRAPH + "\n", encoding="utf-8")
    report = tmp_path / "report.html"
    assert main(["explain", str(source), "--html", str(report), "-q", "-j", "1", "--no-chrome"]) == 0
    assert capsys.readouterr().out == ""
    assert "<svg" in report.read_text(encoding="utf-8")


def test_explain_missing_input_fails_with_its_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["explain", str(tmp_path / "nope.txt"), "-j", "1"]) == 1
    assert "nope.txt" in capsys.readouterr().err
