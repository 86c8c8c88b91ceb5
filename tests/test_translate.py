"""Foreign segments are translated through real (tiny) Argos packages, dropped, kept or tagged.

The packages come from tests/support/argos_package.py: real `.argosmodel` files whose CTranslate2
model substitutes each source piece by a fixed ASCII piece, so `expected_output` says exactly what
a correct install -> load -> tokenize -> translate -> detokenize chain must produce.
"""

from __future__ import annotations

import argparse
import json
import re
import zipfile
from pathlib import Path

import pytest
from support.argos_package import BuiltPackage, expected_output

from cleanprep.cli import models as models_cli
from cleanprep.config import Config
from cleanprep.document import DROP, FOREIGN, KEEP, TAG, TRANSLATE, Document, Segment
from cleanprep.split import split_document
from cleanprep.translate import (
    PackageError,
    install_from_index,
    install_package_file,
    list_packages,
    load_package,
    remove_package,
    translate_documents,
)

Built = dict[str, BuiltPackage]
CYRILLIC = re.compile(r"[\u0400-\u04ff]")

CAPTION = "Міністр оборони і голова розвідки перед зустріччю у Кремлі, 24 серпня 2018 р. Фото: Reuters"
UK_LINES = [
    "Російські найманці у Сирії",
    "Волонтери носили мішки з піском до школи.",
    "Ціни на хліб знову зросли цього місяця.",
    "Навіть донат в 30 грн допоможе нам працювати далі:",
]
EN_PAGE_LINE = ("The river rose after three days of rain, and the council closed the old bridge until the "
                "engineers had checked it.")


def make_doc(doc_id: str, lines: list[tuple[str, str]]) -> Document:
    """A document whose lines are given with their language; lines not in English are foreign."""
    doc = Document(id=doc_id, text="\n".join(text for text, _ in lines) + "\n", lang="en")
    doc.fixed = doc.text
    split_document(doc, sentences=False)
    for seg, (_, lang) in zip(doc.segments, lines, strict=True):
        seg.lang = lang
        seg.verdict = FOREIGN if lang != "en" else KEEP
    return doc


def foreign(doc: Document) -> list[Segment]:
    return [s for s in doc.segments if s.verdict == FOREIGN]


def test_uk_segment_goes_through_the_uk_en_package(packages_dir: Path, argos_files: Built):
    doc = make_doc("a", [("The talks ended late.", "en"), (UK_LINES[0], "uk")])
    translate_documents([doc], Config(packages_dir=packages_dir))
    seg = foreign(doc)[0]
    assert (seg.action, seg.reason, seg.package) == (TRANSLATE, "translated", "translate-uk_en-1_0")
    assert seg.translation == expected_output(argos_files["uk_en"], UK_LINES[0])
    assert seg.translation and not CYRILLIC.search(seg.translation)
    assert doc.segments[0].translation is None  # English stays as it is


def test_pair_without_package_falls_back_to_drop_with_its_reason(packages_dir: Path):
    doc = make_doc("a", [("Der Fluss stieg nach drei Tagen Regen.", "de"), (UK_LINES[1], "uk")])
    translate_documents([doc], Config(packages_dir=packages_dir))
    de, uk = foreign(doc)
    assert (de.action, de.reason, de.translation, de.package) == (DROP, "no-package:de->en", None, None)
    assert uk.action == TRANSLATE


def test_fallback_policy_is_configurable(packages_dir: Path):
    doc = make_doc("a", [("Der Fluss stieg.", "de")])
    translate_documents([doc], Config(packages_dir=packages_dir, fallback="tag"))
    seg = foreign(doc)[0]
    assert (seg.action, seg.reason, seg.translation) == (TAG, "no-package:de->en", None)


def test_empty_packages_folder_drops_uk_segments_and_says_so(tmp_path: Path):
    docs = [make_doc("a", [(line, "uk")]) for line in UK_LINES]
    translate_documents(docs, Config(packages_dir=tmp_path / "none"))
    assert {(s.action, s.reason) for d in docs for s in d.segments} == {(DROP, "no-package:uk->en")}


