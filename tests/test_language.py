"""Language identification: which segments are foreign, down to a sentence inside a line, and in
what language, with the real lid.176 model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanprep.document import Document, Segment
from cleanprep.language import detect, identify, second
from cleanprep.language.cyrillic import (
    CYRILLIC_BLOCKS,
    cyrillic_candidates,
    has_latin_i,
    normalise_cyrillic,
)
from cleanprep.language.identify import merge_spans
from cleanprep.language.scripts import dominant_script, script_codes, switch_points
from cleanprep.split import split_document

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"

ENGLISH = (
    "The ministry said the talks would resume next week in Ankara. "
    "Officials from both sides described the first round as constructive and businesslike."
)


def identified(text: str, target: str | None = "en") -> Document:
    doc = Document(id="t", text=text)
    doc.fixed = text
    split_document(doc)
    identify(doc, target)
    return doc


def languages_by_content(doc: Document) -> dict[str, str]:
    return {doc.content(s): s.lang for s in doc.segments}


# --- Cyrillic: the letters each language alone uses -------------------------------------------

@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Міністр оборони Туреччини зустрівся з послом.", "uk"),  # і and ї/є: Ukrainian
        ("Российские наёмники в Сирии получили новый приказ.", "ru"),  # ы ё: Russian
        ("Вечарына будзе цёплай, і ўсе прыйдуць.", "be"),  # ў: Belarusian
        ("Броят на загиналите във войната расте.", "bg"),  # ъ as a vowel: Bulgarian
    ],
)
def test_east_slavic_and_bulgarian_told_apart_by_their_letters(text: str, lang: str) -> None:
    assert cyrillic_candidates(text) == frozenset({lang}) or lang in cyrillic_candidates(text)
    doc = identified(f"{ENGLISH}\n{text}")
    assert doc.segments[-1].lang == lang


def test_russian_hard_sign_before_a_vowel_does_not_make_bulgarian() -> None:
    assert cyrillic_candidates("субъект объявил") == frozenset({"ru", "bg"})
    assert cyrillic_candidates("във България") == frozenset({"bg"})


def test_latin_i_inside_cyrillic_words_counts_as_ukrainian_i() -> None:
    assert normalise_cyrillic("Але тут вiн не скiнчив") == "Але тут він не скінчив"
    doc = identified(f"{ENGLISH}\nАле тут вiн в трьох роках не скiнчив ще й другого класу.")
    assert doc.segments[-1].lang == "uk"


# --- Script of the characters ------------------------------------------------------------------

def test_script_decides_languages_with_a_script_of_their_own() -> None:
    greek, korean = "Εκεί υπάρχει η καρδιά του Ελληνισμού.", "정치인들이 온라인을 활용해 신념을 설파한다."
    doc = identified(f"{ENGLISH}\n{greek}\n{korean}")
    assert [s.lang for s in doc.segments[-2:]] == ["el", "ko"]


def test_han_without_kana_is_chinese_and_with_kana_japanese() -> None:
    assert dominant_script("声音正是前面那把低沉沙哑的嗓子") == "Z"
    assert dominant_script("なお、2016年度において反競争的行為") == "J"
    chinese = "固体感光树脂版由聚酯膜底基组成。"
    japanese = "なお、2016年度において反競争的行為に該当する事実はありません。"
    doc = identified(f"{ENGLISH}\n{chinese}\n{japanese}")
    assert [s.lang for s in doc.segments[-2:]] == ["zh", "ja"]


def test_a_line_is_cut_where_its_script_changes_for_good() -> None:
    japanese = "なお、2016年度において反競争的行為に該当するとして法的措置を受けた事実はありません。"
    doc = identified(f"{ENGLISH}\nPlease note the value of your securities* {japanese}")
    last_two = doc.segments[-2:]
    assert [doc.content(s) for s in last_two][0] == "Please note the value of your securities*"
    assert [s.lang for s in last_two] == ["en", "ja"]
    assert last_two[0].line == last_two[1].line


def test_a_name_in_another_script_stays_inside_its_sentence() -> None:
    quoting = "Про це пише газета The Daily Telegraph з посиланням на дослідження"
    assert switch_points(script_codes(quoting)) == []
    assert switch_points(script_codes("• Будь спонсором на Youtube від 70 грн")) == []


# --- Sentences inside a line -----------------------------------------------------------------

def test_a_foreign_sentence_inside_a_host_line_is_found() -> None:
    result = detect(
        "The talks ended without a deal, and both delegations went home. "
        "Переговоры закончились ничем, сообщил источник в министерстве."
    )
    assert [s.lang for s in result.spans] == ["en", "ru"]
    result = detect(
        "We met the new director in Berlin last week. "
        "Die Verhandlungen wurden ohne Ergebnis abgebrochen und auf den Herbst vertagt."
    )
    assert [s.lang for s in result.spans] == ["en", "de"]


def test_host_sentences_of_a_long_document_are_not_flagged() -> None:
    doc = identified("\n".join([ENGLISH] * 3 + ["It is a celebration that lasts eight days."]))
    assert {s.lang for s in doc.segments} == {"en"}


# --- Short segments take their context ---------------------------------------------------------

@pytest.mark.parametrize(
    "line",
    ["Twitter || Telegram || Facebook || Youtube", "Russia Syria Turkey Ukraine War with Russia World",
     "Tags :", "1 min read", "Email :"],
)
def test_names_and_menu_words_take_the_host_language(line: str) -> None:
    doc = identified(f"{ENGLISH}\n{line}\n{ENGLISH}")
    assert {s.lang for s in doc.segments} == {"en"}


def test_a_clear_short_foreign_line_is_still_found() -> None:
    doc = identified(f"{ENGLISH}\nDie Verhandlungen sind gescheitert.\n{ENGLISH}")
    assert languages_by_content(doc)["Die Verhandlungen sind gescheitert."] == "de"


def test_a_short_segment_in_a_foreign_script_takes_its_neighbours_language() -> None:
    text = (
        f"{ENGLISH}\n"
        "Навіть донат в 30 грн (ціна 1 кави) допоможе нам працювати далі.\n"
        "• Приватбанк 4149 6293 1808 2567\n"
        "Будь з нами на всіх платформах, дякуємо за підтримку!\n"
        f"{ENGLISH}"
    )
    doc = identified(text)
    assert languages_by_content(doc)["• Приватбанк 4149 6293 1808 2567"] == "uk"


def test_numbers_take_the_language_of_their_line() -> None:
    doc = identified(f"{ENGLISH}\nПереказ на картку ПриватБанку, дякуємо: 4149 4393")
    assert {s.lang for s in doc.segments[2:]} == {"uk"}


# --- detect: spans, offsets, the main language ---------------------------------------------------

def test_adjacent_segments_of_one_language_merge_into_one_span() -> None:
    spans = merge_spans([Segment(0, 4, lang="en", score=1.0), Segment(5, 9, lang="en", score=0.5),
                         Segment(10, 12, lang="uk", score=0.9), Segment(13, 15, lang="en", score=1.0)])
    assert [(s.start, s.end, s.lang) for s in spans] == [(0, 9, "en"), (10, 12, "uk"), (13, 15, "en")]
    result = detect(f"{ENGLISH}\n\n{ENGLISH}")
    assert len(result.spans) == 1 and result.spans[0].lang == "en"


def test_detect_reports_the_main_language() -> None:
    result = detect(f"Міністр оборони Туреччини зустрівся з послом.\n{ENGLISH}\n{ENGLISH}")
    assert result.lang == "en"
    assert 0.5 < result.score <= 1.0
    assert result.to_dict()["segments"][0]["lang"] == "uk"


def assert_spans_cover_text(text: str) -> None:
    spans = detect(text).spans
    covered = [False] * len(text)
    last_end = 0
    for span in spans:
        assert last_end <= span.start < span.end <= len(text)
        assert not text[span.start].isspace() and not text[span.end - 1].isspace()
        covered[span.start : span.end] = [True] * (span.end - span.start)
        last_end = span.end
    assert all(covered[i] for i, ch in enumerate(text) if not ch.isspace())


def test_detect_offsets_cover_every_non_blank_character_without_overlap() -> None:
    assert_spans_cover_text("  Hi there.  Привіт, як справи?\n\n\t東京は晴れ。 12:30 \n")
    assert_spans_cover_text("")
    assert_spans_cover_text("   \n ")


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .,!?\n\tЖжіΩ東な한 1'\u00a0\u2003")), max_size=80))
def test_detect_offsets_hold_for_any_text(text: str) -> None:
    assert_spans_cover_text(text)


def test_identify_keeps_segments_ordered_with_only_whitespace_between() -> None:
    japanese = "なお、2016年度において反競争的行為に該当するとして法的措置を受けた事実はありません。"
    text = f"Fees are listed below: {japanese}\n\nNext line"
    doc = identified(text)
    assert "".join(doc.pieces()) == text
    gaps = [doc.fixed[a.end : b.start] for a, b in zip(doc.segments, doc.segments[1:], strict=False)]
    assert all(gap.strip() == "" for gap in gaps)
    assert [s.block for s in doc.segments] == [0, 0, 1]


# --- The seeds: Ukrainian captions and appeals inside English reports --------------------------

def seed_labels() -> dict[str, dict[int, dict]]:
    labels: dict[str, dict[int, dict]] = {}
    for line in (SHARED / "eval" / "seeds-gold.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        labels.setdefault(rec["file"], {})[rec["line"]] = rec
    return labels


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seeds not present")
def test_seed_captions_and_appeal_are_ukrainian_and_no_english_line_is_flagged() -> None:
    checked_uk = 0
    for name, labels in seed_labels().items():
        text = (SEEDS / name).read_text(encoding="utf-8")
        doc = identified(text)
        assert doc.lang == "en"
        for seg in doc.segments:
            label = labels.get(text.count("\n", 0, seg.start) + 1)
            if label is None:
                continue
            assert seg.lang == label["lang"], (name, label["line"], doc.content(seg))
            checked_uk += label["lang"] == "uk"
    assert checked_uk >= 8


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seeds not present")
@pytest.mark.parametrize("start", ["Міністр оборони Туреччини", "Російські найманці у Сирії"])
def test_seed_photo_captions_are_ukrainian(start: str) -> None:
    text = next(SEEDS.glob("002_*.txt")).read_text(encoding="utf-8")
    doc = identified(text)
    caption = [s for s in doc.segments if doc.fixed.rfind("\n", 0, s.start) + 1 == text.find(start)]
    assert caption and {s.lang for s in caption} == {"uk"}


# --- The second opinion for languages fastText lacks --------------------------------------------

@pytest.mark.skipif(not second.available(), reason="lingua-language-detector not installed or turned off")
def test_languages_the_model_lacks_are_named_with_lingua() -> None:
    doc = identified(
        f"{ENGLISH}\nApho kunokwenzeka, kucelwa iinqununu zezikolo zikhwelisane xa zisiya kule nkomfa."
    )
    assert doc.segments[-1].lang == "xh"


def test_lingua_load_starts_before_the_heavy_imports() -> None:
    # The commands start lingua's load first so that it overlaps their imports: that module and its
    # package must not pull numpy, regex or the language code in with them.
    import subprocess
    import sys

    code = ("import sys, cleanprep.second_models as m; m.warm_up(); "
            "print(sorted(n for n in ('numpy', 'regex', 'cleanprep.language') if n in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_without_lingua_a_language_the_model_lacks_is_still_found_foreign() -> None:
    doc = identified(
        f"{ENGLISH}\nApho kunokwenzeka, kucelwa iinqununu zezikolo zikhwelisane xa zisiya kule nkomfa."
    )
    assert doc.segments[-1].lang != "en"


def test_texts_without_words_get_no_guesses_and_the_rest_keep_theirs() -> None:
    from cleanprep.language.model import load_model, predict_batch

    texts = ["Слава Україні, героям слава", "12", "", "The cat sat on the mat"]
    got = predict_batch(load_model(), texts, k=2)
    assert [len(g) for g in got] == [2, 0, 0, 2]
    assert got[0][0][0] == "uk" and got[3][0][0] == "en"
    assert all(isinstance(p, float) for g in got for _, p in g)


def _langs_of(text: str) -> tuple[str, dict[str, str]]:
    doc = Document(id="t", text=text)
    doc.fixed = text
    split_document(doc)
    identify(doc, "en")
    return doc.lang, {doc.content(s): s.lang for s in doc.segments}


def test_single_words_take_the_main_language_unless_their_script_rules_it_out() -> None:
    text = ("The council met on Tuesday and voted to rebuild the old bridge before winter.\n"
            "Startseite\nKontakt\nKyiv\nКиїв\n"
            "Residents said the detour had added an hour to their daily commute for months.")
    lang, langs = _langs_of(text)
    assert lang == "en"
    # German menu words in Latin letters stay with the English page; a Cyrillic word cannot be English.
    assert langs["Startseite"] == langs["Kontakt"] == langs["Kyiv"] == "en"
    assert langs["Київ"] in ("uk", "ru", "bg", "be", "mk", "sr")


def test_a_page_of_single_words_still_gets_its_main_language_from_them() -> None:
    lang, _ = _langs_of("Startseite\nKontakt\nImpressum\nDatenschutzerklärung\nAktuelles\nVeranstaltungen")
    assert lang == "de"


def test_remembered_segments_get_the_same_answer_as_fresh_ones() -> None:
    import sys

    identify_module = sys.modules["cleanprep.language.identify"]
    text = ("Навігація\nThe council met on Tuesday and voted to rebuild the old bridge.\n"
            "Фото: Reuters, Міністр оборони України\nShare this article")
    first = _langs_of(text)
    assert identify_module._ASKED.get("Share this article") is not None
    assert _langs_of(text) == first


def test_memory_forgets_the_oldest_generation_when_full() -> None:
    from cleanprep.language.memory import Memory

    memo = Memory(limit=2)
    for n, text in enumerate(["a", "b", "c", "d", "e"]):
        memo.put(text, n)
    assert memo.get("a") is None and memo.get("e") == 4
    assert len(memo) <= 4


def test_the_cyrillic_blocks_hold_every_cyrillic_character() -> None:
    # has_latin_i skips the regular expression where no i touches these blocks.
    import regex

    cyrillic = regex.compile(r"\p{Cyrillic}")
    found = [cp for cp in range(0x110000) if not 0xD800 <= cp < 0xE000 and cyrillic.match(chr(cp))]
    assert found and all(any(lo <= cp <= hi for lo, hi in CYRILLIC_BLOCKS) for cp in found)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="iIaб\u0482\u1d2b\ufe2e \u2019Ä\u0400\u03ff\U0001e030"))
def test_has_latin_i_says_whether_normalising_changes_the_text(text: str) -> None:
    assert has_latin_i(text) == (normalise_cyrillic(text) != text)


def test_a_batch_gets_the_guesses_each_text_gets_alone() -> None:
    # predict_batch cleans a batch as one joined string; a text holding the separator, a newline,
    # a lone surrogate or nothing at all must come out as if asked on its own.
    from cleanprep.language.model import load_model, predict_batch

    texts = ["The cat sat\non the mat", "Слава Україні", "", "12", "bad \ud800 surrogate", "nul\x00inside",
             "Die Katze sitzt auf der Matte", "The cat sat\non the mat"]
    model = load_model()
    alone = [predict_batch(model, [t], k=2)[0] for t in texts]
    assert predict_batch(model, texts, k=2) == alone
    assert predict_batch(model, [t for t in texts if "\x00" not in t], k=2) == [
        g for t, g in zip(texts, alone, strict=True) if "\x00" not in t]
