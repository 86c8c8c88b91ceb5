"""The small print around an article, each kind pinned in more than one language: a comment section's
rules, a paywall's end of the free text, reprint notices, calls to comment or share, support appeals,
privacy banners and embed placeholders; headers and lead-ins of other stories; a site's copyright
footer told from a photo credit; and a notice printed twice that is not taken for the title."""

from __future__ import annotations

import pytest
from support.chrome_pages import PARAGRAPHS, keep_everything, page

from cleanprep.chrome.judge import judge_with
from cleanprep.chrome.phrases import (
    _KIND,
    NOTICE,
    _app_prompt,
    _notice_kind,
    classify,
    is_date_line,
    notice_lines,
)
from cleanprep.document import CHROME

NOTICES = [
    # a comment section's rules
    ("en", "Please note that comments are moderated and may take a day to appear.", "comment-form"),
    ("de", "Die Kommentarfunktion wird drei Tage nach der Veröffentlichung geschlossen.", "comment-form"),
    ("es", "Para comentar debes registrarte y completar tus datos.", "comment-form"),
    ("fr", "Les commentaires sont modérés avant leur publication.", "comment-form"),
    # calls to comment
    ("en", "Let us know what you think in the comments below.", "comment-form"),
    ("de", "Verraten Sie uns Ihre Meinung in den Kommentaren!", "comment-form"),
    # a paywall's end of the free text
    ("en", "Subscribe today to our digital edition for the full story.", "appeal"),
    ("en", "To read the full story, please log in or create an account.", "appeal"),
    ("de", "Um den ganzen Artikel zu lesen, schließen Sie bitte ein Abo ab.", "appeal"),
    # what a reader's support does
    ("de", "Ihre Unterstützung hilft uns, unabhängig zu berichten.", "appeal"),
    ("en", "Your support helps us keep this newsroom open to everyone.", "appeal"),
    # reprint notices
    ("en", "This article is the copyrighted property of the Daily Example.", "copyright"),
    ("en", "Reprinting in print or online media requires our written permission.", "copyright"),
    ("de", "Eine Vervielfältigung ist nur mit schriftlicher Genehmigung des Verlags erlaubt.", "copyright"),
    ("en", "This page contains links to products from one or more of our advertisers.", "copyright"),
    # sign-ups and the prompt that closes a post
    ("en", "Sign up to receive our best stories every Friday.", "share"),
    ("en", "If you enjoyed this article, share it with a friend.", "share"),
    ("de", "Wenn dir dieser Beitrag gefallen hat, teile ihn mit deinen Freunden.", "share"),
    # app prompts and a newsletter's own header
    ("en", "For the latest stories and breaking news download the Daily Example app", "share"),
    ("de", "Laden Sie sich unsere kostenlose App herunter", "share"),
    ("fr", "Téléchargez notre application pour suivre les matchs en direct", "share"),
    ("pl", "Pobierz naszą aplikację i czytaj wiadomości w drodze", "share"),
    ("en", "GET THE DAILY EXAMPLE NEWSLETTER", "share"),
    ("de", "Unser Newsletter", "share"),
    # a site's rules for its comments
    ("de", "Bitte registrieren Sie sich und halten Sie sich an unsere Netiquette.", "comment-form"),
    ("en", "Please read our community guidelines before you post.", "comment-form"),
    # privacy banners
    ("de", "Wir respektieren deine Privatsphäre und geben keine Daten weiter.", "cookie"),
    ("en", "We value your privacy and never sell your data.", "cookie"),
]


@pytest.mark.parametrize(("lang", "notice", "kind"), NOTICES)
def test_small_print_is_found_with_its_kind(lang, notice, kind):
    lows = [p.lower() for p in PARAGRAPHS[lang]]
    lows.insert(1, notice.lower())
    assert notice_lines(lows) == [(1, kind)]


@pytest.mark.parametrize(("lang", "notice", "kind"), NOTICES)
def test_small_print_between_paragraphs_is_removed_even_when_the_model_keeps_it(lang, notice, kind):
    first, second = PARAGRAPHS[lang]
    doc = page([first, notice, second], lang)
    judge_with(doc, None, keep_everything())
    removed = {(doc.content(s), s.reason) for s in doc.segments if s.verdict == CHROME}
    assert {r for _, r in removed} == {kind}
    assert " ".join(t for t, _ in removed) == notice


@pytest.mark.parametrize("line", [
    "Readers' comments on the plan were mostly positive, the mayor said.",
    "Die Kommentare der Anwohner zum neuen Hafen waren überwiegend kritisch.",
    "She read the full story of the flood to her grandchildren every winter.",
    "Der Verlag hat die Rechte an dem Roman im Frühjahr an ein Studio verkauft.",
    "The company said its new app helps farmers plan the harvest.",
    "The app was downloaded a million times in its first week.",
    "Our newsletter has a long history of investigative journalism in the region.",
    "Wir schätzen die Arbeit der Feuerwehr sehr, sagte der Bürgermeister.",
])
def test_prose_about_comments_stories_rights_or_help_is_no_small_print(line):
    low = line.lower()
    assert notice_lines([low]) == []


