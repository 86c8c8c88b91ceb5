"""Turn bytes into text: BOMs, UTF-8, legacy charsets detected; binary files refused with a reason.

A file that is not UTF-8 is decoded with each plausible legacy codec, and the reading that looks
most like real text wins: words made of letters of one script, in a sensible case pattern, with
the letter frequencies of real Cyrillic text, and a prior for how common each codec is. Charset
sniffers alone confuse cp1252 with cp1250 on German and cp1251 with cp949 or Shift-JIS on short
Cyrillic text; the decoded text settles it.

>>> decode_bytes("Міністр оборони Туреччини і голова розвідки перед зустріччю.".encode("cp1251"))
('Міністр оборони Туреччини і голова розвідки перед зустріччю.', 'cp1251')
>>> decode_bytes("Die Bürger müssen höhere Gebühren für die Straßenreinigung zahlen.".encode("latin-1"))[1]
'cp1252'
>>> decode_bytes(b"\\xef\\xbb\\xbfhello")
('hello', 'utf-8-sig')
>>> decode_bytes(b"\\x89PNG\\r\\n\\x1a\\n....")
Traceback (most recent call last):
...
cleanprep.read.decode.BinaryFileError: binary file (PNG image), not text
"""

from __future__ import annotations

import codecs
import re
import unicodedata

# How much of a file the charset sniffer looks at.
SAMPLE_BYTES = 64 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_MAGIC = (
    (re.compile(rb"\x89PNG"), "PNG image"),
    (re.compile(rb"%PDF-\d"), "PDF document"),
    (re.compile(rb"PK\x03\x04"), "ZIP archive"),
    (re.compile(rb"\x1f\x8b"), "gzip archive"),
    (re.compile(rb"\xff\xd8\xff"), "JPEG image"),
    (re.compile(rb"GIF8[79]a"), "GIF image"),
    (re.compile(rb"\x7fELF"), "ELF executable"),
    (re.compile(rb"BZh[1-9]1AY&SY"), "bzip2 archive"),
    (re.compile(rb"\xfd7zXZ\x00"), "xz archive"),
    (re.compile(rb"7z\xbc\xaf\x27\x1c"), "7z archive"),
    (re.compile(rb"\x00\x00\x01\x00"), "icon"),
    (re.compile(rb"RIFF....(?:WAVE|AVI |WEBP)", re.DOTALL), "RIFF media"),
    (re.compile(rb"OggS\x00"), "Ogg media"),
    (re.compile(rb"\x1a\x45\xdf\xa3"), "Matroska media"),
    (re.compile(rb"SQLite format 3\x00"), "SQLite database"),
)

# Bytes that do not occur in text (tab, newline, carriage return, form feed and escape do).
_BINARY_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))

# Legacy codecs tried when a file is not UTF-8, in order of preference when two read the same
# (German decodes identically in cp1252 and cp1250: the Western one is far more common; koi8-u
# reads Russian exactly as koi8-r does and Ukrainian too).
_SINGLE_BYTE = ("cp1252", "cp1251", "cp1250", "koi8-u", "iso8859-2", "cp1253", "cp1254", "cp1257",
                "cp1255", "cp1256", "cp866", "iso8859-5", "cp874")
_MULTI_BYTE = ("cp932", "euc-jp", "gb18030", "big5", "cp949")
# How common each codec is in legacy web text: it settles readings that look equally like text
# (Danish "børn" reads as letters in cp1257 too; "Привет, мир!" reads as Greek letters in cp1253).
_PRIOR = {"cp1252": 0.12, "cp1251": 0.1, "cp1250": 0.06, "koi8-u": 0.04, "cp932": 0.05, "gb18030": 0.05,
          "cp949": 0.04, "big5": 0.03, "euc-jp": 0.03, "iso8859-2": 0.02, "cp1253": 0.02}
_COMMON_CYRILLIC = frozenset("оеаинтсрвлкмдпуі")
_WESTERN = ("en", "de", "fr", "es", "it", "pt", "nl", "da", "sv", "no", "nn", "fi", "is", "ca", "eu", "gl",
            "ga", "lb", "af", "sq", "et", "br", "oc", "wa", "co", "fy", "la", "id", "ms", "sw", "tl")
