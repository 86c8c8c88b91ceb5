"""One-off interface sentences (newsletter sign-ups, paywall meters, browser notices, affiliate small
print) found in many languages and removed as chrome; and the amounts and runs of items that mark an
article's own lists (ingredients, specifications)."""

from __future__ import annotations

import pytest
from support.chrome_pages import PARAGRAPHS, column, keep_everything, page

from cleanprep.chrome.judge import judge_with
from cleanprep.chrome.phrases import notice_lines
from cleanprep.document import CHROME

NOTICES = [
    ("en", "Type your email here and get our weekly picks straight to your inbox.", "share"),
    ("de", "Gib deine E-Mail-Adresse ein und verpasse keinen Beitrag mehr.", "share"),
    ("fr", "Recevez nos meilleurs reportages dans votre boîte mail chaque semaine.", "share"),
    ("es", "Suscríbete a nuestro boletín y recibe las novedades cada lunes.", "share"),
    ("en", "You have 2 free articles left this month.", "appeal"),
    ("de", "Sie haben 3 von 5 kostenlosen Artikeln in diesem Monat gelesen.", "appeal"),
    ("fr", "Votre navigateur est obsolète, certaines fonctions ne marchent pas.", "cookie"),
    ("de", "Bitte aktivieren Sie JavaScript, damit die Karte erscheint.", "cookie"),
    ("pl", "Twoja przeglądarka jest nieaktualna i strona może działać wolniej.", "cookie"),
    ("en", "Some links below are affiliate links; we may earn a small commission.", "copyright"),
    ("de", "Für Käufe über diese Links erhalten wir eine kleine Provision.", "copyright"),
    ("en", "Receive the morning briefing by email, every weekday.", "share"),
    ("de", "Ja, ich willige ein, Werbung per E-Mail zu erhalten.", "share"),
    ("fr", "Votre e-mail sert à la newsletter ; vous pouvez vous désinscrire à tout moment.", "share"),
    ("de", "Derzeit sind 7 Besucher online, davon 2 Mitglieder.", "nav"),
    ("en", "Showing 21–40 of 311 products in this shop", "nav"),
    ("es", "Mostrando 1 a 12 de 90 resultados en la tienda", "nav"),
]


@pytest.mark.parametrize(("lang", "notice", "kind"), NOTICES)
def test_a_notice_is_found_with_its_kind(lang, notice, kind):
    lows = [p.lower() for p in PARAGRAPHS[lang]]
    lows.insert(1, notice.lower())
    assert notice_lines(lows) == [(1, kind)]


@pytest.mark.parametrize(("lang", "notice", "kind"), [n for n in NOTICES if n[2] != "nav"])
def test_a_notice_between_paragraphs_is_removed_even_when_the_model_keeps_it(lang, notice, kind):
    first, second = PARAGRAPHS[lang]
    doc = page([first, notice, second], lang)
    judge_with(doc, None, keep_everything())
    removed = {(doc.content(s), s.reason) for s in doc.segments if s.verdict == CHROME}
    assert {r for _, r in removed} == {kind}
    assert " ".join(t for t, _ in removed) == notice


@pytest.mark.parametrize("line", [
    "Der Browser war in den Neunzigern ein Kampf zwischen zwei Firmen.",
    "The article of the law says nothing about commissions.",
    "Elle a écrit trois articles sur la navigation de plaisance.",
    "We update the email list of the club every spring.",
])
def test_talk_about_browsers_mail_or_articles_is_no_notice(line):
    low = line.lower()
    assert notice_lines([low]) == []


def test_a_notice_inside_a_long_paragraph_is_left_to_the_model():
    first, second = PARAGRAPHS["en"]
    long_line = first + " Critics said: enter your email on any form and you get spam. " + second
    doc = page([first, long_line, second.replace("a", "o", 2)], "en")
    judge_with(doc, None, keep_everything())
    assert not [s for s in doc.segments if s.verdict == CHROME]


@pytest.mark.parametrize(("lang", "notice"), [(n[0], n[1]) for n in NOTICES if n[2] == "nav"])
def test_a_counting_widget_is_marked_nav_for_the_model(lang, notice):
    # "nav" is no hard kind: the model weighs it with the rest of the line's features.
    first, second = PARAGRAPHS[lang]
    doc = page([first, notice, second], lang)
    assert column(doc, "kind_nav") == [0.0, 1.0, 0.0]


@pytest.mark.parametrize("line", ["12 minutes - 2400 words", "8 Minuten · 1.500 Wörter", "5 min, 900 mots"])
def test_a_reading_time_with_a_word_count_is_a_date_line(line):
    first, second = PARAGRAPHS["en"]
    doc = page([first, line, second], "en")
    judge_with(doc, None, keep_everything())
    assert {s.reason for s in doc.segments if s.verdict == CHROME} == {"date"}


@pytest.mark.parametrize(("line", "quantity"), [
    ("200 g Mehl", True),
    ("2 cups flour", True),
    ("1½ tbsp olive oil", True),
    ("3-4 EL Rapsöl", True),
    ("250ml de lait entier", True),
    ("½ cucharadita de sal", True),
    ("Startseite", False),
    ("Seite 2 von 7", False),
    ("3 Fragen an den Bürgermeister", False),
])
def test_a_line_opening_with_an_amount_is_a_quantity(line, quantity):
    assert column(page([line], "de"), "quantity") == [float(quantity)]


@pytest.mark.parametrize(("items", "menu", "lang"), [
    (["200 g Mehl", "100 g Zucker", "Farbe: grün", "Gewicht: 1,2 kg"], ["Startseite", "Politik", "Sport"],
     "de"),
    (["2 cups flour", "1 tsp salt", "Weight: 1.2 kg", "Colour: green"], ["Home", "Politics", "Sports"], "en"),
])
def test_a_run_of_items_is_a_list_run_but_a_menu_is_not(items, menu, lang):
    first, second = PARAGRAPHS[lang]
    doc = page([*menu, first, *items, second], lang)
    run = column(doc, "list_run")
    assert run[: len(menu)] == [0.0] * len(menu)
    start = len(menu) + 1
    assert all(r >= 0.5 for r in run[start : start + len(items)])


@pytest.mark.parametrize("line", [
    "Trotz sorgfältiger Prüfung übernehmen wir keine Haftung für die Inhalte externer Links.",
    "We take no responsibility for the content of external websites linked from this page.",
    "Les opinions exprimées dans ces pages n'engagent que leurs auteurs.",
    "Las opiniones expresadas en este blog son responsabilidad de sus autores.",
    "Advertising disclosure: we may receive compensation for some of the links on this page.",
    "Dieser Beitrag enthält Werbung für einen Hersteller von Gartenmöbeln.",
])
def test_legal_small_print_is_a_copyright_notice(line):
    lows = [line.lower()]
    assert notice_lines(lows) == [(0, "copyright")]


@pytest.mark.parametrize("line", [
    "The court ruled that the platform bears no liability for what its users post.",
    "Die Meinungen der Anwohner über den neuen Hafen gehen weit auseinander.",
    "Les opinions des habitants sur le nouveau port sont très partagées.",
    "The report contains several tables with the figures of the last quarter.",
])
def test_sentences_about_liability_or_opinions_are_not_small_print(line):
    lows = [line.lower()]
    assert notice_lines(lows) == []