def test_per_language_overrides_translate_uk_and_drop_the_rest(packages_dir: Path):
    doc = make_doc("a", [(UK_LINES[1], "uk"), ("Der Fluss stieg.", "de"), ("Река поднялась.", "ru")])
    overrides = {"uk": "translate", "*": "drop"}
    cfg = Config(packages_dir=packages_dir, foreign="keep", foreign_overrides=overrides)
    translate_documents([doc], cfg)
    assert [(s.lang, s.action, s.reason) for s in foreign(doc)] == [
        ("uk", TRANSLATE, "translated"),
        ("de", DROP, "dropped"),
        ("ru", DROP, "dropped"),
    ]


@pytest.mark.parametrize(("policy", "reason"), [("drop", "dropped"), ("keep", "kept"), ("tag", "tagged")])
def test_non_translate_policies_never_carry_a_translation(packages_dir: Path, policy: str, reason: str):
    doc = make_doc("a", [(UK_LINES[1], "uk")])
    translate_documents([doc], Config(packages_dir=packages_dir, foreign=policy))
    seg = foreign(doc)[0]
    assert (seg.action, seg.reason, seg.translation, seg.package) == (policy, reason, None, None)


def test_pivot_through_english_when_no_direct_package(packages_dir: Path, argos_files: Built):
    install_package_file(argos_files["en_de"].path, packages_dir)
    doc = make_doc("a", [(UK_LINES[2], "uk")])
    translate_documents([doc], Config(packages_dir=packages_dir, target="de"))
    seg = foreign(doc)[0]
    assert seg.package == "uk->en->de via translate-uk_en-1_0+translate-en_de-1_0"
    via_english = expected_output(argos_files["uk_en"], UK_LINES[2])
    assert seg.translation == expected_output(argos_files["en_de"], via_english)


def test_long_segment_is_split_into_sentences_and_joined(packages_dir: Path, argos_files: Built):
    doc = make_doc("a", [(CAPTION, "uk")])
    translate_documents([doc], Config(packages_dir=packages_dir))
    parts = ["Міністр оборони і голова розвідки перед зустріччю у Кремлі, 24 серпня 2018 р.", "Фото: Reuters"]
    assert foreign(doc)[0].translation == " ".join(expected_output(argos_files["uk_en"], p) for p in parts)


def test_overlong_sentence_is_cut_at_word_starts_not_truncated(packages_dir: Path, argos_files: Built):
    from cleanprep.translate.engine import MAX_SOURCE_TOKENS, split_long

    text = " ".join(["Волонтери носили мішки з піском до школи"] * 40)  # one "sentence", no full stop
    doc = make_doc("a", [(text, "uk")])
    translate_documents([doc], Config(packages_dir=packages_dir))
    sp = load_package(list_packages(packages_dir)[0]).tokenizer.processor
    pieces = sp.encode(text, out_type=str)
    assert len(pieces) > MAX_SOURCE_TOKENS
    mapping = argos_files["uk_en"].mapping
    chunks = split_long(pieces)
    expected = [sp.decode([mapping[sp.piece_to_id(p)] for p in chunk]).strip() for chunk in chunks]
    assert foreign(doc)[0].translation == " ".join(expected)


def _window(n_docs: int = 12) -> list[Document]:
    docs = []
    for i in range(n_docs):
        lines = [
            (f"Paragraph {i} in English.", "en"),
            (UK_LINES[i % 4], "uk"),
            (f"{UK_LINES[(i + 1) % 4]} {i}", "uk"),
        ]
        docs.append(make_doc(f"doc{i:02d}", lines))
    return docs


def test_batched_output_equals_one_by_one_output(packages_dir: Path):
    one_by_one = _window()
    for doc in one_by_one:
        for seg in foreign(doc):
            single = Document(id=doc.id, text=doc.fixed, fixed=doc.fixed, segments=[seg], lang=doc.lang)
            translate_documents([single], Config(packages_dir=packages_dir, batch_size=1))
    batched = _window()
    translate_documents(batched, Config(packages_dir=packages_dir, batch_size=32))
    odd_batches = _window()
    for start in range(0, len(odd_batches), 5):  # other windows, other batch size
        translate_documents(odd_batches[start : start + 5], Config(packages_dir=packages_dir, batch_size=3))

    def translations(docs: list[Document]) -> list[tuple[str, str | None]]:
        return [(d.id, s.translation) for d in docs for s in d.segments]

    assert translations(batched) == translations(one_by_one) == translations(odd_batches)
    assert all(s.translation for d in batched for s in foreign(d))


