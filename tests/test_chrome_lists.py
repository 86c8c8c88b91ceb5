"""Lists and headings inside an article: the features that see them and the rules that defer to the model."""

from __future__ import annotations

import numpy as np
import pytest
from support.chrome_pages import column, page

from cleanprep.chrome.features import FEATURES, feature_matrix, line_table
from cleanprep.chrome.judge import ChromeModel, judge_with
from cleanprep.document import CHROME, Document

DE_PARAGRAPH = ("Der Gemeinderat hat am Montag lange über den neuen Haushalt beraten, und am Ende stimmte "
                "eine große Mehrheit für den Plan der Verwaltung.")
EN_PARAGRAPH = ("The committee met on a rainy Tuesday and, after a long debate about the budget, it "
                "approved the plan that the mayor had put forward in the spring.")
FR_PARAGRAPH = ("Le conseil municipal s'est réuni mardi soir et, après un long débat sur le budget, il a "
                "adopté le plan que la mairie avait présenté au printemps.")


@pytest.mark.parametrize(("paragraph", "lang", "menu", "items"), [
    (DE_PARAGRAPH, "de", ["Startseite", "Politik"], ["frische Eier vom Hof", "zwei Tassen Mehl"]),
    (EN_PARAGRAPH, "en", ["Home", "Politics"], ["fresh eggs from the farm", "two cups of flour"]),
])
def test_a_list_between_paragraphs_is_embedded_a_menu_above_them_is_not(paragraph, lang, menu, items):
    doc = page([*menu, paragraph, *items, paragraph.replace("a", "e", 3)], lang)
    embedded = column(doc, "embedded")
    assert embedded[0] == embedded[1] == 0.0  # the menu has no article prose above it
    assert all(e > 0.5 for e in embedded[3:5])  # the items have about half the prose on each side


@pytest.mark.parametrize(("intro", "lang", "items"), [
    ("Für den Teig braucht man folgende Zutaten:", "de", ["200 g Mehl", "drei Eier", "eine Prise Salz"]),
    ("Pour la pâte, il faut les ingrédients suivants :", "fr", ["200 g de farine", "trois oeufs"]),
])
def test_lines_after_a_line_ending_in_a_colon_are_announced(intro, lang, items):
    paragraph = DE_PARAGRAPH if lang == "de" else FR_PARAGRAPH
    doc = page([paragraph, intro, *items, paragraph, "Kontakt"], lang)
    announced = column(doc, "colon_above")
    assert announced[0] == announced[1] == 0.0
    assert all(a == 1.0 for a in announced[2 : 2 + len(items)])
    # A paragraph closes the list: what follows it is not announced any more.
    assert announced[-1] == 0.0


def test_a_colon_line_announces_only_a_limited_run():
    doc = page([EN_PARAGRAPH, "Read these:", *[f"item number {w}" for w in "abcdefghijklmnopq"]], "en")
    announced = column(doc, "colon_above")
    assert announced[2] == 1.0 and announced[-1] == 0.0


@pytest.mark.parametrize(("line", "numbered"), [
    ("1. Erster Schritt: Ofen vorheizen", True),
    ("12) Twelfth rule of the club", True),
    ("b) deuxième possibilité", True),
    ("3.Charlotte Brontë", True),
    ("1.5 Millionen Menschen", False),
    ("z.B. ein Beispiel", False),
    ("2020. Ein gutes Jahr", False),
])
def test_numbered_items(line, numbered):
    assert column(page([line], "de"), "numbered") == [float(numbered)]


@pytest.mark.parametrize(("line", "key_value"), [
    ("Laufzeit: 36 Monate", True),
    ("Prep time: 20 minutes", True),
    ("Durée : 2 heures", True),  # French sets a space before the colon
    ("Beginn um 10:30 Uhr", False),
    ("Mehr unter https://example.org", False),
    ("Zutaten:", False),
])
def test_key_value_lines(line, key_value):
    assert column(page([line], "de"), "key_value") == [float(key_value)]


def _model(bias: float, prose: float = 0.0, digits: float = 0.0, threshold: float = 0.5) -> ChromeModel:
    """A real logistic scorer over three features (others weigh nothing), to put lines on either side."""
    names = ["bias", "prose", "digits"]
    return ChromeModel({"features": names, "mean": [0.0] * 3, "scale": [1.0] * 3,
                        "w2": [0.0, prose, digits], "b2": bias}, threshold)


def _variants(paragraph: str) -> list[str]:
    """Three different paragraphs (a paragraph printed twice would be a repeat)."""
    return [paragraph, paragraph.replace("a", "o", 2), paragraph.replace("e", "i", 2)]


def _removed(doc: Document) -> list[str]:
    return [doc.content(s) for s in doc.segments if s.verdict == CHROME]


@pytest.mark.parametrize(("heading", "header", "lang", "paragraph"), [
    ("Der Plan im Detail", "Anna Berger — 17.07.2011 @ 13:10", "de", DE_PARAGRAPH),
    ("What the plan changes", "Bob Miller — 18.07.2011 @ 09:45", "en", EN_PARAGRAPH),
])
def test_a_heading_stays_but_a_confidently_rejected_header_between_paragraphs_goes(heading, header, lang,
                                                                                   paragraph):
    # Short lines score 0.3 (rejected, but unsure), prose 0.9, lines full of digits almost 0.
    model = _model(bias=-0.85, prose=3.0, digits=-40.0)
    first, second, third = _variants(paragraph)
    doc = page([first, heading, second, header, third], lang)
    judge_with(doc, None, model)
    assert _removed(doc) == [header]


@pytest.mark.parametrize(("paragraph", "lang"), [(DE_PARAGRAPH, "de"), (EN_PARAGRAPH, "en")])
def test_a_cut_off_paragraph_after_the_article_goes_unless_the_model_is_sure_of_it(paragraph, lang):
    teaser = paragraph.rstrip(".") + " and then " + paragraph.rstrip(".")
    lines = [*_variants(paragraph), teaser, "Tags"]
    unsure = page(lines, lang)
    judge_with(unsure, None, _model(bias=0.5))  # every line 0.62: kept by the model, barely
    assert teaser in _removed(unsure)
    sure = page(lines, lang)
    judge_with(sure, None, _model(bias=3.0))  # every line 0.95
    assert teaser not in _removed(sure)


def test_embedding_features_are_bounded():
    doc = page([EN_PARAGRAPH, "Home", EN_PARAGRAPH, "1. one", "2. two", EN_PARAGRAPH], "en")
    lines = line_table(doc)
    x = feature_matrix(doc, lines)
    for name in ("embedded", "colon_above", "numbered", "key_value"):
        column = x[:, FEATURES.index(name)]
        assert np.all((column >= 0) & (column <= 1)), name


@pytest.mark.parametrize(("paragraph", "lang"), [(DE_PARAGRAPH, "de"), (FR_PARAGRAPH, "fr")])
def test_a_cut_off_paragraph_goes_when_the_model_keeps_it_only_fairly_surely(paragraph, lang):
    # 0.82 keeps a line for the model, but a cut-off paragraph after the article needs more than that.
    teaser = paragraph.rstrip(".") + " und dann " + paragraph.rstrip(".")
    doc = page([*_variants(paragraph), teaser, "Tags"], lang)
    judge_with(doc, None, _model(bias=1.52))
    assert teaser in _removed(doc)
