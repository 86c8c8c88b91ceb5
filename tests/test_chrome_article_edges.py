"""Where the article begins and ends: bylines with a stamp, the headline above them, lists and tables
inside the article, runs of teasers before or after it; each pinned in two languages or more."""

from __future__ import annotations

import pytest
from support.chrome_pages import PARAGRAPHS, keep_everything, page

from cleanprep.chrome.features import line_table
from cleanprep.chrome.judge import ChromeModel, judge_with
from cleanprep.chrome.phrases import classify, is_date_line, stamped_lines
from cleanprep.document import CHROME, Document


def prose_only() -> ChromeModel:
    """A real scorer that keeps the prose lines (0.99) and rejects every other line (0.3, enough for a
    heading above a paragraph), so that a short line stays only where a rule keeps it."""
    params = {"features": ["bias", "prose"], "mean": [0.0, 0.0], "scale": [1.0, 1.0], "w2": [0.0, 6.0],
              "b2": -0.85}
    return ChromeModel(params, 0.5)


def reasons(doc: Document) -> list[str]:
    """The reason of each line ("" for a kept one), in order."""
    out: dict[int, str] = {}
    for seg in doc.segments:
        out.setdefault(seg.line, seg.reason if seg.verdict == CHROME else "")
    return [out[k] for k in sorted(out)]


def judged(lines: list[str], lang: str, model: ChromeModel) -> list[str]:
    doc = page(lines, lang)
    judge_with(doc, None, model)
    return reasons(doc)


# --- bylines with a stamp ---------------------------------------------------------------------------

@pytest.mark.parametrize(("line", "lang"), [
    ("Par Sylvie Marchand — Publié le 14 mai 2024 à 18h42, mis à jour le 15 mai 2024 à 07h10", "fr"),
    ("Von Anna Berger, veröffentlicht am 3. März 2024 um 14:05 Uhr, zuletzt geändert am 4. März 2024", "de"),
    ("Por Ana Ruiz | 14 noviembre, 2024 | 5 min de lectura", "es"),
])
def test_a_byline_with_a_date_goes_however_long_its_stamps_are(line, lang):
    paragraphs = PARAGRAPHS[lang]
    assert judged([line, *paragraphs], lang, keep_everything()) == ["byline", "", ""]


@pytest.mark.parametrize(("line", "lang"), [
    ("Marta Zielińska · 12 marca 2024, 14:05", "pl"),
    ("Jane Miller | March 3, 2024", "en"),
])
def test_a_name_and_a_stamp_above_the_article_is_its_byline(line, lang):
    assert judged([line, *PARAGRAPHS[lang]], lang, keep_everything()) == ["byline", "", ""]


@pytest.mark.parametrize(("lead", "line", "lang"), [
    ("Die Stadt will das Freibad im Sommer länger öffnen, doch der Eintritt wird teurer.",
     "Anna Berger · 3. März 2024", "de"),
    ("Місто відкриє басейн довше влітку, але квитки подорожчають уже з травня.",
     "Олексій Мороз · 28 квітня 2024", "uk"),
])
def test_a_name_and_a_stamp_under_the_lead_is_its_byline(lead, line, lang):
    paragraphs = PARAGRAPHS.get(lang, PARAGRAPHS["en"])
    got = judged([lead, line, *paragraphs], lang, keep_everything())
    assert got == ["", "byline", "", ""]


def test_a_name_and_a_stamp_below_the_article_is_left_to_the_model():
    # Below the article the same shape heads a comment or dates a list entry; the model judges it.
    lines = [*PARAGRAPHS["en"], "Jane Miller | March 3, 2024"]
    assert judged(lines, "en", keep_everything()) == ["", "", ""]


@pytest.mark.parametrize(("line", "words"), [
    ("Por que a Lua parece gigante quando nasce no horizonte?", 10),
    ("Por qué el cielo es azul", 6),
])
def test_por_que_opens_a_question_not_a_byline(line, words):
    assert classify(line, words) != "byline"


@pytest.mark.parametrize(("headline", "byline", "lang"), [
    ("À Figeac, la réouverture du pont est repoussée à l'automne", "Par Sylvie Marchand — 14 mai 2024", "fr"),
    ("Rada miasta przyjmuje budżet na przyszły rok", "Marta Zielińska · 12 marca 2024", "pl"),
])
def test_the_headline_above_a_byline_stays_with_the_article(headline, byline, lang):
    got = judged(["Start", headline, byline, *PARAGRAPHS[lang]], lang, prose_only())
    assert got[1] == "" and got[2] == "byline" and got[3:] == ["", ""]


