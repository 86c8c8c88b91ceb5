"""Turn bytes into text: BOMs, UTF-8, legacy charsets detected; binary files refused with a reason.

>>> decode_bytes("Міністр оборони Туреччини і голова розвідки перед зустріччю.".encode("cp1251"))
('Міністр оборони Туреччини і голова розвідки перед зустріччю.', 'cp1251')
>>> decode_bytes(b"\\xef\\xbb\\xbfhello")
('hello', 'utf-8-sig')
>>> decode_bytes(b"\\x89PNG\\r\\n\\x1a\\n....")
Traceback (most recent call last):
...
cleanprep.read.decode.BinaryFileError: binary file (PNG image), not text
"""

from __future__ import annotations

import codecs

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
    (b"\x89PNG", "PNG image"),
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\x7fELF", "ELF executable"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ", "xz archive"),
    (b"7z\xbc\xaf", "7z archive"),
    (b"\x00\x00\x01\x00", "icon"),
    (b"RIFF", "RIFF media"),
    (b"OggS", "Ogg media"),
    (b"\x1a\x45\xdf\xa3", "Matroska media"),
    (b"SQLite format 3", "SQLite database"),
)

# Bytes that do not occur in text (tab, newline, carriage return, form feed and escape do).
_BINARY_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


class BinaryFileError(ValueError):
    """The bytes are not text; the message says why."""


def sniff_encoding(sample: bytes) -> str:
    """The codec to decode a file with, judged from its first bytes (or BinaryFileError)."""
    for bom, name in _BOMS:
        if sample.startswith(bom):
            return name
    for magic, what in _MAGIC:
        if sample.startswith(magic):
            raise BinaryFileError(f"binary file ({what}), not text")
    try:
        # The sample may end inside a multi-byte character: drop up to 3 trailing bytes.
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        strict_utf8 = True
    except UnicodeDecodeError:
        strict_utf8 = False
    if sample:
        odd = len(sample) - len(sample.translate(None, _BINARY_BYTES))
        if sample.count(0) > len(sample) // 100 or odd > len(sample) // 10:
            raise BinaryFileError(f"binary file ({odd} control bytes in the first {len(sample)}), not text")
    if strict_utf8:
        return "utf-8"
    from charset_normalizer import from_bytes

    best = from_bytes(sample[:SAMPLE_BYTES]).best()
    if best is None:
        raise BinaryFileError("no text encoding fits these bytes")
    return best.encoding


def decode_bytes(data: bytes) -> tuple[str, str]:
    """(text, encoding) of a whole file's bytes; bytes the codec cannot map become U+FFFD."""
    encoding = sniff_encoding(data[:SAMPLE_BYTES])
    return data.decode(encoding, errors="replace"), encoding
