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
