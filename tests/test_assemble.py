"""The assemble stage: what the verdicts leave in the clean text, and where."""

from cleanprep.assemble import assemble, to_record
from cleanprep.document import Document, Segment


def _doc(text: str, segments: list[Segment]) -> Document:
    doc = Document(id="d", text=text)
    doc.fixed = text
    doc.segments = segments
    return doc


TEXT = "Home | News\n\nIt rained. Фото: Reuters\nThe end.\n"


def _segments(**foreign) -> list[Segment]:
    return [
        Segment(0, 11, 0, 0, verdict="chrome", reason="nav"),
        Segment(13, 23, 1, 1, lang="en"),
        Segment(24, 37, 1, 1, lang="uk", verdict="foreign", **foreign),
        Segment(38, 46, 1, 2, lang="en"),
    ]


def test_chrome_and_dropped_segments_go_with_their_line_breaks():
    assert assemble(_doc(TEXT, _segments(action="drop"))) == "It rained.\nThe end.\n"


def test_a_translation_stands_where_its_source_stood():
    segs = _segments(action="translate", translation="Photo: Reuters", package="uk->en")
    assert assemble(_doc(TEXT, segs)) == "It rained. Photo: Reuters\nThe end.\n"


def test_a_foreign_segment_with_no_translation_is_never_kept_as_translated():
    segs = _segments(action="translate")
    assert "Фото" not in assemble(_doc(TEXT, segs))


def test_the_summary_counts_a_segment_with_no_translation_as_dropped_as_the_text_does():
    from cleanprep.summary import RunSummary

    doc = _doc(TEXT, _segments(action="translate"))
    assemble(doc)
    summary = RunSummary(target="en")
    summary.add(doc)
    assert summary.to_dict()["dropped"] == {"uk->en": 1}
    assert summary.to_dict()["translated"] == {}


def test_tagged_segments_are_wrapped_with_their_language():
    out = assemble(_doc(TEXT, _segments(action="tag")))
    assert 'It rained. <foreign lang="uk">Фото: Reuters</foreign>\n' in out


def test_nothing_removed_gives_the_fixed_text_exactly():
    text = "  Indented title\n\n\nBody line one.  \nBody two\n"
    segs = [Segment(2, 16, 0, 0), Segment(19, 33, 1, 1), Segment(36, 44, 1, 2)]
    assert assemble(_doc(text, segs)) == text


def test_blocks_stay_separated_by_one_blank_line():
    text = "Menu\n\nPara one.\n\n\n\nPara two.\n\nFooter"
    segs = [Segment(0, 4, 0, 0, verdict="chrome"), Segment(6, 15, 1, 1), Segment(19, 28, 2, 2),
            Segment(30, 36, 3, 3, verdict="chrome")]
    assert assemble(_doc(text, segs)) == "Para one.\n\nPara two."


def test_the_record_keeps_source_translation_and_package():
    doc = _doc(TEXT, _segments(action="translate", translation="Photo: Reuters", package="translate-uk_en"))
    assemble(doc)
    record = to_record(doc)
    foreign = [s for s in record["segments"] if s["verdict"] == "foreign"][0]
    assert foreign["text"] == "Фото: Reuters"
    assert foreign["translation"] == "Photo: Reuters"
    assert foreign["package"] == "translate-uk_en"
    assert record["segments"][0]["reason"] == "nav"


def test_the_summary_names_documents_whose_main_language_is_not_the_target():
    from cleanprep.summary import RunSummary

    summary = RunSummary(target="en")
    for lang in ("de", "de", "en"):
        doc = Document(id=lang, text="x", nbytes=1)
        doc.lang = lang
        summary.add(doc)
    d = summary.to_dict()
    assert d["main_languages"] == {"de": 2, "en": 1}
    assert (d["documents_not_in_target"], d["not_in_target_by_language"]) == (2, {"de": 2})
    text = summary.format_text()
    assert "documents by main language: de 2, en 1" in text
    assert "documents not in en: 2 (de 2;" in text
    only_english = RunSummary(target="en")
    doc = Document(id="a", text="x", nbytes=1)
    doc.lang = "en"
    only_english.add(doc)
    assert "not in en" not in only_english.format_text()
    assert only_english.to_dict()["documents_not_in_target"] == 0


def test_with_target_auto_the_summary_counts_languages_and_no_document_is_off_target():
    from cleanprep.summary import RunSummary

    summary = RunSummary(target="auto")
    for lang in ("de", "fr", "de"):
        summary.add(Document(id=lang, text="x", nbytes=1, lang=lang, target=lang))
    d = summary.to_dict()
    assert (d["target"], d["documents_not_in_target"]) == ("auto", None)
    assert d["main_languages"] == {"de": 2, "fr": 1}
    assert "documents by main language: de 2, fr 1" in summary.format_text()
    assert "not in" not in summary.format_text()


def test_the_terminal_summary_names_the_largest_counts_and_the_report_keeps_them_all():
    from cleanprep.summary import TERMINAL_PAIRS, RunSummary

    summary = RunSummary(target="en")
    langs = [f"l{i:02d}" for i in range(TERMINAL_PAIRS + 3)]
    for n, lang in enumerate(langs):
        doc = Document(id=lang, text="x", nbytes=1)
        doc.lang = lang
        for _ in range(len(langs) - n):  # l00 is the most common
            summary.add(doc)
    text = summary.format_text()
    assert f"{langs[0]} {len(langs)}" in text
    assert f"{langs[TERMINAL_PAIRS - 1]} " in text
    assert f"{langs[TERMINAL_PAIRS]} " not in text
    assert "and 3 more (6; all in --report)" in text
    assert len(summary.to_dict()["main_languages"]) == len(langs)