@pytest.mark.parametrize(("line", "kind"), [
    ("Most Popular This Week", "related"),
    ("Die meistgelesenen Artikel", "related"),
    ("Más leídas", "related"),
    ("Das könnte Dich auch interessieren:", "related"),
    ("Alle Artikel zu unserer Recherche", "related"),
    ("All stories about the election", "related"),
    ("Weitere Reisetipps", "related"),
    ("Lea: El Gobierno presenta su plan de vivienda", "related"),
    ("Read: How the city plans to pay for the new bridge", "related"),
    ("Print Recipe", "nav"),
    ("Rezept drucken", "nav"),
    ("Bildergalerie", "nav"),
    ("Photo gallery", "nav"),
    ("Externer Inhalt", "cookie"),
    ("External content", "cookie"),
    ("Warenkorb", "nav"),
    ("Shopping cart", "nav"),
    ("Kundenservice", "nav"),
    ("Customer Care", "nav"),
    ("Bild via Instagram", "caption"),
    ("Photo via Reuters", "caption"),
    ("Zum Vergrößern auf das Bild klicken", "caption"),
    ("Click to enlarge", "caption"),
    ("Zuletzt aktualisiert am 3. Mai 2021", "byline"),
    ("Last updated on May 3, 2021", "byline"),
    ("Ultima modifica 12.03.2021", "byline"),
    ("Lesenswert: Ein Gespräch über die Zukunft der Bibliotheken", "related"),
    ("Worth reading: a talk about the future of libraries", "related"),
    ("Zapraszamy też do subskrypcji", "share"),
    ("Subscribe to our channel", "share"),
])
def test_headers_of_other_stories_and_interface_lines_have_their_kind(line, kind):
    assert classify(line, len(line.split())) == kind


@pytest.mark.parametrize(("lang", "line"), [
    ("es", "VEA TAMBIÉN: El Gobierno presenta un plan de vivienda para los jóvenes de las ciudades del país"),
    ("fr", "À lire aussi » Comment la ville compte payer le nouveau pont sur la rivière cette année"),
    ("de", "Lesen Sie auch: Wie die Stadt den neuen Hafen am Fluss bis zum Jahr 2030 bezahlen will"),
])
def test_a_lead_in_to_another_story_is_related_on_a_long_line(lang, line):
    low = line.lower()
    assert len(line.split()) > 12
    assert notice_lines([low]) == [(0, "related")]


@pytest.mark.parametrize("line", [
    "Read the report carefully, because it says more than the headline does.",
    "Lea atentamente las instrucciones antes de usar el aparato en casa.",
])
def test_a_sentence_that_starts_with_read_is_no_lead_in(line):
    low = line.lower()
    assert notice_lines([low]) == []
    assert classify(line, len(line.split())) is None


@pytest.mark.parametrize(("line", "kind"), [
    ("Copyright © 2020 Example Media – Designed by Some Studio", "copyright"),
    ("Copyright 2021 by: example.com", "copyright"),
    ("© 2019 Beispiel Verlag GmbH", "copyright"),
    ("Copyright: dpa", "caption"),
    ("Copyright: Reuters/John Doe", "caption"),
])
def test_a_footer_with_a_year_is_copyright_and_a_credit_is_a_caption(line, kind):
    assert classify(line, len(line.split())) == kind


@pytest.mark.parametrize(("lang", "notice"), [
    ("de", "Letzte Aktualisierung am 2.02.2022 / Bei den Verlinkungen handelt es sich um Affiliate Links"),
    ("en", "Last updated on 2 February 2022 / The links below are affiliate links"),
])
def test_a_notice_printed_under_every_product_is_not_the_title(lang, notice):
    first, second = PARAGRAPHS[lang]
    # Both copies stand near the top, where a line printed twice is taken for the title.
    doc = page(["Spielzeug für Katzen" if lang == "de" else "Toys for cats", notice, "Produkt A", notice,
                first, second, "Produkt B"], lang)
    judge_with(doc, None, keep_everything())
    notices = [s for s in doc.segments if doc.content(s) == notice]
    assert len(notices) == 2
    assert all(s.verdict == CHROME and s.reason == "copyright" for s in notices)


@pytest.mark.parametrize("line", [
    "Ten tekst przeczytasz w 3 minuty",
    "Tiempo de lectura: 4 min",
    "Tempo di lettura: 5 minuti",
])
def test_a_reading_time_is_a_date_line(line):
    assert is_date_line(line)


@pytest.mark.parametrize("line", [notice for _, notice, _ in NOTICES] + [
    "Readers' comments on the plan were mostly positive, the mayor said.",
    "Please enter your email address and read more: our newsletter",
    "Votre navigateur est obsolète. Les commentaires sont modérés.",
])
def test_the_notice_kinds_searched_apart_name_what_the_one_pattern_names(line):
    # Each kind's pattern is asked only where the line holds one of its hints; the kind found must
    # be the one the notices' single pattern names (its leftmost match, the first kind on a tie).
    low = line.lower()
    m = NOTICE.search(low)
    assert _notice_kind(low) == (_KIND[m.lastgroup] if m else None)
    # notice_lines takes the hints' marks from the compiled core; its kinds are the same.
    found = dict(notice_lines([low]))
    assert found.get(0) == (_notice_kind(low) or ("share" if _app_prompt(low) else None))
