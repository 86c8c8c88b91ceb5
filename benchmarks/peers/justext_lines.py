"""jusText over the lines: each line becomes a paragraph, jusText keeps the ones it calls good.

jusText classifies HTML paragraphs by length, link density and stopword density, then lets
neighbours decide the short ones. Plain text has no markup, so each non-blank line is wrapped in
`<p>` (escaped) and given to `justext.justext` with its default thresholds. The stoplist is the
document's language where jusText ships one (language from lid.176 on the whole document, so the
time to choose it is counted), English otherwise.

>>> as_html(["a < b", "Tom & Jerry"])
'<html><body><p>a &lt; b</p>\\n<p>Tom &amp; Jerry</p></body></html>'
"""

from __future__ import annotations

import html
import importlib.util
from collections.abc import Iterable, Iterator

NAME = "jusText over lines"
TASK = "clean"

# ISO 639-1 code -> jusText stoplist name, for the languages jusText ships a stoplist for.
STOPLISTS = {
    "af": "Afrikaans", "sq": "Albanian", "ar": "Arabic", "an": "Aragonese", "hy": "Armenian",
    "ast": "Asturian", "az": "Azerbaijani", "eu": "Basque", "be": "Belarusian", "bn": "Bengali",
    "bs": "Bosnian", "br": "Breton", "bg": "Bulgarian", "ca": "Catalan", "ceb": "Cebuano",
    "cv": "Chuvash", "hr": "Croatian", "cs": "Czech", "da": "Danish", "nl": "Dutch", "en": "English",
    "eo": "Esperanto", "et": "Estonian", "fi": "Finnish", "fr": "French", "gl": "Galician",
    "ka": "Georgian", "de": "German", "el": "Greek", "gu": "Gujarati", "ht": "Haitian", "he": "Hebrew",
    "hi": "Hindi", "hu": "Hungarian", "is": "Icelandic", "io": "Ido", "ig": "Igbo", "id": "Indonesian",
    "ga": "Irish", "it": "Italian", "jv": "Javanese", "kn": "Kannada", "kk": "Kazakh", "ko": "Korean",
    "ku": "Kurdish", "ky": "Kyrgyz", "la": "Latin", "lv": "Latvian", "lt": "Lithuanian",
    "lb": "Luxembourgish", "mk": "Macedonian", "ms": "Malay", "ml": "Malayalam", "mt": "Maltese",
    "mr": "Marathi", "ne": "Nepali", "no": "Norwegian_Bokmal", "nb": "Norwegian_Bokmal",
    "nn": "Norwegian_Nynorsk", "oc": "Occitan", "fa": "Persian", "pl": "Polish", "pt": "Portuguese",
    "qu": "Quechua", "ro": "Romanian", "ru": "Russian", "sr": "Serbian", "sh": "Serbo_Croatian",
    "sk": "Slovak", "sl": "Slovenian", "es": "Spanish", "su": "Sundanese", "sw": "Swahili",
    "sv": "Swedish", "tl": "Tagalog", "ta": "Tamil", "te": "Telugu", "tr": "Turkish", "tk": "Turkmen",
    "uk": "Ukrainian", "ur": "Urdu", "uz": "Uzbek", "vi": "Vietnamese", "vo": "Volapuk",
    "wa": "Walloon", "cy": "Welsh", "fy": "West_Frisian", "yo": "Yoruba",
}


def requirement() -> str | None:
    if importlib.util.find_spec("justext") is None:
        return "pip install justext"
    return None if importlib.util.find_spec("fasttext") else "pip install fasttext-numpy2"


def as_html(lines: list[str]) -> str:
    """The lines as an HTML page of paragraphs."""
    body = "\n".join(f"<p>{html.escape(line, quote=False)}</p>" for line in lines)
    return f"<html><body>{body}</body></html>"


class JusText:
    """jusText with stoplists loaded once, and lid.176 to choose among them."""

    def __init__(self, model_path: str) -> None:
        import justext
        from fasttext.FastText import _FastText

        self.justext = justext
        self.model = _FastText(model_path)
        self.stoplists: dict[str, frozenset[str]] = {}

    def stoplist(self, text: str) -> frozenset[str]:
        labels, _ = self.model.predict(text.replace("\n", " "), k=1)
        name = STOPLISTS.get(labels[0].removeprefix("__label__") if labels else "en", "English")
        if name not in self.stoplists:
            self.stoplists[name] = self.justext.get_stoplist(name)
        return self.stoplists[name]

    def clean(self, text: str) -> str:
        lines = [line.strip() for line in text.split("\n") if line.strip()]
        if not lines:
            return ""
        page = as_html(lines).encode("utf-8")
        paragraphs = self.justext.justext(page, self.stoplist(text), encoding="utf-8")
        return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def load(model_path: str) -> JusText:
    return JusText(model_path)


def process(tool: JusText, records: Iterable[dict]) -> Iterator[tuple[str, str]]:
    for rec in records:
        yield rec["id"], tool.clean(rec["text"])
