"""Properties over arbitrary strings (hypothesis): clean and detect never raise, detect's segments
are sound, and with every removal off the output is the repaired input."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleanprep
from cleanprep.fix import fix_text

# Any string, including lone surrogates, controls and NUL; plus strings built from pieces that
# matter to the pipeline (several scripts, line breaks, blank lines, mojibake, entities).
PIECES = st.sampled_from([
    "The river rose overnight. ", "Річка піднялася вночі. ", "Der Fluss stieg. ", "政府は発表した。",
    "\n", "\n\n", "  ", "\t", "Home | News", "cafÃ©", "&amp;", "\u200b", "\x00", "\ud800", "\r\n", "…",
    "https://example.com/a?b=c", "1 min read", "😀", "\u0301",
])
TEXTS = st.one_of(st.text(max_size=300), st.lists(PIECES, max_size=25).map("".join))
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(TEXTS)
def test_clean_never_raises(text: str) -> None:
    result = cleanprep.clean(text, foreign="drop")
    assert isinstance(result.clean, str)


@SETTINGS
@given(TEXTS)
def test_detect_segments_are_in_bounds_apart_and_cover_every_non_blank_character(text: str) -> None:
    spans = cleanprep.detect(text).spans
    covered = [False] * len(text)
    prev_end = 0
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert span.start >= prev_end, "segments overlap or are out of order"
        prev_end = span.end
        for i in range(span.start, span.end):
            covered[i] = True
    missed = [i for i, ch in enumerate(text) if not ch.isspace() and not covered[i]]
    assert not missed, f"non-blank characters outside every segment: {[text[i] for i in missed]}"


@SETTINGS
@given(TEXTS)
def test_with_every_removal_off_the_output_is_the_fixed_input(text: str) -> None:
    result = cleanprep.clean(text, chrome=False, foreign="keep")
    assert result.clean == fix_text(text)[0]
