"""The chrome judge: given this text, this line goes, for this reason (in more than one language)."""

from __future__ import annotations

import pickle

import pytest

from cleanprep.chrome import RecurrenceIndex, judge_chrome
from cleanprep.document import CHROME, KEEP, Document
from cleanprep.language import identify
from cleanprep.split import split_document

EN_1 = ("Russia has asked Turkey to help it withdraw its troops from Syria, according to a report by the "
        "broadcaster on Tuesday. The request came after the government in Damascus collapsed within days.")
EN_2 = ("Officials in Ankara said that they were studying the proposal and that no decision had been made "
        "yet. The two countries have backed opposite sides in the war for more than a decade.")
EN_3 = ("Analysts said the move showed how much the war in Ukraine has stretched the Russian army, which "
        "has moved ships and aircraft away from its bases on the Mediterranean coast.")
DE_1 = ("Der Stadtrat hat am Montagabend über den neuen Haushalt beraten und ihn mit großer Mehrheit "
        "beschlossen. Die Opposition kritisierte, dass für die Schulen zu wenig Geld vorgesehen sei.")
DE_2 = ("Nach Angaben der Verwaltung sollen die Steuern im kommenden Jahr nicht steigen. Der Bürgermeister "
        "sprach von einem soliden Plan, der die Stadt auch in schwierigen Zeiten handlungsfähig halte.")
DE_3 = ("Die Sitzung dauerte mehr als vier Stunden, weil zahlreiche Anträge der Fraktionen einzeln "
        "besprochen und abgestimmt werden mussten, bevor der Haushalt verabschiedet werden konnte.")
UK_1 = ("Міністр оборони заявив, що армія отримала нові системи протиповітряної оборони від партнерів. "
        "За його словами, це допоможе захистити міста від ракетних ударів узимку.")
UK_2 = ("Експерти вважають, що постачання зброї триватиме і наступного року, хоча обсяги можуть "
        "зменшитися через складну ситуацію в економіці країн, які надають допомогу.")


def judged(text: str, recurrence: RecurrenceIndex | None = None) -> dict[str, str]:
    """Each line of `text` -> its reason code ("" for a kept line), judged as the pipeline does."""
    doc = Document(id="t", text=text)
    doc.fixed = text
    split_document(doc)
    identify(doc)
    judge_chrome(doc, recurrence)
    out: dict[str, str] = {}
    for line in doc.lines():
        line_text = doc.fixed[line[0].start : line[-1].end]
        reasons = {s.reason if s.verdict == CHROME else "" for s in line}
        assert len(reasons) == 1, f"a line is judged whole: {line_text!r}"
        out.setdefault(line_text, reasons.pop())
    return out


def page(*lines: str) -> str:
    return "\n\n".join(lines)


@pytest.mark.parametrize(
    ("menu", "body"),
    [(["Home", "World", "Politics", "Sport", "Contact"], [EN_1, EN_2]),
     (["Startseite", "Politik", "Sport", "Kultur", "Impressum"], [DE_1, DE_2])],
)
def test_a_menu_above_the_article_goes_as_nav(menu: list[str], body: list[str]) -> None:
    result = judged("\n".join(menu) + "\n\n" + page(*body))
    assert {result[item] for item in menu} == {"nav"}
    assert all(result[p] == "" for p in body)


@pytest.mark.parametrize(
    ("title", "body"),
    [("Russia seeks Turkey's help to withdraw troops from Syria", [EN_1, EN_2]),
     ("Stadtrat beschließt den Haushalt für das kommende Jahr", [DE_1, DE_2])],
)
def test_a_title_printed_twice_is_kept_once(title: str, body: list[str]) -> None:
    doc = Document(id="t", text="")
    doc.fixed = doc.text = page("News", title, "1 min read", title, *body)
    split_document(doc)
    identify(doc)
    judge_chrome(doc)
    verdicts = [(doc.content(s), s.verdict, s.reason) for s in doc.segments if doc.content(s) == title]
    assert verdicts == [(title, KEEP, ""), (title, CHROME, "duplicate-title")]


