"""The header of one comment ("NAME says: DATE at TIME", "Comment by NAME — DATE @ TIME", "Antwort von
NAME am DATE um TIME"): who wrote it and when, in many languages. Below the article's first paragraph it
goes as a comment form; a sentence that quotes someone, or that gives a date and a time, stays."""

from __future__ import annotations

import pytest
from support.chrome_pages import PARAGRAPHS, keep_everything, page

from cleanprep.chrome.features import FEATURES, feature_matrix, line_table
from cleanprep.chrome.judge import judge_with
from cleanprep.document import CHROME, Document

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


def _reasons(doc: Document) -> dict[str, str]:
    removed: dict[str, list[str]] = {}
    for line in doc.lines():
        if line[0].verdict == CHROME:
            removed[" ".join(doc.content(s) for s in line)] = line[0].reason
    return removed


@pytest.mark.parametrize("lang", sorted(COMMENT_HEADERS))
def test_comment_headers_after_the_article_go_with_their_comments_as_comment_form(lang):
    first, second = COMMENT_HEADERS[lang]
    # Two headers over text make a thread: the comments under them go too (each is a paragraph of prose).
    one, two = PARAGRAPHS[lang]
    doc = page([one, two, first, two, second, one], lang)
    judge_with(doc, None, keep_everything())
    by_line = [line[0].reason if line[0].verdict == CHROME else "" for line in doc.lines()]
    assert by_line == ["", ""] + ["comment-form"] * 4


@pytest.mark.parametrize("lang", sorted(COMMENT_HEADERS))
def test_one_comment_header_after_the_article_goes_alone(lang):
    one, two = PARAGRAPHS[lang]
    doc = page([one, COMMENT_HEADERS[lang][0], two], lang)
    judge_with(doc, None, keep_everything())
    assert _reasons(doc) == {COMMENT_HEADERS[lang][0]: "comment-form"}


@pytest.mark.parametrize("lang", sorted(LOOK_ALIKES))
def test_quotations_and_appointments_after_the_article_stay(lang):
    doc = page([*PARAGRAPHS[lang], *LOOK_ALIKES[lang]], lang)
    judge_with(doc, None, keep_everything())
    assert _reasons(doc) == {}


def test_a_header_above_the_article_is_left_to_the_model():
    # Above the first paragraph the same shape is the article's own byline: no rule removes it.
    header = COMMENT_HEADERS["en"][0]
    doc = page([header, *PARAGRAPHS["en"]], "en")
    judge_with(doc, None, keep_everything())
    assert _reasons(doc) == {}


def test_the_comment_meta_feature_marks_only_the_headers():
    doc = page([*PARAGRAPHS["de"], *COMMENT_HEADERS["de"], *LOOK_ALIKES["de"]], "de")
    lines = line_table(doc)
    column = feature_matrix(doc, lines)[:, FEATURES.index("comment_meta")].tolist()
    assert column == [0.0, 0.0, 1.0, 1.0, 0.0, 0.0]