def test_documents_keep_their_order_and_translations_stand_where_segments_stood(packages_dir: Path):
    from cleanprep.assemble import assemble

    docs = _window(5)
    translate_documents(docs, Config(packages_dir=packages_dir))
    assert [d.id for d in docs] == [f"doc{i:02d}" for i in range(5)]
    for i, doc in enumerate(docs):
        lines = assemble(doc).splitlines()
        _, first, second = doc.segments
        assert lines == [f"Paragraph {i} in English.", first.translation, second.translation]
        assert not CYRILLIC.search(doc.clean)


def test_whole_pipeline_replaces_the_caption_by_the_package_output(packages_dir: Path):
    import cleanprep

    text = (
        "The Turkish defence minister met his Russian counterpart in Moscow on Friday to discuss the war.\n"
        "Міністр оборони Туреччини і голова розвідки перед зустріччю у Кремлі, 24 серпня.\n"
        "Both sides said the talks would continue next month in Ankara.\n"
    )
    doc = cleanprep.clean(text, foreign="translate", packages_dir=packages_dir, chrome=False)
    translated = [s for s in doc.segments if s.action == TRANSLATE and s.verdict == FOREIGN]
    assert translated and all(s.package == "translate-uk_en-1_0" for s in translated)
    assert not CYRILLIC.search(doc.clean)
    assert doc.clean.splitlines()[0].startswith("The Turkish defence minister")


def test_package_is_loaded_once_per_process(packages_dir: Path):
    pkg = list_packages(packages_dir)[0]
    assert load_package(pkg, "cpu") is load_package(pkg, "cpu")


def test_device_auto_uses_a_gpu_only_when_ctranslate2_sees_one(packages_dir: Path):
    import ctranslate2

    from cleanprep.config import ConfigError
    from cleanprep.translate import resolve_device

    has_gpu = ctranslate2.get_cuda_device_count() > 0
    assert resolve_device("auto") == ("cuda" if has_gpu else "cpu")
    if not has_gpu:
        doc = make_doc("a", [(UK_LINES[0], "uk")])
        with pytest.raises(ConfigError, match="no CUDA GPU"):
            translate_documents([doc], Config(packages_dir=packages_dir, device="cuda"))


def test_installed_package_is_listed_and_removed_by_pair(packages_dir: Path):
    [pkg] = list_packages(packages_dir)
    assert (pkg.name, pkg.pair, pkg.package_version) == ("translate-uk_en-1_0", "uk->en", "1.0")
    assert [p.name for p in remove_package(("uk", "en"), packages_dir)] == ["translate-uk_en-1_0"]
    assert list_packages(packages_dir) == []
    with pytest.raises(PackageError, match="no installed package matches uk->en"):
        remove_package(("uk", "en"), packages_dir)


def test_argos_itself_reads_what_we_install_in_its_default_folder(argos_files: Built):
    # The session's Argos home is a temporary folder (see conftest), so this is Argos's real default.
    from argostranslate import package as argos_package

    from cleanprep.translate import default_packages_dir

    installed = install_package_file(argos_files["uk_en"].path)
    assert installed.path.parent == default_packages_dir()
    [pkg] = [p for p in argos_package.get_installed_packages() if p.package_path == installed.path]
    assert (pkg.from_code, pkg.to_code, pkg.package_version) == ("uk", "en", "1.0")
    assert pkg.tokenizer.encode("Фото") == load_package(installed).tokenizer.encode("Фото")
    remove_package("translate-uk_en-1_0")
    assert list_packages() == []


def test_install_refuses_files_that_are_not_packages(tmp_path: Path):
    not_zip = tmp_path / "notes.argosmodel"
    not_zip.write_text("hello")
    with pytest.raises(PackageError, match="not an Argos package"):
        install_package_file(not_zip, tmp_path / "pk")
    escaping = tmp_path / "evil.argosmodel"
    with zipfile.ZipFile(escaping, "w") as zf:
        zf.writestr("pkg/metadata.json", json.dumps({"from_code": "uk", "to_code": "en"}))
        zf.writestr("../outside.txt", "x")
    with pytest.raises(PackageError, match="unsafe path"):
        install_package_file(escaping, tmp_path / "pk")
    no_model = tmp_path / "empty.argosmodel"
    with zipfile.ZipFile(no_model, "w") as zf:
        zf.writestr("pkg/metadata.json", json.dumps({"from_code": "uk", "to_code": "en"}))
    with pytest.raises(PackageError, match="no model/ folder"):
        install_package_file(no_model, tmp_path / "pk")
    assert not (tmp_path / "outside.txt").exists()
    assert list_packages(tmp_path / "pk") == []


