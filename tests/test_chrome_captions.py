"""Photo captions known by a closing credit or by where the people pictured stand, and lead-ins to
another article ("Read more: ...", "VEA TAMBIÉN: ..."), found in many languages and removed as chrome."""

from __future__ import annotations

import pytest
from support.chrome_pages import PARAGRAPHS, keep_everything, page

from cleanprep.chrome.judge import judge_with
from cleanprep.chrome.phrases import classify, match_caption, match_prefix
from cleanprep.document import CHROME

CAPTIONS = [
    ("en", "The mayor greets the new members of the council. | © City Hall/Jane Doe"),
    ("de", "Die Bürgermeisterin begrüßt die neuen Mitglieder. © Stadtverwaltung"),
    ("fr", "Le maire dans la salle du conseil / (C) Jean Martin"),
    ("es", "La alcaldesa durante la sesión del martes (crédito: Ayuntamiento)"),
    ("de", "Die Jugendverbände sprachen mit der Ministerin. (Bildquelle: Landjugend)"),
    ("de", "Anna Berg (l.) und Peter Klein haben einen guten Draht."),
    ("en", "Senator Hill (right) looks on as the minister signs the agreement."),
    ("es", "El alcalde (izquierda) y la concejala (derecha) en el pleno."),
    ("pl", "Burmistrz (z lewej) i radna podczas sesji."),
    ("de", "Wer die Äste auf die Wege zieht, ist unklar (Symbolbild)."),
]

LEAD_INS = [
    ("en", "Read more: Council approves the budget for next year"),
    ("es", "VEA TAMBIÉN: El presupuesto de la ciudad crece un cinco por ciento"),
    ("es", "Le puede interesar: Los concejales piden más dinero para las bibliotecas"),
    ("fr", "À lire aussi : Le conseil adopte le budget"),
    ("pl", "Czytaj więcej: Rada miasta przyjęła budżet"),
    ("de", "Weiterlesen … Der Gemeinderat beschließt den Haushalt"),
    ("de", "weiterlesen 5 Minuten"),
]


@pytest.mark.parametrize(("lang", "caption"), CAPTIONS)
def test_a_caption_with_a_credit_or_a_position_is_removed_as_a_caption(lang, caption):
    first, second = PARAGRAPHS[lang]
    doc = page([first, caption, second], lang)
    judge_with(doc, None, keep_everything())
    removed = [(doc.content(s), s.reason) for s in doc.segments if s.verdict == CHROME]
    assert {r for _, r in removed} == {"caption"}
    assert " ".join(t for t, _ in removed) == caption


@pytest.mark.parametrize("line", [
    "The (c) option of the form is the one most people chose last year.",
    "Die Bildung der Kinder liegt dem Rat am Herzen, sagte die Bürgermeisterin.",
    "Le conseil (de gauche comme de droite) a voté le texte.",
    "Der Antrag (siehe links) wurde abgelehnt, weil das Geld fehlt.",
])
def test_a_sentence_with_brackets_or_a_sign_is_no_caption(line):
    assert match_caption(line) is None
    assert classify(line, len(line.split())) is None


@pytest.mark.parametrize(("lang", "line"), LEAD_INS)
def test_a_lead_in_to_another_article_is_related(lang, line):
    assert match_prefix(line) == "related"


@pytest.mark.parametrize("line", [
    "Read more about the budget in the council's own report, published on Monday.",
    "Lesen und Schreiben lernen die Kinder in der ersten Klasse.",
    "Vea el informe completo en la web del ayuntamiento.",
])
def test_a_sentence_that_starts_like_a_lead_in_is_not_related(line):
    assert match_prefix(line) != "related"


AGENCY_ARTICLES = [
    ("de", "Der Stadtrat hat am Montagabend nach langer Debatte den Haushalt für das kommende Jahr "
           "beschlossen. Die Verwaltung hatte zuvor mehrere Änderungen vorgelegt, darunter mehr Geld für "
           "Schulen, Büchereien und den Nahverkehr. Die Opposition kritisierte, dass die Investitionen in "
           "den Wohnungsbau erneut verschoben würden, und kündigte an, im Frühjahr einen eigenen Antrag "
           "einzubringen. Der Bürgermeister zeigte sich dennoch zufrieden mit dem Ergebnis. (dpa)"),
    ("en", "The council approved next year's budget on Monday evening after a long debate. The city had "
           "put forward several changes before the vote, among them more money for schools, libraries and "
           "buses. The opposition said that the spending on housing had been put off once again and that "
           "it would bring its own motion in the spring. The mayor said he was pleased with the outcome "
           "all the same. (AFP)"),
]


@pytest.mark.parametrize(("lang", "paragraph"), AGENCY_ARTICLES)
def test_a_long_paragraph_closed_by_an_agency_credit_is_article_text(lang, paragraph):
    # News agencies credit their texts as photo credits are written ("(dpa)", "(AFP)"): past the length
    # of a caption, the credit closes an article paragraph.
    assert len(paragraph.split()) > 60
    assert classify(paragraph, len(paragraph.split())) is None
    first, second = PARAGRAPHS[lang]
    doc = page([first, paragraph, second], lang)
    judge_with(doc, None, keep_everything())
    assert all(s.verdict != CHROME for s in doc.segments)


@pytest.mark.parametrize(("lang", "caption"), [
    ("de", "Der Bürgermeister bei der Sitzung am Montag. (dpa)"),
    ("en", "The mayor at Monday's meeting of the council. (AFP)"),
])
def test_a_short_line_closed_by_an_agency_credit_is_still_a_caption(lang, caption):
    assert classify(caption, len(caption.split())) == "caption"
