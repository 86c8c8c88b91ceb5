"""Build small but real Argos Translate packages at test time (no download needed).

A package is what Argos publishes: a zip (`NAME.argosmodel`) of one folder holding `metadata.json`,
a CTranslate2 model in `model/`, a SentencePiece model `sentencepiece.model` and a `README.md`.

The CTranslate2 model here is a one-layer Transformer whose weights are set by hand so that it is a
*substitution copier*: at decoding step t its cross-attention looks at source position t only, and
it emits `mapping[source token]`. Every piece holding a letter maps to a piece of ASCII letters (a
different mapping per language pair), other pieces (digits, punctuation) are copied, and `</s>`
maps to `</s>` so decoding stops where the source ends. So its output is:
- deterministic and independent of batching (attention is one-hot, logits have wide margins),
- distinguishable (each input gives its own output; a uk->en package leaves no Cyrillic),
- predictable: `expected_output(...)` computes it in pure Python, so tests compare exactly.

How the weights work (d = 2V + 4F; V vocabulary size, F position frequencies):
- token i embeds as +1 at dim i and -1 at dim V+i; position t as (cos, sin, -cos, -sin) of
  2*pi*t/p for F periods p. Every input vector then has mean 0 and the same norm, so each layer
  norm is a fixed scale and changes nothing else.
- encoder and decoder self-attention and feed-forward layers output zeros (residual only).
- cross-attention: queries and keys read the position block, scaled by GAIN so that the score at
  source position t beats every other position by a wide margin; values read the token block and
  the output projection moves token i's features to token mapping[i].
- the final projection reads the token block, so the largest logit is mapping[source token].

Run as a script to write a package file, e.g. for a manual end-to-end check:

    python tests/support/argos_package.py --out /tmp/uk_en.argosmodel --from uk --to en
"""

from __future__ import annotations

import argparse
import io
import json
import re
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

# Sentences written for this builder (English and Ukrainian), plus both alphabets, so that the
# SentencePiece model covers every letter it will meet in tests and in the seed pages' captions.
TRAINING_TEXT = """\
The river rose after three days of rain and the bridge was closed.
Volunteers carried sandbags to the school near the old market.
The minister said the talks would continue next week in the capital.
A photographer waited on the hill until the clouds moved away.
Prices for bread and milk went up again this month.
The museum opened a new hall with paintings from the last century.
Children walked to the library after their lessons ended.
The company promised to repair the road before winter.
Річка піднялася після трьох днів дощу, і міст закрили.
Волонтери носили мішки з піском до школи біля старого ринку.
Міністр сказав, що переговори продовжаться наступного тижня в столиці.
Фотограф чекав на пагорбі, поки хмари не розійшлися.
Ціни на хліб і молоко знову зросли цього місяця.
Музей відкрив нову залу з картинами минулого століття.
Діти пішли до бібліотеки після уроків.
Компанія пообіцяла відремонтувати дорогу до зими.
Підтримайте нашу роботу: кожна гривня допомагає писати далі.
Їжак їсть яблука, а ґава сидить на гілці; єнот спить.
Фото: агенція новин, 12 вересня 2019 року.
Der Fluss stieg nach drei Tagen Regen, und die Brücke wurde gesperrt.
Die Kinder gingen nach dem Unterricht in die Bibliothek.
abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ äöüß ÄÖÜ 0123456789
абвгґдеєжзиіїйклмнопрстуфхцчшщьюя АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯ ёъыэ ЁЪЫЭ
.,;:!?()[]"'«»“”„’-–—/%$€₴#&*+=@•…№
"""

LANGUAGE_NAMES = {"en": "English", "uk": "Ukrainian", "de": "German", "ru": "Russian", "fr": "French"}

PERIODS = (2, 3, 5, 7, 11, 13, 17, 19)  # pairwise coprime: positions stay distinct far beyond MAX_POSITIONS
GAIN = 300.0  # query scale: the attention score gap between the right position and any other is >= 16
OUTPUT_GAIN = 4.0  # how far the copied token's logit rises above the previous token's
MAX_POSITIONS = 512

_LETTER = re.compile(r"[^\W\d_]")
_ASCII_WORD = re.compile(r"\u2581?[A-Za-z]+")