@pytest.mark.parametrize(("lines", "lang"), [
    (["Ferry returns to the island after a long shutdown", "By Jane Miller, Staff Writer",
      "The ferry leaves the town dock on its first run since February. (Photo: Jane Miller)"], "en"),
    (["Zehn Mann, drei Tore: der Sportverein dreht das Derby", "Von Anna Berger",
      "Foto: Anna Berger"], "de"),
])
def test_a_headline_above_its_byline_and_a_photo_credit_stays(lines, lang):
    got = judged(["Start", *lines, *PARAGRAPHS[lang]], lang, prose_only())
    assert got[1] == "" and got[2] != "" and got[3] == "caption" and got[4:] == ["", ""]


def test_stamps_in_chinese_and_japanese_and_with_dots():
    lows = ["2024年6月16日 21:48 記者：小野寺", "網友小李 2024/03/02", "2024.02.05 更新", "version 1.2.3"]
    assert stamped_lines(lows, [0, 1, 2, 3]) == [0, 1, 2]


# --- lists and tables inside the article ------------------------------------------------------------

@pytest.mark.parametrize(("items", "lang"), [
    (["Centre historique | 45 € par an", "Gare et faubourg | 30 € par an", "Bords de Loire | 25 € par an"],
     "fr"),
    (["Saint-Girons 24 – 10 Lannemezan", "Mauléon 18 – 22 Lourdes", "Oloron 30 – 3 Tarbes"], "fr"),
    (["Dirección: Nerea Olaizola", "Duración: 134 minutos", "País: España, 2024"], "es"),
])
def test_a_list_between_two_paragraphs_stays(items, lang):
    first, second = PARAGRAPHS[lang]
    got = judged([first, *items, second], lang, prose_only())
    assert got == [""] * (len(items) + 2)


@pytest.mark.parametrize(("intro", "items", "lang"), [
    ("Die Öffnungszeiten sind:", ["Montag bis Freitag 8 bis 18 Uhr", "Samstag 9 bis 12 Uhr"], "de"),
    ("Godziny otwarcia są następujące:", ["od poniedziałku do piątku 8-18", "w sobotę 9-12"], "pl"),
])
def test_two_items_under_a_line_ending_in_a_colon_stay(intro, items, lang):
    first, second = PARAGRAPHS[lang]
    assert judged([first, intro, *items, second], lang, prose_only()) == [""] * 5
    # Without the introducing line, two short lines between paragraphs are no list.
    assert judged([first, *items, second], lang, prose_only())[1:3] != ["", ""]


@pytest.mark.parametrize(("lines", "lang"), [
    (["Teilen", "Facebook Twitter", "WhatsApp E-Mail"], "de"),
    (["Share this", "Facebook Twitter", "WhatsApp Email"], "en"),
])
def test_a_run_holding_an_interface_line_between_paragraphs_is_not_a_list(lines, lang):
    first, second = PARAGRAPHS[lang]
    assert judged([first, *lines, second], lang, prose_only())[1] != ""


def test_a_list_after_the_last_paragraph_is_left_to_the_model():
    # Lines after the article's end may as well be a menu: no paragraph closes them.
    first, second = PARAGRAPHS["es"]
    items = ["Dirección: Nerea Olaizola", "Duración: 134 minutos", "País: España, 2024"]
    assert "" not in judged([first, second, *items], "es", prose_only())[2:]


# --- teasers ----------------------------------------------------------------------------------------

LONG = {
    "en": ("On Monday evening the council voted by a large majority for the new budget, after a debate "
           "that lasted more than four hours and in which almost every member spoke at least once."),
    "pl": ("W poniedziałek wieczorem rada miasta przyjęła nowy budżet dużą większością głosów, po debacie, "
           "która trwała ponad cztery godziny i w której głos zabrał niemal każdy radny."),
}
TEASERS = {
    "en": [("Harbour ferry returns after a long winter", "The boats run again from Friday, twice a day."),
           ("School roof repairs will take until autumn", "The builders found more damage than expected."),
           ("New cycle lane opens on the river road", "It links the station with the old town centre.")],
    "pl": [("Tramwaj wraca na trasę po zimowej przerwie", "Pierwsze kursy ruszą w piątek rano."),
           ("Remont dachu szkoły potrwa do jesieni", "Wykonawca znalazł więcej szkód, niż się spodziewano."),
           ("Nowa ścieżka rowerowa nad rzeką otwarta",
            "Łączy dworzec kolejowy ze starym miastem i parkiem.")],
}


