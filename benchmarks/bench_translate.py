"""Segments per second: cleanprep's batched engine vs one segment at a time, as argostranslate does.

The package is built at the size of Argos's published models (Transformer, 6 encoder + 6 decoder
layers, d_model 512, 8 heads, FFN 2048, 32000-token vocabulary, int8 weights as Argos ships them)
with random weights and installed into a temporary folder. Both modes use the same loaded
translator, the same greedy decoding and the same fixed output length (min = max decoding length,
so a random model neither stops early nor runs away): the only difference is batching.

- batched: `LoadedPackage.translate(sentences, batch_size)` - one `translate_batch` call for all.
- one at a time: what argostranslate's `translate()` does per sentence - tokenize, one
  `translate_batch([tokens], ...)` call, detokenize.

    python benchmarks/bench_translate.py                     # CPU, 2 threads, 512 segments
    python benchmarks/bench_translate.py --device cuda --segments 512
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from support.argos_package import TRAINING_TEXT, train_sentencepiece  # noqa: E402

from cleanprep.split import split_sentences  # noqa: E402
from cleanprep.translate import install_package_file, list_packages, load_package  # noqa: E402

DEFAULT_INPUT = ROOT.parent / "shared" / "eval" / "mixed-dev.jsonl"


def realistic_spec(
    vocab: list[str], layers: int = 6, d: int = 512, heads: int = 8, ffn: int = 2048, seed: int = 0
):
    """A Transformer spec of Argos's published size, with random weights."""
    from ctranslate2.specs import transformer_spec

    rng = np.random.default_rng(seed)

    def w(*shape: int) -> np.ndarray:
        return (rng.standard_normal(shape, dtype=np.float32) / np.sqrt(shape[-1])).astype(np.float32)

    def norm(spec) -> None:
        spec.gamma = np.ones(d, np.float32)
        spec.beta = np.zeros(d, np.float32)

    v = len(vocab)
    spec = transformer_spec.TransformerSpec.from_config(layers, heads)
    spec.encoder.embeddings[0].weight = w(v, d)
    spec.decoder.embeddings.weight = w(v, d)
    norm(spec.encoder.layer_norm)
    norm(spec.decoder.layer_norm)
    for i, layer in enumerate(spec.encoder.layer + spec.decoder.layer):
        norm(layer.self_attention.layer_norm)
        norm(layer.ffn.layer_norm)
        layer.self_attention.linear[0].weight = w(3 * d, d)
        layer.self_attention.linear[1].weight = w(d, d)
        layer.ffn.linear_0.weight = w(ffn, d)
        layer.ffn.linear_1.weight = w(d, ffn)
        if i >= layers:  # decoder layers: cross-attention
            norm(layer.attention.layer_norm)
            layer.attention.linear[0].weight = w(d, d)
            layer.attention.linear[1].weight = w(2 * d, d)
            layer.attention.linear[2].weight = w(d, d)
    spec.decoder.projection.weight = w(v, d)
    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    spec.validate()
    spec.optimize(quantization="int8")
    return spec


def build_realistic_package(folder: Path, corpus: list[str], vocab_size: int = 32000) -> Path:
    """Write translate-xx_en-1_0.argosmodel: realistic-size random model + a SentencePiece model
    trained on `corpus` (so sentences split into about as many pieces as with a published one)."""
    import zipfile

    import sentencepiece as spm

    sp_bytes = train_sentencepiece(16000, corpus)
    sp = spm.SentencePieceProcessor(model_proto=sp_bytes)
    pieces = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    # The model's vocabulary is padded to Argos's size so that the embedding and output layers
    # cost what they cost in a published package.
    vocab = pieces + [f"\u2581w{i}" for i in range(vocab_size - len(pieces))]
    name = "translate-xx_en-1_0"
    root = folder / name
    (root / "model").mkdir(parents=True)
    realistic_spec(vocab).save(str(root / "model"))
    (root / "sentencepiece.model").write_bytes(sp_bytes)
    meta = {"package_version": "1.0", "argos_version": "1.0", "from_code": "xx", "to_code": "en",
            "from_name": "Test", "to_name": "English", "type": "translate"}
    (root / "metadata.json").write_text(json.dumps(meta))
    out = folder / f"{name}.argosmodel"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zf:
        for path in sorted(root.rglob("*")):
            zf.write(path, path.relative_to(folder).as_posix())
    return out


def read_lines(path: Path) -> list[str]:
    """Lines of a JSONL file of {"text"} records, else the test builder's small corpus."""
    if not path.is_file():
        return TRAINING_TEXT.splitlines()
    lines: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for record in fh:
            lines.extend(json.loads(record)["text"].splitlines())
    return lines


def load_segments(lines: list[str], count: int) -> list[str]:
    """`count` distinct sentences to translate."""
    seen: dict[str, None] = {}
    for line in lines:
        for s, e in split_sentences(line):
            if e - s >= 20:
                seen.setdefault(line[s:e], None)
    out = list(seen)
    while len(out) < count:  # the small fallback corpus: vary sentences so none repeats
        out.append(f"{out[len(out) % len(seen)]} ({len(out)})")
    return out[:count]


