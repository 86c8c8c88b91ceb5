"""The judge's page-level rules: what a line is follows from where it stands in the page (a second
copy of a paragraph, leaked markup), each pinned in more than one language."""

from __future__ import annotations

import pytest
from test_chrome import DE_1, DE_2, DE_3, EN_1, EN_2, EN_3, page

from cleanprep.chrome import judge_chrome
from cleanprep.document import CHROME, Document
from cleanprep.language import identify
from cleanprep.split import split_document


def reasons_in_order(text: str) -> list[tuple[str, str]]:
    """(line, reason) for every line of `text` in order, repeats included ("" for a kept line)."""
    doc = Document(id="t", text=text)
    doc.fixed = text
    split_document(doc)
    identify(doc)
    judge_chrome(doc)
    return [(doc.fixed[ln[0].start : ln[-1].end], ln[0].reason if ln[0].verdict == CHROME else "")
            for ln in doc.lines()]


@pytest.mark.parametrize(("title", "body", "print_label"),
                         [("Russia asks Turkey for help", [EN_1, EN_2, EN_3], "Print version"),
                          ("Stadtrat beschließt Haushalt", [DE_1, DE_2, DE_3], "Druckversion")])
def test_a_second_copy_of_the_article_goes_as_duplicate(title: str, body: list[str],
                                                         print_label: str) -> None:
    result = reasons_in_order(page(title, *body, print_label, *body[:2]))
    first, copy = result[1:4], result[-2:]
    assert [reason for _, reason in first] == ["", "", ""]
    assert [(line, reason) for line, reason in copy] == [(body[0], "duplicate"), (body[1], "duplicate")]


def test_short_repeated_lines_inside_an_article_are_not_copies() -> None:
    # A subheading printed twice ("Zutaten für zwei Personen" over two recipes) is not a copy of the page.
    heading = "Zutaten für zwei Personen"
    result = reasons_in_order(page(DE_1, heading, DE_2, heading, DE_3))
    assert [reason for line, reason in result if line.startswith("Zutaten")] == ["", ""]


@pytest.mark.parametrize("body", [[EN_1, EN_2, EN_3], [DE_1, DE_2, DE_3]])
def test_leaked_tags_scripts_and_server_errors_go_as_markup(body: list[str]) -> None:
    leaks = ['<div class="share-buttons" data-layout="horizontal"></div>',
             '<img height="1" width="1" style="display:none" src="https://tracker.example/px?id=42&ev=view"/>',
             "(function() { window.dataLayer = window.dataLayer || []; gtag('js', new Date()); })();",
             "Warning: Use of undefined constant AUTHOR - assumed 'AUTHOR' in /var/www/head.php on line 12"]
    result = dict(reasons_in_order(page(leaks[0], leaks[3], body[0], leaks[1], body[1], leaks[2], body[2])))
    assert [result[leak] for leak in leaks] == ["markup"] * 4
    assert [result[p] for p in body] == ["", "", ""]


@pytest.mark.parametrize("line", [
    "Use the <b> tag for bold text and the <i> tag for italics in your posts, as the guide explains.",
    "Mit document.write gibt das Skript den Text aus, wie das folgende Beispiel im Artikel zeigt.",
    "for (int i = 0; i < n; i++) { total += values[i]; }",
])
def test_prose_about_markup_and_an_articles_own_code_stay(line: str) -> None:
    result = dict(reasons_in_order(page(EN_1, line, EN_2)))
    assert result[line] != "markup"


@pytest.mark.parametrize(("body", "comments", "headers"), [
    ([EN_1, EN_2, EN_3],
     ["I have followed this story for years and the report leaves out what happened in the spring.",
      "Thanks for writing this, it explains the talks better than anything I have read so far."],
     ["Anna says: 12 March 2019 at 10:42", "Comment by Tom Baker — 13.03.2019 @ 08:15"]),
    ([DE_1, DE_2, DE_3],
     ["Ich verfolge die Debatte seit Jahren und finde, dass der Bericht den Streit im Frühjahr auslässt.",
      "Danke für den Artikel, er erklärt die Beratungen besser als alles, was ich bisher gelesen habe."],
     ["Antwort von Max am 3. Mai 2020 um 9:15 Uhr", "Antwort von Julia am 4. Mai 2020 um 18:02 Uhr"]),
])
def test_the_comments_under_an_article_go_with_their_headers(body: list[str], comments: list[str],
                                                             headers: list[str]) -> None:
    text = page(*body, headers[0], comments[0], headers[1], comments[1])
    result = dict(reasons_in_order(text))
    assert [result[p] for p in body] == ["", "", ""]
    assert [result[c] for c in comments] == ["comment-form", "comment-form"]


def test_one_comment_shaped_line_does_not_make_a_thread() -> None:
    quote = "The minister said the talks would go on, and most observers expect an agreement soon."
    result = dict(reasons_in_order(page(EN_1, "Anna says: 12 March 2019 at 10:42", quote, EN_2)))
    assert result[quote] == ""