_CENTRAL = ("pl", "cs", "sk", "hu", "sl", "hr", "ro", "bs", "sr", "sh", "sq", "hsb", "dsb")
_CYR = ("ru", "uk", "bg", "be", "mk", "sr", "kk", "ky", "tg", "mn", "tt", "ba", "cv", "sah", "ce", "os")
# The languages each legacy codec was made for (fastText's codes).
_CODEC_LANGUAGES = {
    "cp1252": _WESTERN, "cp1250": _CENTRAL, "iso8859-2": _CENTRAL, "cp1251": _CYR,
    "koi8-u": ("ru", "uk", "be"),
    "iso8859-5": _CYR, "cp866": _CYR, "cp1253": ("el",), "cp1254": ("tr", "az", "ku"),
    "cp1257": ("lt", "lv", "et"), "cp1255": ("he", "yi"), "cp1256": ("ar", "fa", "ur", "ps", "ckb"),
    "cp874": ("th",), "cp932": ("ja",), "euc_jp": ("ja",), "gb18030": ("zh", "wuu", "yue"),
    "big5": ("zh", "yue"), "cp949": ("ko",),
}

_WORD = re.compile(
    r"[^\s\d.,;:!?()\[\]{}\"'‘’/\\|<>=+*&%#@~^_`\u3000-\u303f\uff01-\uff0f\uff1a-\uff20-]+"
)
# Scripts that share words: Japanese mixes kanji and kana in one run of characters.
_SCRIPT_FAMILY = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HANGUL": "CJK", "FULLWIDTH": "CJK",
                  "HALFWIDTH": "CJK", "IDEOGRAPHIC": "CJK"}


_TEXT_CONTROLS = "\t\n\r\f\x1b"
_NOT_TEXT = ("Cc", "Co", "Cn")


class BinaryFileError(ValueError):
    """The bytes are not text; the message says why."""


