"""The library: cleanprep.clean, cleanprep.detect, Pipeline streaming, and the switched-off identity."""

import pytest

import cleanprep
from cleanprep import Config, ConfigError, Pipeline
from cleanprep.fix import fix_text

ARTICLE = (
    "Share on Facebook\n\n"
    "The river rose overnight and flooded the lower town, officials said on Tuesday.\n\n"
    "Rescue teams moved dozens of families to a school on the hill before dawn."
)


def test_clean_returns_text_language_and_segment_verdicts():
    result = cleanprep.clean(ARTICLE, foreign="drop")
    assert result.lang == "en"
    assert "The river rose overnight" in result.clean
    assert all(seg.verdict in ("keep", "chrome", "foreign") for seg in result.segments)
    assert {seg.lang for seg in result.segments if seg.verdict == "keep"} == {"en"}


def test_clean_accepts_the_command_line_option_names():
    with pytest.raises(ConfigError, match="unknown option"):
        cleanprep.clean("text", no_such_option=True)
    with pytest.raises(ConfigError, match="unknown language code"):
        cleanprep.clean("text", target="xx")


def test_with_removals_switched_off_the_output_is_the_fixed_input():
    text = "Menu | Home\n\ncafÃ© &amp; bar\n\nПідпис до фото українською мовою.\n  Share this  \n"
    result = cleanprep.clean(text, chrome=False, foreign="keep")
    assert result.clean == fix_text(text)[0]


def test_pipeline_streams_results_in_input_order():
    texts = [f"Document number {i} talks about the weather in the mountains today." for i in range(70)]
    out = list(Pipeline(Config(foreign="drop", jobs=1)).run(texts))
    assert [d.id for d in out] == [str(i) for i in range(70)]
    assert [d.clean for d in out] == texts


def test_pipeline_takes_records_and_keeps_their_fields():
    record = {"id": "r1", "text": "A plain sentence in English.", "url": "u"}
    out = next(Pipeline(Config(jobs=1)).run([record]))
    assert out.id == "r1" and out.meta["url"] == "u"


def test_detect_names_a_foreign_sentence_inside_a_line():
    result = cleanprep.detect("The minister arrived in Kyiv. Міністр прибув до Києва на переговори.")
    assert [span.lang for span in result.spans] == ["en", "uk"]
    assert result.spans[1].start == result.spans[0].end + 1