@dataclass(frozen=True)
class BuiltPackage:
    """A package file built by `build_package`, with what its model does."""

    path: Path
    name: str
    from_code: str
    to_code: str
    pieces: list[str]
    mapping: list[int]


def train_sentencepiece(vocab_size: int = 200, lines: list[str] | None = None) -> bytes:
    """A SentencePiece model (serialized) trained on `lines`, by default `TRAINING_TEXT`."""
    import sentencepiece as spm

    out = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines if lines is not None else TRAINING_TEXT.splitlines()),
        model_writer=out,
        vocab_size=vocab_size,
        model_type="unigram",
        character_coverage=1.0,
        hard_vocab_limit=False,
        minloglevel=2,
    )
    return out.getvalue()


def piece_mapping(pieces: list[str], from_code: str, to_code: str) -> list[int]:
    """Which target piece each source piece turns into (the package's whole 'translation').

    Pieces with a letter go to an ASCII-letter piece chosen by a pair-specific stride; specials,
    digits and punctuation are copied.
    """
    ascii_ids = [i for i, p in enumerate(pieces) if _ASCII_WORD.fullmatch(p)]
    seed = sum(map(ord, from_code + ">" + to_code))
    mapping = list(range(len(pieces)))
    for i, piece in enumerate(pieces):
        if piece == "<unk>" or (not piece.startswith("<") and _LETTER.search(piece)):
            mapping[i] = ascii_ids[(i * 7 + seed) % len(ascii_ids)]
    return mapping


def copier_spec(vocab_size: int, mapping: list[int]):
    """A CTranslate2 TransformerSpec (1+1 layers, 1 head) that emits mapping[source token]."""
    from ctranslate2.specs import transformer_spec

    v, f = vocab_size, len(PERIODS)
    d = 2 * v + 4 * f
    tok, pos = slice(0, 2 * v), slice(2 * v, d)

    embeddings = np.zeros((v, d), np.float32)
    embeddings[np.arange(v), np.arange(v)] = 1.0
    embeddings[np.arange(v), v + np.arange(v)] = -1.0

    angles = 2 * np.pi * np.arange(MAX_POSITIONS)[:, None] / np.array(PERIODS)[None, :]
    positions = np.zeros((MAX_POSITIONS, d), np.float32)
    positions[:, pos] = np.concatenate([np.cos(angles), np.sin(angles), -np.cos(angles), -np.sin(angles)], 1)

    def eye_on(block: slice, scale: float = 1.0) -> np.ndarray:
        m = np.zeros((d, d), np.float32)
        idx = np.arange(block.start, block.stop)
        m[idx, idx] = scale
        return m

    zeros = np.zeros((d, d), np.float32)
    move = np.zeros((d, d), np.float32)  # token i's features -> token mapping[i]'s features
    for i, j in enumerate(mapping):
        move[j, i] = OUTPUT_GAIN
        move[v + j, v + i] = OUTPUT_GAIN
    cos_sin = slice(2 * v, 2 * v + 2 * f)

    spec = transformer_spec.TransformerSpec.from_config((1, 1), 1, pre_norm=True)
    spec.config.add_source_eos = True  # source position n holds </s>, which maps to </s>: stop
    for part in (spec.encoder, spec.decoder):
        part.scale_embeddings = False
        part.position_encodings.encodings = positions
        part.layer_norm.gamma = np.ones(d, np.float32)
        part.layer_norm.beta = np.zeros(d, np.float32)
    spec.encoder.embeddings[0].weight = embeddings
    spec.decoder.embeddings.weight = embeddings.copy()

    layers = [(spec.encoder.layer[0], False), (spec.decoder.layer[0], True)]
    for layer, is_decoder in layers:
        norms = [layer.self_attention.layer_norm, layer.ffn.layer_norm]
        if is_decoder:
            norms.append(layer.attention.layer_norm)
        for norm in norms:
            norm.gamma = np.ones(d, np.float32)
            norm.beta = np.zeros(d, np.float32)
        layer.self_attention.linear[0].weight = np.zeros((3 * d, d), np.float32)
        layer.self_attention.linear[1].weight = zeros
        layer.ffn.linear_0.weight = np.zeros((8, d), np.float32)
        layer.ffn.linear_1.weight = np.zeros((d, 8), np.float32)
    cross = spec.decoder.layer[0].attention
    cross.linear[0].weight = eye_on(cos_sin, GAIN)
    cross.linear[1].weight = np.concatenate([eye_on(cos_sin), eye_on(tok)])
    cross.linear[2].weight = move

    projection = np.zeros((v, d), np.float32)
    projection[np.arange(v), np.arange(v)] = 1.0
    projection[np.arange(v), v + np.arange(v)] = -1.0
    spec.decoder.projection.weight = projection
    return spec