def refuse_binary(sample: bytes) -> None:
    """Raise BinaryFileError when a file's first bytes are a known binary format or mostly control bytes.

    A few stray NUL or control bytes in text are repaired later, not refused:

    >>> refuse_binary(b"Hello\\x00 world, a NUL in a line of text.")
    >>> refuse_binary(bytes(range(32)) * 4)
    Traceback (most recent call last):
    ...
    cleanprep.read.decode.BinaryFileError: binary file (108 control bytes of the first 128, 4 NUL), not text
    """
    for magic, what in _MAGIC:
        if magic.match(sample):
            raise BinaryFileError(f"binary file ({what}), not text")
    if not sample:
        return
    nuls = sample.count(0)
    odd = len(sample) - len(sample.translate(None, _BINARY_BYTES))
    # The floors keep a short text with one stray NUL readable.
    if (nuls > 2 and nuls > len(sample) // 100) or (odd > 4 and odd > len(sample) // 10):
        raise BinaryFileError(
            f"binary file ({odd} control bytes of the first {len(sample)}, {nuls} NUL), not text"
        )


def sniff_encoding(sample: bytes) -> str:
    """The codec to decode a file with, judged from its first bytes (or BinaryFileError).

    >>> sniff_encoding("Съешь же ещё этих мягких французских булок, да выпей чаю.".encode("koi8-r"))
    'koi8-u'
    >>> sniff_encoding("Zażółć gęślą jaźń, powiedział minister w środę.".encode("cp1250"))
    'cp1250'
    """
    for bom, name in _BOMS:
        if sample.startswith(bom):
            return name
    refuse_binary(sample)
    try:
        # The sample may end inside a multi-byte character: the incremental decoder allows that.
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    return _best_legacy(sample)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """(text, encoding) of a whole file's bytes; bytes the codec cannot map become U+FFFD."""
    encoding = sniff_encoding(data[:SAMPLE_BYTES])
    return data.decode(encoding, errors="replace"), encoding


def _best_legacy(sample: bytes) -> str:
    """The legacy codec whose reading of `sample` looks most like real text."""
    # The sample may end inside a multi-byte character; trim to the last line break when there is one.
    cut = sample.rfind(b"\n")
    body = sample[: cut + 1] if cut > len(sample) // 2 else sample
    candidates = list(_SINGLE_BYTE) + list(_MULTI_BYTE)
    known = {codecs.lookup(c).name for c in candidates}
    try:
        from charset_normalizer import from_bytes

        for match in list(from_bytes(body))[:3]:
            if codecs.lookup(match.encoding).name not in known:
                candidates.append(match.encoding)
    except Exception:  # noqa: BLE001 - the sniffer is a hint; the codecs above still apply
        pass
    readings: list[tuple[float, str, str]] = []
    for name in candidates:
        try:
            text = body.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        score = _plausibility(text) + _PRIOR.get(name, 0.0) + _letter_evidence(text, name)
        readings.append((score, name, text))
    if not readings:
        # Nothing reads it strictly: cp1252 with replacements loses the least.
        return "cp1252"
    readings.sort(key=lambda r: -r[0])
    # The language model then weighs the readings that are close: is the language it hears one
    # that this codec was made for (Hungarian read as cp1252 still sounds Hungarian, but cp1252
    # is not a Hungarian codec), and how sure is it?
    close = [r for r in readings if r[0] >= readings[0][0] - 0.2][:8]
    heard = _languages_heard([text for _, _, text in close])
    if heard is None:
        return close[0][1]
    scored = []
    for (score, name, _), (lang, prob) in zip(close, heard, strict=True):
        fits = lang in _CODEC_LANGUAGES.get(codecs.lookup(name).name, ())
        scored.append((score + (0.15 if fits else 0.0) + 0.1 * prob, name))
    return max(scored, key=lambda r: r[0])[1]


def _languages_heard(texts: list[str]) -> list[tuple[str, float]] | None:
    """fastText's top (language, probability) for each reading's non-ASCII lines; None without a model."""
    try:
        from ..language.model import load_model, predict_batch

        model = load_model()
    except Exception:  # noqa: BLE001 - without the model the shape and priors decide
        return None
    samples = [" ".join(ln for ln in text.splitlines() if not ln.isascii())[:3000] for text in texts]
    return [preds[0] if preds else ("und", 0.0) for preds in predict_batch(model, samples, k=1)]


def _letter_evidence(text: str, codec: str) -> float:
    """Frequency evidence from the letters: common Cyrillic letters, lower case, no kana in Chinese.

    Real Russian or Ukrainian text is mostly lower case and about three quarters made of its sixteen
    most common letters; Cyrillic read with the wrong Cyrillic codec is neither.
    """
    cyrillic = [ch for ch in text if "\u0400" <= ch <= "\u04ff"]
    score = 0.0
    if len(cyrillic) >= 3 and len(cyrillic) * 3 > sum(1 for ch in text if ch.isalpha() and not ch.isascii()):
        lower = [ch for ch in cyrillic if ch.islower()]
        common = sum(1 for ch in lower if ch in _COMMON_CYRILLIC)
        score += (len(lower) / len(cyrillic) - 0.5) * 0.4 + (common / max(len(lower), 1) - 0.65) * 0.6
    if codec in ("gb18030", "big5"):
        kana = sum(1 for ch in text if "\u3040" <= ch <= "\u30ff")
        if kana * 20 > len(text):
            score -= 0.3
    return score


def _plausibility(text: str) -> float:
    """How much `text` looks like real writing, 0 (gibberish) to 1, judged on its non-ASCII words.

    A wrong codec shows as symbols inside words (Polish read as cp1252: `Rz¹d`), words that mix
    scripts, capitals inside lower-case words (koi8 read as cp1251), words made only of accented
    Latin letters (Cyrillic read as cp1252), and control or private-use characters.
    """
    words = [w for w in _WORD.findall(text) if not w.isascii()]
    if not words:
        return 1.0
    bad = 0.0
    for word in words[:3000]:
        bad += _word_oddness(word)
    controls = sum(1 for ch in text if ch not in _TEXT_CONTROLS and unicodedata.category(ch) in _NOT_TEXT)
    return max(0.0, 1.0 - bad / min(len(words), 3000) - controls / max(len(text), 1) * 10)


def _word_oddness(word: str) -> float:
    """0 for a plausible word, up to 1 for one that only a wrong codec makes.

    >>> _word_oddness("Straße"), _word_oddness("Rz¹d"), _word_oddness("кхвЭснзуз"), _word_oddness("Ìèíèñòð")
    (0.0, 1.0, 0.5, 0.5)
    """
    scripts: set[str] = set()
    odd = upper_after_lower = accented = letters = 0
    prev_lower = False
    last = len(word) - 1
    for i, ch in enumerate(word):
        if ch.isascii():
            if ch.isalpha():
                letters += 1
                scripts.add("LATIN")
            prev_lower = ch.islower()
            continue
        cat = unicodedata.category(ch)
        if cat[0] != "L" and cat != "Mn":
            # A symbol between two letters (`Rz¹d`, `ľlu»ouč`); at a word's edge it may be a quote.
            if 0 < i < last and word[i - 1].isalpha() and word[i + 1].isalpha():
                odd += 1
            prev_lower = False
            continue
        letters += 1
        script = unicodedata.name(ch, "").split(" ", 1)[0]
        script = _SCRIPT_FAMILY.get(script, script)
        scripts.add(script)
        if script == "LATIN":
            accented += 1
        if ch.isupper() and prev_lower:
            upper_after_lower += 1
        prev_lower = ch.islower()
    score = min(1.0, odd * 1.0) + (1.0 if len(scripts) > 1 else 0.0) + min(1.0, upper_after_lower * 0.5)
    if letters >= 4 and accented * 2 > letters:
        # Mostly accented Latin letters: Cyrillic or Greek read with a Latin codec.
        score += 0.5
    return min(score, 1.0)