def test_install_from_an_index_follows_its_links(tmp_path: Path, argos_files: Built):
    index = tmp_path / "index.json"
    entries = [
        {"from_code": code[:2], "to_code": code[3:], "package_version": "1.0", "type": "translate",
         "links": [argos_files[code].path.as_uri()]}
        for code in ("uk_en", "en_de")
    ]
    index.write_text(json.dumps(entries))
    installed = install_from_index("uk", "de", tmp_path / "pk", index_url=index.as_uri())
    assert [p.pair for p in installed] == ["uk->en", "en->de"]
    assert [p.name for p in list_packages(tmp_path / "pk")] == ["translate-en_de-1_0", "translate-uk_en-1_0"]


def run_cli(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="cleanprep")
    models_cli.add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(list(argv))
    return args.func(args)


def test_models_cli_install_list_remove(tmp_path: Path, argos_files: Built, capsys):
    folder = str(tmp_path / "pk")
    assert run_cli("models", "install", str(argos_files["uk_en"].path), "--packages-dir", folder) == 0
    assert run_cli("models", "list", "--packages-dir", folder) == 0
    assert "translate-uk_en-1_0  uk->en" in capsys.readouterr().out
    assert run_cli("models", "remove", "translate-uk_en-1_0", "--packages-dir", folder) == 0
    assert run_cli("models", "remove", "uk", "en", "--packages-dir", folder) == 1
    assert "no installed package matches uk->en" in capsys.readouterr().err
    assert run_cli("models", "install", str(tmp_path / "missing.argosmodel"), "--packages-dir", folder) == 2


def test_models_cli_install_by_pair_without_network_says_what_to_do(tmp_path: Path, capsys):
    # Port 9 on localhost refuses at once: the same path as a machine with no network.
    code = run_cli("models", "install", "uk", "en", "--packages-dir", str(tmp_path / "pk"),
                   "--index-url", "http://127.0.0.1:9/index.json")
    err = capsys.readouterr().err
    assert code == 1
    assert "cannot download the uk->en package" in err and "cleanprep models install FILE.argosmodel" in err
    assert "Traceback" not in err


def test_a_damaged_package_file_is_refused_with_exit_2_and_nothing_installed(tmp_path: Path,
                                                                           argos_files: Built, capsys):
    # The archive's directory reads, but a stored file's bytes are flipped: a broken download.
    data = bytearray(argos_files["uk_en"].path.read_bytes())
    with zipfile.ZipFile(argos_files["uk_en"].path) as zf:
        info = max(zf.infolist(), key=lambda i: i.compress_size)
    middle = info.header_offset + 30 + len(info.filename) + info.compress_size // 2
    data[middle : middle + 64] = bytes(b ^ 0xFF for b in data[middle : middle + 64])
    damaged = tmp_path / "damaged.argosmodel"
    damaged.write_bytes(bytes(data))
    folder = tmp_path / "pk"
    with pytest.raises(PackageError, match="damaged"):
        install_package_file(damaged, folder)
    assert run_cli("models", "install", str(damaged), "--packages-dir", str(folder)) == 2
    assert "damaged" in capsys.readouterr().err
    assert list_packages(folder) == [] and not [p for p in folder.iterdir() if p.name != ".lock"]


def test_clean_with_device_cuda_and_no_gpu_stops_before_reading_input(tmp_path: Path):
    import subprocess
    import sys

    import ctranslate2

    if ctranslate2.get_cuda_device_count() > 0:
        pytest.skip("this machine has a GPU, so --device cuda is not a mistake here")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("The harvest was late this year because of the rain.\n")
    proc = subprocess.run([sys.executable, "-m", "cleanprep", "clean", str(tmp_path / "in"), "-o",
                           str(tmp_path / "out"), "--device", "cuda"], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 2
    assert "no CUDA GPU" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "out").exists()


