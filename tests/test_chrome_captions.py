"""Photo captions known by a closing credit or by where the people pictured stand, and lead-ins to
another article ("Read more: ...", "VEA TAMBIÉN: ..."), found in many languages and removed as chrome."""

from __future__ import annotations

import pytest

from cleanprep.chrome.judge import ChromeModel, judge_with
from cleanprep.chrome.phrases import classify, match_caption, match_prefix
from cleanprep.document import CHROME, Document
from cleanprep.split import split_document

PARAGRAPHS = {
    "en": ["The committee met on a rainy Tuesday and, after a long debate about the budget, it approved "
           "the plan that the mayor had put forward in the spring.",
           "Several members asked for more money for the libraries, but the majority wanted to wait for "
           "the figures of the next quarter before they decided anything."],
    "de": ["Der Gemeinderat hat am Montag lange über den neuen Haushalt beraten, und am Ende stimmte eine "
           "große Mehrheit für den Plan der Verwaltung.",
           "Mehrere Mitglieder wollten mehr Geld für die Büchereien, aber die Mehrheit wollte die Zahlen "
           "des nächsten Quartals abwarten, bevor sie etwas beschließt."],
    "fr": ["Le conseil municipal s'est réuni mardi soir et, après un long débat sur le budget, il a adopté "
           "le plan que la mairie avait présenté au printemps.",
           "Plusieurs membres voulaient plus d'argent pour les bibliothèques, mais la majorité a préféré "
           "attendre les chiffres du prochain trimestre avant de décider."],
    "es": ["El ayuntamiento se reunió el martes y, tras un largo debate sobre el presupuesto, aprobó el "
           "plan que la alcaldía había presentado en primavera.",
           "Varios concejales pidieron más dinero para las bibliotecas, pero la mayoría prefirió esperar "
           "las cifras del próximo trimestre antes de decidir."],
    "pl": ["Rada miasta zebrała się we wtorek i po długiej debacie o budżecie przyjęła plan, który "
           "urząd przedstawił wiosną.",
           "Kilku radnych chciało więcej pieniędzy na biblioteki, ale większość wolała poczekać na dane "
           "z następnego kwartału, zanim cokolwiek postanowi."],
}

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


def _doc(lines: list[str], lang: str) -> Document:
    doc = Document(id="t", text="")
    doc.fixed = "\n\n".join(lines)
    split_document(doc)
    doc.lang = lang
    for seg in doc.segments:
        seg.lang = lang
    return doc


def _keep_everything() -> ChromeModel:
    """A real scorer that keeps every line (P = 0.95), so only the rules can remove one."""
    return ChromeModel({"features": ["bias"], "mean": [0.0], "scale": [1.0], "w2": [0.0], "b2": 3.0})


@pytest.mark.parametrize(("lang", "caption"), CAPTIONS)
def test_a_caption_with_a_credit_or_a_position_is_removed_as_a_caption(lang, caption):
    first, second = PARAGRAPHS[lang]
    doc = _doc([first, caption, second], lang)
    judge_with(doc, None, _keep_everything())
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