def target_pieces(pieces: list[str]) -> list[str]:
    """The target vocabulary of an `own_target_vocabulary` package: every word piece opens a word
    (`▁`) and gains a letter ("q" where it opened one already, "x" where not, so no two coincide)."""
    return ["\u2581" + p.lstrip("\u2581") + ("q" if p.startswith("\u2581") else "x")
            if _ASCII_WORD.fullmatch(p) else p for p in pieces]


def package_name(from_code: str, to_code: str, version: str = "1.0") -> str:
    """Argos's naming: `translate-uk_en-1_0`."""
    return f"translate-{from_code}_{to_code}-{version.replace('.', '_')}"


def build_package(
    out: Path, from_code: str = "uk", to_code: str = "en", version: str = "1.0", *, looping: bool = False,
    own_target_vocabulary: bool = False,
) -> BuiltPackage:
    """Write a real `.argosmodel` file at `out` (a file path, or a folder to put NAME.argosmodel in).

    `looping`: the source's `</s>` maps to a word piece instead, so the model never ends a sentence
    and decodes until it is stopped (a broken model's repetition, for the decoding cap's tests).
    `own_target_vocabulary`: the target side's word pieces are spelt differently (`target_pieces`), as
    in packages converted from OPUS-MT, which ship only the source side's SentencePiece model; those
    pieces are unknown to the shipped model.
    """
    import sentencepiece as spm

    out = Path(out)
    name = package_name(from_code, to_code, version)
    if out.is_dir():
        out = out / f"{name}.argosmodel"
    sp_bytes = train_sentencepiece()
    sp = spm.SentencePieceProcessor(model_proto=sp_bytes)
    pieces = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    mapping = piece_mapping(pieces, from_code, to_code)
    if looping:
        mapping[pieces.index("</s>")] = next(i for i, p in enumerate(pieces) if _ASCII_WORD.fullmatch(p))

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / name
        (root / "model").mkdir(parents=True)
        spec = copier_spec(len(pieces), mapping)
        spec.register_source_vocabulary(pieces)
        spec.register_target_vocabulary(target_pieces(pieces) if own_target_vocabulary else pieces)
        spec.validate()
        spec.save(str(root / "model"))
        (root / "sentencepiece.model").write_bytes(sp_bytes)
        metadata = {
            "package_version": version,
            "argos_version": "1.0",
            "from_code": from_code,
            "from_name": LANGUAGE_NAMES.get(from_code, from_code),
            "to_code": to_code,
            "to_name": LANGUAGE_NAMES.get(to_code, to_code),
            "type": "translate",
            "links": [],
        }
        (root / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
        (root / "README.md").write_text(
            f"# {name}\n\nBuilt by cleanprep's tests: a substitution copier, not a translator.\n",
            encoding="utf-8",
        )
        out.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
            for path in sorted(root.rglob("*")):
                zf.write(path, path.relative_to(tmp).as_posix())
    return BuiltPackage(out, name, from_code, to_code, pieces, mapping)


def expected_output(package: BuiltPackage, sentence: str, sp_model: bytes | None = None) -> str:
    """What the package's model gives for one sentence, computed without CTranslate2."""
    import sentencepiece as spm

    with zipfile.ZipFile(package.path) as zf:
        sp = spm.SentencePieceProcessor(model_proto=zf.read(f"{package.name}/sentencepiece.model"))
    ids = sp.encode(sentence)
    return sp.decode([package.mapping[i] for i in ids]).strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build a tiny real Argos package (a substitution copier).")
    parser.add_argument("--out", required=True, type=Path, help="file (NAME.argosmodel) or folder to write")
    parser.add_argument("--from", dest="from_code", default="uk")
    parser.add_argument("--to", dest="to_code", default="en")
    parser.add_argument("--version", default="1.0")
    args = parser.parse_args(argv)
    built = build_package(args.out, args.from_code, args.to_code, args.version)
    print(built.path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