@pytest.mark.parametrize("lang", ["en", "pl"])
def test_a_run_of_teasers_after_the_article_goes_as_related(lang):
    teasers = [line for pair in TEASERS[lang] for line in pair]
    got = judged([LONG[lang], LONG[lang].replace("a", "o", 2), *teasers], lang, keep_everything())
    assert got[:2] == ["", ""]
    assert got[2:] == ["related"] * len(teasers)


@pytest.mark.parametrize("lang", ["en", "pl"])
def test_a_run_of_teasers_before_the_article_goes_with_its_header(lang):
    teasers = [line for pair in TEASERS[lang] for line in pair]
    got = judged(["Other news today", *teasers, LONG[lang], LONG[lang].replace("a", "o", 2)], lang,
                 keep_everything())
    assert got == ["related"] * (1 + len(teasers)) + ["", ""]


def test_teasers_need_three_in_a_row_and_the_article_on_one_side():
    pairs = [line for pair in TEASERS["en"][:2] for line in pair]
    assert judged([LONG["en"], *pairs], "en", keep_everything()) == [""] * 5
    # Between two stretches of the article the same shape is the article's own sections.
    teasers = [line for pair in TEASERS["en"] for line in pair]
    lines = [LONG["en"], *teasers, LONG["en"].replace("a", "o", 2)]
    assert judged(lines, "en", keep_everything()) == [""] * 8


@pytest.mark.parametrize(("heads", "lang"), [
    (["Step one of the recipe here", "Step two of the recipe here", "Step three of the recipe here"], "en"),
    (["1 Den Teig gut vorbereiten", "2 Die Füllung kochen lassen", "3 Alles zusammen backen"], "de"),
])
def test_numbered_sections_closing_an_article_are_not_teasers(heads, lang):
    summaries = {"en": ["Mix the flour and the water in a bowl until it is smooth.",
                        "Put the filling on the stove and let it cook for ten minutes.",
                        "Bake it all in the oven for half an hour until it is brown."],
                 "de": ["Das Mehl und das Wasser in einer Schüssel gut verrühren, bis es glatt ist.",
                        "Die Füllung auf den Herd stellen und zehn Minuten leise kochen lassen.",
                        "Alles zusammen eine halbe Stunde im Ofen backen, bis es braun ist."]}[lang]
    long = LONG["en"] if lang == "en" else PARAGRAPHS["de"][0] + " " + PARAGRAPHS["de"][1]
    lines = [long, *[x for pair in zip(heads, summaries, strict=True) for x in pair]]
    assert judged(lines, lang, keep_everything()) == [""] * len(lines)


# --- scripts written without spaces, small print -----------------------------------------------------

@pytest.mark.parametrize("line", ["流れを変えたのは救援陣だった。", "坚持两到三周，多数人会感到变化。"])
def test_a_short_chinese_or_japanese_sentence_counts_its_words(line):
    doc = page([line], "ja")
    assert line_table(doc).words[0] >= 6


@pytest.mark.parametrize(("line", "kind"), [
    ("【写真】十回裏、サヨナラ打を放ち喜ぶ佐々木", "caption"),
    ("（图片来源：游戏官方）", "caption"),
    ("記者：小野寺 直樹", "byline"),
    ("文：森下 拓也", "byline"),
    ("来源：鹭江财经　作者：周敏", "byline"),
    ("Текст: Алексей Крутов, научный редактор", "byline"),
    ("Иллюстрация: Метеожурнал", "caption"),
    ("Add to basket", "nav"),
    ("Dodaj do koszyka", "nav"),
    ("In den Warenkorb", "nav"),
    ("Купить билет", "nav"),
])
def test_credits_bylines_and_shop_buttons(line, kind):
    # Scripts written without spaces make about a word of two characters.
    words = len(line.split()) if " " in line else max(1, len(line) // 2)
    assert classify(line, words) == kind


@pytest.mark.parametrize("line", ["Lecture : 4 min", "4 min de lecture", "Время чтения: 5 минут",
                                  "7 хв читання", "Tempo de leitura: 6 min"])
def test_reading_times_in_more_languages_are_date_lines(line):
    assert is_date_line(line)