def test_the_headline_is_kept_and_the_html_title_around_it_goes() -> None:
    headline = "Stadtrat beschließt den Haushalt für das kommende Jahr"
    result = judged(page(f"{headline} | Stadtanzeiger", "Startseite", headline, DE_1, DE_2))
    assert result[headline] == ""
    assert result[f"{headline} | Stadtanzeiger"] == "duplicate-title"


def test_a_title_printed_once_at_the_top_stays() -> None:
    title = "Russian-Turkish disagreement over reducing military presence in Idlib"
    result = judged(page(title, EN_1, EN_2, EN_3, "Back to top button"))
    assert result[title] == ""
    assert result["Back to top button"] != ""


@pytest.mark.parametrize(
    ("heading", "body"),
    [("Turkey's role in the war", [EN_1, EN_2, EN_3]),
     ("Kritik der Opposition", [DE_1, DE_2, DE_3]),
     ("Допомога партнерів", [UK_1, UK_2, UK_1.replace("Міністр", "Прем'єр")])],
)
def test_a_subheading_between_paragraphs_is_kept(heading: str, body: list[str]) -> None:
    result = judged(page(body[0], body[1], heading, body[2]))
    assert result[heading] == ""


@pytest.mark.parametrize("date", ["Thursday 14 December 2017", "3. August 2015", "14 грудня 2017",
                                  "1 min read"])
def test_a_line_that_is_only_a_date_goes(date: str) -> None:
    assert judged(page(EN_1, date, EN_2))[date] == "date"


@pytest.mark.parametrize("caption", ["Фото: Reuters", "Foto: dpa/Michael Kappeler", "Photo: AFP",
                                     "Kuva: Lehtikuva"])
def test_a_photo_credit_goes_as_caption(caption: str) -> None:
    assert judged(page(EN_1, caption, EN_2))[caption] == "caption"


def test_a_long_caption_with_an_agency_credit_goes() -> None:
    caption = ("Photo for illustrative purposes. Russian soldiers walk past an armored vehicle in "
               "the northeastern city of Kobane on Oct. 23, 2019. (AFP via Getty Images)")
    assert judged(page(EN_1, caption, EN_2))[caption] == "caption"


def test_a_caption_in_another_language_is_left_to_the_foreign_policy() -> None:
    # In the page's own language a caption is furniture; in another language it is a foreign
    # segment, which the user may want translated rather than silently removed.
    foreign = "Рятувальники евакуюють мешканців села біля річки, 13 березня 2025 року. Фото: ДСНС"
    own = "Retter bringen Bewohner des Dorfes am Fluss in Sicherheit, 13. März 2025. Foto: dpa"
    assert judged(page(EN_1, foreign, EN_2))[foreign] == ""
    assert judged(page(DE_1, own, DE_2))[own] == "caption"


def test_a_donation_appeal_goes_whatever_its_language() -> None:
    appeal = ["Підтримайте нашу редакцію", "• Ставай патроном на Patreon від $1",
              "• PayPal - donate@example.org", "• Приватбанк 4149 6293 1808 2567"]
    result = judged(page(EN_1, EN_2, "\n".join(appeal)))
    assert {result[line] for line in appeal} == {"appeal"}
    assert result[EN_1] == result[EN_2] == ""


@pytest.mark.parametrize("share", ["Share this:", "Teilen", "Поділитися", "Follow us"])
def test_share_bars_go(share: str) -> None:
    assert judged(page(EN_1, EN_2, share))[share] == "share"


@pytest.mark.parametrize("tags", ["Tags: Russia, Syria, Turkey", "Schlagwörter: Haushalt, Stadtrat",
                                  "Теги: війна"])
def test_tag_lists_go(tags: str) -> None:
    assert judged(page(DE_1, DE_2, tags))[tags] == "tags"


@pytest.mark.parametrize("form", ["Leave a Reply", "Kommentar verfassen", "Antwort abbrechen",
                                  "Your email address will not be published. Required fields are marked *"])