def test_a_looping_model_is_stopped_in_proportion_to_the_source(tmp_path: Path):
    from support.argos_package import build_package

    from cleanprep.translate.engine import with_ruler

    built = build_package(tmp_path, "uk", "en", looping=True)
    pkg = load_package(install_package_file(built.path, tmp_path / "pk"))
    caption = "Фото: річка"
    tokens = tuple(pkg.tokenizer.encode(caption))
    # It never ends a sentence by itself: given room, it fills all 256 tokens.
    uncapped = pkg._translate_batch(with_ruler([tokens]), 256, 1)[0]
    capped = pkg.translate([caption])[0]
    assert len(capped.split()) * 4 < len(uncapped.split())
    assert pkg.translate([caption], max_decoding_length=256)[0] == capped


def test_a_package_that_fails_to_load_is_named_with_why_and_the_run_exits_1(tmp_path: Path,
                                                                          argos_files: Built):
    import subprocess
    import sys

    folder = tmp_path / "pk"
    installed = install_package_file(argos_files["uk_en"].path, folder)
    (installed.path / "model" / "model.bin").write_bytes(b"not a model")  # a damaged install
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(f"{EN_PAGE_LINE}\n\n{UK_LINES[1]}\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "cleanprep", "clean", str(tmp_path / "in"), "-o",
                           str(tmp_path / "out"), "--packages-dir", str(folder), "--report",
                           str(tmp_path / "report.json")], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert "cannot load package translate-uk_en-1_0" in proc.stderr
    assert "FAILED to load a translation package, fell back: uk->en via translate-uk_en-1_0 1" in proc.stderr
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["package_failed"] == {"uk->en via translate-uk_en-1_0": 1}
    # The document itself is written, with the segment gone as the fallback says.
    assert (tmp_path / "out" / "a.txt").read_text(encoding="utf-8").strip() == EN_PAGE_LINE


def test_clean_works_where_the_home_folder_cannot_be_written(tmp_path: Path):
    import os
    import subprocess
    import sys

    # Under /dev/null no folder can be made, even by root (for whom a read-only folder is writable).
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ARGOS_", "XDG_"))}
    env["HOME"] = "/dev/null/home"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(f"{EN_PAGE_LINE}\n\n{UK_LINES[1]}\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "cleanprep", "clean", str(tmp_path / "in"), "-o",
                           str(tmp_path / "out")], capture_output=True, text=True, timeout=120, env=env)
    assert proc.returncode == 0, proc.stderr
    assert "no translation package, fell back: uk->en 1" in proc.stderr
    assert (tmp_path / "out" / "a.txt").read_text(encoding="utf-8").strip() == EN_PAGE_LINE


def test_the_default_folder_is_the_one_argostranslate_uses(tmp_path: Path):
    import os
    import subprocess
    import sys

    pytest.importorskip("argostranslate")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ARGOS_", "XDG_"))}
    env["HOME"] = str(tmp_path / "home")
    (tmp_path / "home" / ".config" / "argos-translate").mkdir(parents=True)
    (tmp_path / "home" / ".config" / "argos-translate" / "settings.json").write_text(
        json.dumps({"ARGOS_PACKAGES_DIR": str(tmp_path / "chosen")}))
    code = ("import argostranslate.settings as s; from cleanprep.translate import default_packages_dir; "
            "print(s.package_data_dir); print(default_packages_dir())")
    for extra in ({}, {"XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "cfg")}):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                             env={**env, **extra}).stdout.split()
        assert len(out) == 2 and out[0] == out[1], out


def test_a_package_with_only_the_source_sentencepiece_model_gives_spaces_not_word_marks(tmp_path: Path):
    from support.argos_package import build_package, target_pieces

    built = build_package(tmp_path, "uk", "en", own_target_vocabulary=True)
    pkg = load_package(install_package_file(built.path, tmp_path / "pk"))
    sentence = UK_LINES[1]
    out = pkg.translate([sentence])[0]
    spelt = target_pieces(built.pieces)
    expected = "".join(spelt[built.mapping[i]] for i in pkg.tokenizer.processor.encode(sentence))
    assert "\u2581" not in out
    assert out == " ".join(expected.replace("\u2581", " ").split())
