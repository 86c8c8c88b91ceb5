"""Lines about the author or the post ("NAME is a reporter at ...", "This entry was posted in ..."):
found by one pattern in many languages, and removed by a rule where they close the article; and the
header of a post's comments ("12 responses to “TITLE”"), however long its title."""

from __future__ import annotations

import pytest
from support.chrome_pages import keep_everything, page

from cleanprep.chrome.features import FEATURES, feature_matrix, line_table
from cleanprep.chrome.judge import judge_with
from cleanprep.chrome.phrases import is_bio
from cleanprep.document import CHROME, Document

PARAGRAPHS = {
    "en": ["The committee met on a rainy Tuesday and, after a long debate about the budget, it approved "
           "the plan that the mayor had put forward in the spring.",
           "Several members asked for more money for the libraries, but the majority wanted to wait for "
           "the figures of the next quarter before they decided anything.",
           "The plan now goes to the regional government, which has six weeks to raise any objection to "
           "the new rules for the old harbour."],
    "de": ["Der Gemeinderat hat am Montag lange über den neuen Haushalt beraten, und am Ende stimmte eine "
           "große Mehrheit für den Plan der Verwaltung.",
           "Mehrere Mitglieder wollten mehr Geld für die Büchereien, aber die Mehrheit wollte die Zahlen "
           "des nächsten Quartals abwarten, bevor sie etwas beschließt.",
           "Der Plan geht nun an die Landesregierung, die sechs Wochen Zeit hat, um Einwände gegen die "
           "neuen Regeln für den alten Hafen zu erheben."],
    "fr": ["Le conseil municipal s'est réuni mardi soir et, après un long débat sur le budget, il a adopté "
           "le plan que la mairie avait présenté au printemps.",
           "Plusieurs membres voulaient plus d'argent pour les bibliothèques, mais la majorité a préféré "
           "attendre les chiffres du prochain trimestre avant de décider.",
           "Le plan part maintenant à la région, qui a six semaines pour s'opposer aux nouvelles règles "
           "du vieux port."],
    "uk": ["Міська рада у вівторок довго обговорювала новий бюджет, і зрештою більшість депутатів "
           "підтримала план, який мерія представила навесні.",
           "Кілька депутатів просили більше грошей для бібліотек, але більшість вирішила дочекатися цифр "
           "наступного кварталу, перш ніж щось ухвалювати.",
           "Тепер план передадуть до обласної адміністрації, яка має шість тижнів, щоб заперечити проти "
           "нових правил для старого порту."],
}

BIOS = {
    "en": "Maria Lopez is a senior correspondent for the Harbour Gazette, covering city hall and transport.",
    "de": "Jonas Keller ist Wirtschaftsredakteur bei der Nordsee-Rundschau und schreibt über Häfen.",
    "fr": "Claire Dubois est journaliste indépendante à Lyon et collabore avec plusieurs quotidiens.",
    "uk": "Олена Коваль — журналістка, яка пише про місцеве самоврядування та транспорт.",
}


@pytest.mark.parametrize("line", [
    *BIOS.values(),
    "Tom Baker writes about energy policy for a weekly magazine.",
    "Erika Stein lehrt Geschichte an der Universität Kassel.",
    "Pablo Ruiz es periodista de un diario regional en Valencia.",
    "Anna Nowak jest dziennikarką lokalnego tygodnika.",
    "Hi, I'm Sam and I bake bread on weekends.",
    "Hallo, ich bin Lea und schreibe hier über Gärten.",
    "This entry was posted in Gardening. Bookmark the permalink.",
    "Dieser Beitrag erschien zuerst in der Zeitschrift Garten & Haus.",
    "Cet article a été initialement publié sur un blog voisin.",
    # A trade told by its verb, in several languages; a role after a dash.
    "Henrike Vogt schreibt seit 2011 über Kino und Fernsehen.",
    "Antoine Martin suit la vie parlementaire pour un quotidien régional depuis 2017.",
    "Carla Ibáñez escribe sobre tecnología de consumo desde 2012.",
    "Tommaso Verri insegna lettere in un liceo di Ravenna.",
    "Thijs Oudendijk schrijft sinds 2016 voor een filmblad.",
    "Tomasz Górecki – przewodnik beskidzki i autor bloga.",
    "Ігор Тарасенко — системний адміністратор і автор блогу.",
])
def test_lines_about_the_author_or_the_post_are_recognised(line):
    assert is_bio(line)


@pytest.mark.parametrize("line", [
    "The council is a body of twelve members elected every five years.",
    "Insurance covers the repair of the roof.",
    "Der Rat ist ein Gremium mit zwölf Mitgliedern.",
    "John Smith was a reporter for forty years before he died last week.",  # an obituary opens so
    "Das Museum ist montags geschlossen.",
    "Nicole Star covers up her new tattoo at the beach.",
    "Le ministre suit la procédure prévue par la loi.",
    "Die Stadt schreibt seit Jahren rote Zahlen.",
])
def test_ordinary_sentences_are_not_bios(line):
    assert not is_bio(line)


def _reasons(doc: Document) -> dict[str, str]:
    return {doc.content(s): s.reason for s in doc.segments if s.verdict == CHROME}


@pytest.mark.parametrize("lang", sorted(BIOS))
def test_a_bio_closing_the_article_goes_as_byline(lang):
    bio = BIOS[lang]
    doc = page([*PARAGRAPHS[lang], bio], lang)
    assert line_table(doc)  # the bio is its own line
    judge_with(doc, None, keep_everything())
    removed = _reasons(doc)
    assert removed and all(reason == "byline" for reason in removed.values())
    assert " ".join(removed) == bio


@pytest.mark.parametrize("lang", sorted(BIOS))
def test_a_bio_sentence_inside_the_article_stays(lang):
    # An article that introduces a person in its middle: most of its prose is below the line.
    bio = BIOS[lang]
    doc = page([PARAGRAPHS[lang][0], bio, *PARAGRAPHS[lang][1:]], lang)
    judge_with(doc, None, keep_everything())
    assert _reasons(doc) == {}


def test_the_bio_feature_marks_only_the_bio_line():
    doc = page([*PARAGRAPHS["de"], BIOS["de"]], "de")
    lines = line_table(doc)
    column = feature_matrix(doc, lines)[:, FEATURES.index("bio")].tolist()
    assert column == [0.0] * (len(lines) - 1) + [1.0]


@pytest.mark.parametrize(("header", "lang"), [
    ("14 responses to “Why the old harbour should stay open to small boats and ferries”", "en"),
    ("3 Gedanken zu „Warum der alte Hafen für kleine Boote und Fähren offen bleiben sollte“", "de"),
    ("7 réponses à « Pourquoi le vieux port doit rester ouvert aux petits bateaux et aux ferries »", "fr"),
])
def test_the_header_of_a_posts_comments_goes_however_long_its_title(header, lang):
    doc = page([*PARAGRAPHS[lang], header, "Great post!"], lang)
    assert [ln.kind for ln in line_table(doc)][3] == "comment-form"
    judge_with(doc, None, keep_everything())
    assert _reasons(doc).get(header) == "comment-form"


def test_a_count_of_things_to_do_is_not_a_comment_header():
    doc = page(["5 tips for a greener garden that anyone can follow this spring and summer"], "en")
    assert [ln.kind for ln in line_table(doc)] == [None]