def one_at_a_time(loaded, sentences: list[str], length: int, beam: int) -> list[str]:
    """argostranslate's `apply_packaged_translation`, one sentence per call."""
    out = []
    for sentence in sentences:
        tokens = loaded.tokenizer.encode(sentence)
        result = loaded.translator.translate_batch(
            [tokens],
            replace_unknowns=True,
            max_batch_size=32,
            batch_type="tokens",
            beam_size=beam,
            num_hypotheses=1,
            length_penalty=0.2,
            return_scores=True,
            max_decoding_length=length,
            min_decoding_length=length,
        )
        out.append(loaded.tokenizer.decode(result[0].hypotheses[0]).strip())
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--device", default="cpu", choices=["cpu", "cuda"])
    parser.add_argument("--threads", type=int, default=2, help="CPU intra-op threads (both modes)")
    parser.add_argument("--segments", type=int, default=512, help="segments in the window translated batched")
    parser.add_argument("--single-sample", type=int, default=128,
                        help="segments timed one at a time: every k-th of the window (same length mix)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--length", type=int, default=32, help="fixed output length in tokens (both modes)")
    parser.add_argument("--argos-beam", type=int, default=0,
                        help="also time one-at-a-time with this beam (argostranslate's default is 4)")
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--workdir", type=Path, default=None, help="reuse a built package here")
    args = parser.parse_args(argv)

    lines = read_lines(args.input)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="cleanprep-bench-"))
    file = workdir / "translate-xx_en-1_0.argosmodel"
    if not file.exists():
        t0 = time.perf_counter()
        workdir.mkdir(parents=True, exist_ok=True)
        file = build_realistic_package(workdir, lines)
        print(f"built {file.name} ({file.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - t0:.1f}s")
    packages = workdir / "packages"
    install_package_file(file, packages)
    loaded = load_package(list_packages(packages)[0], args.device, args.threads)

    sentences = load_segments(lines, args.segments)
    tokens = [len(loaded.tokenizer.encode(s)) for s in sentences]
    print(f"device={args.device} threads={args.threads} segments={len(sentences)} "
          f"source tokens mean={np.mean(tokens):.1f} output tokens={args.length} batch={args.batch_size}")

    loaded.translate(sentences[:4], args.batch_size, max_decoding_length=args.length,
                     min_decoding_length=args.length)  # warm-up
    t0, c0 = time.perf_counter(), time.process_time()
    batched = loaded.translate(sentences, args.batch_size, max_decoding_length=args.length,
                               min_decoding_length=args.length)
    t_batched, c_batched = time.perf_counter() - t0, time.process_time() - c0

    step = max(1, len(sentences) // args.single_sample)
    sample = list(range(0, len(sentences), step))[: args.single_sample]
    t0, c0 = time.perf_counter(), time.process_time()
    single = one_at_a_time(loaded, [sentences[i] for i in sample], args.length, beam=1)
    t_single, c_single = time.perf_counter() - t0, time.process_time() - c0

    from cleanprep.translate.engine import batches_by_bucket, split_long

    units = {tuple(p) for s in sentences for p in split_long(loaded.tokenizer.encode(s))}
    n_batches = len(batches_by_bucket(list(units), args.batch_size))
    same = sum(batched[i] == out for i, out in zip(sample, single, strict=True))
    rate_b, rate_s = len(sentences) / t_batched, len(sample) / t_single
    # Wall time moves with whatever else runs on the machine; CPU time (all threads of this
    # process) measures the work itself, so both are shown.
    cpu_b, cpu_s = len(sentences) / c_batched, len(sample) / c_single
    print(f"batched       : {rate_b:7.1f} segments/s wall, {cpu_b:7.1f} per CPU-second "
          f"({n_batches} batches, mean {len(units) / n_batches:.1f} segments each)")
    print(f"one at a time : {rate_s:7.1f} segments/s wall, {cpu_s:7.1f} per CPU-second "
          f"({len(sample)} segments, greedy: like for like)")
    print(f"ratio         : {rate_b / rate_s:7.1f}x wall, {cpu_b / cpu_s:7.1f}x CPU time")
    t0 = time.perf_counter()
    engine_single = [loaded.translate([sentences[i]], 1, max_decoding_length=args.length,
                                      min_decoding_length=args.length)[0] for i in sample]
    t_engine = time.perf_counter() - t0
    same_engine = sum(batched[i] == out for i, out in zip(sample, engine_single, strict=True))
    print(f"cleanprep engine one at a time (batch_size=1): {len(sample) / t_engine:.1f} segments/s wall; "
          f"identical to batched: {same_engine}/{len(sample)}")
    print(f"identical to argostranslate-style unpadded single calls: {same}/{len(sample)} "
          "(random weights leave near-ties that padding to the length bucket can flip)")
    if args.argos_beam:
        t0, c0 = time.perf_counter(), time.process_time()
        one_at_a_time(loaded, [sentences[i] for i in sample], args.length, beam=args.argos_beam)
        rate, cpu = len(sample) / (time.perf_counter() - t0), len(sample) / (time.process_time() - c0)
        print(f"one at a time, beam {args.argos_beam} (argostranslate's default): {rate:7.1f} segments/s "
              f"wall, {cpu:7.1f} per CPU-second; batched greedy is {rate_b / rate:.1f}x wall, "
              f"{cpu_b / cpu:.1f}x CPU")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