def test_comment_forms_go(form: str) -> None:
    assert judged(page(EN_1, EN_2, form))[form] == "comment-form"


@pytest.mark.parametrize("notice", [
    "Diese Website verwendet Cookies, um Ihnen das beste Erlebnis zu bieten.",
    "We use cookies to improve your experience on our site.",
])
def test_cookie_notices_go(notice: str) -> None:
    assert judged(page(notice, EN_1, EN_2))[notice] == "cookie"


@pytest.mark.parametrize("line", ["Back to top", "Nach oben", "Weiterlesen", "Read more"])
def test_interface_words_go_as_nav(line: str) -> None:
    assert judged(page(DE_1, DE_2, line))[line] == "nav"


def test_a_glossary_box_of_terms_printed_twice_goes_as_sidebar() -> None:
    definition = ("A regional political union of Arab states of the Persian Gulf, founded in 1981 to "
                  "coordinate the economic and security policies of its members.")
    term = "Gulf Cooperation Council"
    text = page(term, term, definition, "Analysis", EN_1, EN_2, EN_3)
    assert judged(text)[definition] == "sidebar"


def test_a_teaser_cut_off_mid_sentence_after_the_article_goes() -> None:
    teaser = ("As the government collapsed in a matter of days, the influence of Moscow in the region "
              "appeared to wane, and officials in several capitals began to ask what the rapid fall of")
    result = judged(page(EN_1, EN_2, EN_3, teaser, "Reporter"))
    assert result[teaser] == "related"
    assert result[EN_3] == ""


def test_a_foreign_article_paragraph_is_not_chrome() -> None:
    # Foreign segments are the next stage's business: the chrome judge keeps them.
    result = judged(page(EN_1, UK_1, EN_2))
    assert result[UK_1] == ""


def _run(n: int) -> list[str]:
    topics = ["rain", "snow", "wind", "fog", "sun", "hail", "storm", "frost"]
    return [page("The Weekly Gazette: your town, your news", f"The {t} came early this year. " + EN_1, EN_2)
            for t in topics[:n]]


def test_a_line_found_in_most_files_of_a_run_goes_as_boilerplate() -> None:
    index = RecurrenceIndex()
    docs = _run(6)
    for text in docs:
        index.add(text)
    result = judged(docs[0], index)
    assert result["The Weekly Gazette: your town, your news"] == "boilerplate-recurring"
    assert result[EN_2] == ""  # the article is never boilerplate, even when every file repeats it


def test_recurrence_means_nothing_in_a_run_of_few_files() -> None:
    index = RecurrenceIndex()
    for text in _run(3):
        index.add(text)
    assert not index.shares(["theweeklygazetteyourtownyournews"]).any()


def test_the_recurrence_index_pickles_and_is_deterministic() -> None:
    a, b = RecurrenceIndex(), RecurrenceIndex()
    for text in _run(6):
        a.add(text)
        b.add(text)
    copy = pickle.loads(pickle.dumps(a))
    assert (copy.counts == b.counts).all() and copy.files == b.files == 6


def test_kept_segments_are_left_alone() -> None:
    doc = Document(id="t", text="")
    doc.fixed = doc.text = page("Home", EN_1, EN_2)
    split_document(doc)
    identify(doc)
    judge_chrome(doc)
    assert {(s.verdict, s.reason) for s in doc.segments[1:]} == {(KEEP, "")}


def test_an_empty_document_is_fine() -> None:
    doc = Document(id="t", text="")
    split_document(doc)
    judge_chrome(doc)
    assert doc.segments == []


def test_a_page_in_a_script_without_spaces_keeps_its_article() -> None:
    body = "今天上午，市政府召开新闻发布会，介绍了今年城市建设的主要成果和明年的工作计划。会议由副市长主持。"
    result = judged(page("首页\n新闻", body, "分享到"))
    assert result[body] == ""
    assert result["首页"] == "nav"


def test_a_document_that_is_one_unpunctuated_paragraph_stays() -> None:
    text = "the notes I took on the trip were short and I never finished the last one because the bus came"
    assert judged(text)[text] == ""
