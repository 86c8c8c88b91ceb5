"""Small pages for the chrome judge's tests: article paragraphs in several languages, a page built
from lines as the pipeline would split it, and a real scorer that keeps every line, so that whatever
is removed was removed by a rule.

>>> doc = page([PARAGRAPHS["en"][0], "Share this"], "en")
>>> [doc.content(s)[:12] for s in doc.segments][:2], doc.lang
(['The committe', 'Share this'], 'en')
"""

from __future__ import annotations

from cleanprep.chrome.features import FEATURES, feature_matrix, line_table
from cleanprep.chrome.judge import ChromeModel
from cleanprep.document import Document
from cleanprep.split import split_document

# Two article paragraphs a language: a rule must not touch them, and a line between them is inside
# the article.
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


def page(lines: list[str], lang: str) -> Document:
    """A document of `lines`, each its own block, split and with every segment in `lang`."""
    doc = Document(id="t", text="")
    doc.fixed = "\n\n".join(lines)
    split_document(doc)
    doc.lang = lang
    for seg in doc.segments:
        seg.lang = lang
    return doc


def keep_everything(threshold: float = 0.5) -> ChromeModel:
    """A real scorer that gives every line 0.95: whatever goes, a rule removed."""
    params = {"features": ["bias"], "mean": [0.0], "scale": [1.0], "w2": [0.0], "b2": 3.0}
    return ChromeModel(params, threshold)


def column(doc: Document, name: str) -> list[float]:
    """One feature's value for each line of `doc`."""
    return feature_matrix(doc, line_table(doc))[:, FEATURES.index(name)].tolist()
