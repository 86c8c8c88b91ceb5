"""The header of one comment ("NAME says: DATE at TIME", "Comment by NAME — DATE @ TIME", "Antwort von
NAME am DATE um TIME"): who wrote it and when, in many languages. Below the article's first paragraph it
goes as a comment form; a sentence that quotes someone, or that gives a date and a time, stays."""

from __future__ import annotations

import pytest

from cleanprep.chrome.features import FEATURES, feature_matrix, line_table
from cleanprep.chrome.judge import ChromeModel, judge_with
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
    "es": ["El ayuntamiento se reunió el martes por la tarde y, tras un largo debate sobre el presupuesto, "
           "aprobó el plan que la alcaldía había presentado en primavera.",
           "Varios concejales pidieron más dinero para las bibliotecas, pero la mayoría prefirió esperar "
           "las cifras del próximo trimestre antes de decidir nada."],
    "pl": ["Rada miejska zebrała się we wtorek wieczorem i po długiej debacie o budżecie przyjęła plan, "
           "który burmistrz przedstawił wiosną.",
           "Kilku radnych chciało więcej pieniędzy na biblioteki, ale większość wolała poczekać na dane "
           "z następnego kwartału, zanim cokolwiek zdecyduje."],
}

COMMENT_HEADERS = {
    "en": ["Jane Miller says: 12 March 2019 at 10:42", "Comment by Tom — 17.07.2011 @ 13:04"],
    "de": ["Antwort von Sabine K. am 3. Mai 2020 um 9:15 Uhr", "Klaus schrieb: 04.11.2018, 21:07"],
    "fr": ["Claire D. a écrit : 5 juin 2021 à 18:30", "Réponse de Paul le 12/03/2019 à 08h15"],
    "es": ["Marta Ruiz dijo: 2 de mayo de 2020 a las 11:20", "Comentario de Luis — 2020-05-02 11:20"],
    "pl": ["Anna Nowak napisała: 14.02.2021 o 20:05", "Komentarz od Piotra, 14.02.2021, 20:05"],
}

# Lines shaped like a header that belong to the article: a quotation without a time stamp, a sentence
# with a date and a time but no colon after its verb, a schedule.
LOOK_ALIKES = {
    "en": ["The mayor says: we will open the harbour again.",
           "The minister said on 3 May 2019 at 10:00 that the port would close."],
    "de": ["Die Bürgermeisterin sagt: Wir öffnen den Hafen wieder.", "Termin: 29.02.2020, 19 Uhr"],
    "fr": ["Le maire dit : nous rouvrirons le port.", "Rendez-vous le 5 juin 2021 à 18:30 devant la mairie."],
    "es": ["La alcaldesa dice: volveremos a abrir el puerto.", "Salida: 2 de mayo de 2020, 11:20"],
    "pl": ["Burmistrz mówi: otworzymy port ponownie.", "Spotkanie 14.02.2021 o 20:05 w ratuszu."],
}


def _doc(lines: list[str], lang: str) -> Document:
    doc = Document(id="t", text="")
    doc.fixed = "\n\n".join(lines)
    split_document(doc)
    doc.lang = lang
    for seg in doc.segments:
        seg.lang = lang
    return doc


def _keep_all() -> ChromeModel:
    """A real scorer that gives every line 0.95: whatever goes, a rule removed."""
    return ChromeModel({"features": ["bias"], "mean": [0.0], "scale": [1.0], "w2": [0.0], "b2": 3.0})


def _reasons(doc: Document) -> dict[str, str]:
    removed: dict[str, list[str]] = {}
    for line in doc.lines():
        if line[0].verdict == CHROME:
            removed[" ".join(doc.content(s) for s in line)] = line[0].reason
    return removed


@pytest.mark.parametrize("lang", sorted(COMMENT_HEADERS))
def test_a_comments_header_after_the_article_goes_as_comment_form(lang):
    first, second = COMMENT_HEADERS[lang]
    # Each comment's text is a paragraph of prose (a short reply between two headers would go with them).
    one, two = PARAGRAPHS[lang]
    doc = _doc([one, two, first, two, second, one], lang)
    judge_with(doc, None, _keep_all())
    assert _reasons(doc) == {first: "comment-form", second: "comment-form"}


@pytest.mark.parametrize("lang", sorted(LOOK_ALIKES))
def test_quotations_and_appointments_after_the_article_stay(lang):
    doc = _doc([*PARAGRAPHS[lang], *LOOK_ALIKES[lang]], lang)
    judge_with(doc, None, _keep_all())
    assert _reasons(doc) == {}


def test_a_header_above_the_article_is_left_to_the_model():
    # Above the first paragraph the same shape is the article's own byline: no rule removes it.
    header = COMMENT_HEADERS["en"][0]
    doc = _doc([header, *PARAGRAPHS["en"]], "en")
    judge_with(doc, None, _keep_all())
    assert _reasons(doc) == {}


def test_the_comment_meta_feature_marks_only_the_headers():
    doc = _doc([*PARAGRAPHS["de"], *COMMENT_HEADERS["de"], *LOOK_ALIKES["de"]], "de")
    lines = line_table(doc)
    column = feature_matrix(doc, lines)[:, FEATURES.index("comment_meta")].tolist()
    assert column == [0.0, 0.0, 1.0, 1.0, 0.0, 0.0]
