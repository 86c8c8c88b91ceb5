"""Targets: `auto` (the default) keeps every page in its own language; a set `--target` makes every
page that language; Argos's codes and lid.176's labels name the same languages.

Pages here are short articles in German, French, Spanish, Chinese and English, each with one
sentence in another language inside. The translation tests use small real Argos packages (see
`support/argos_package.py`), installed into a fresh folder per test.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from support.argos_package import BuiltPackage, build_package, expected_output

import cleanprep
from cleanprep.config import Config
from cleanprep.document import FOREIGN, Document, Segment
from cleanprep.languages import label_of, package_codes, package_source
from cleanprep.pipeline import Pipeline
from cleanprep.translate import find_route, install_package_file, translate_documents
from cleanprep.translate.packages import PackageInfo

ENGLISH_LINE = "The minister said the talks would continue next week in the capital."
UKRAINIAN_LINE = "Міністр сказав, що переговори продовжаться наступного тижня в столиці."

PAGES = {
    "de": [
        "Der Fluss stieg nach drei Tagen Regen, und die Brücke in der Altstadt wurde gesperrt.",
        "Freiwillige trugen am Abend Sandsäcke zur Schule am alten Markt, bis das Wasser sank.",
        "Die Stadtverwaltung kündigte an, die Straße vor dem Winter zu reparieren und neue Dämme zu bauen.",
    ],
    "fr": [
        "La rivière a monté après trois jours de pluie et le pont de la vieille ville a été fermé.",
        "Des bénévoles ont porté des sacs de sable jusqu'à l'école près du vieux marché toute la soirée.",
        "La mairie a promis de réparer la route avant l'hiver et de construire de nouvelles digues.",
    ],
    "es": [
        "El río subió después de tres días de lluvia y el puente del casco antiguo fue cerrado.",
        "Los voluntarios llevaron sacos de arena a la escuela junto al mercado viejo durante toda la tarde.",
        "El ayuntamiento prometió reparar la carretera antes del invierno y construir nuevos diques.",
    ],
    "zh": [
        "连续三天下雨之后，河水上涨，老城区的大桥被关闭了。",
        "志愿者们整个晚上都在把沙袋运到旧市场旁边的学校，直到水位开始下降。",
        "市政府表示将在冬天到来之前修好道路，并且修建新的堤坝来保护居民。",
    ],
}


def page(lang: str, foreign_line: str = ENGLISH_LINE) -> str:
    first, *rest = PAGES[lang]
    return "\n\n".join([first, foreign_line, *rest]) + "\n"


def foreign(doc: Document) -> list[Segment]:
    return [s for s in doc.segments if s.verdict == FOREIGN]


@pytest.fixture
def no_packages(tmp_path: Path) -> Path:
    folder = tmp_path / "no-packages"
    folder.mkdir()
    return folder


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_by_default_a_page_keeps_its_own_language_and_loses_what_is_foreign_to_it(lang: str, no_packages):
    doc = cleanprep.clean(page(lang), packages_dir=no_packages)  # defaults: auto, translate, drop
    assert (doc.lang, doc.target) == (lang, lang)
    for line in PAGES[lang]:
        assert line in doc.clean
    assert ENGLISH_LINE not in doc.clean
    [seg] = foreign(doc)
    assert (seg.lang, seg.reason) == ("en", f"no-package:en->{lang}")


@pytest.mark.parametrize("lang", ["de", "zh"])
def test_target_en_keeps_todays_behaviour_one_language_for_every_page(lang: str, no_packages: Path):
    doc = cleanprep.clean(page(lang), target="en", packages_dir=no_packages)
    assert (doc.lang, doc.target) == (lang, "en")
    assert doc.clean.strip() == ENGLISH_LINE
    assert {s.reason for s in foreign(doc)} == {f"no-package:{lang}->en"}


def test_an_english_page_is_the_same_under_auto_and_en(no_packages: Path):
    text = "\n\n".join([*(
        "The river rose after three days of rain and the bridge was closed.",
        "Volunteers carried sandbags to the school near the old market all evening.",
    ), UKRAINIAN_LINE]) + "\n"
    auto = cleanprep.clean(text, packages_dir=no_packages)
    english = cleanprep.clean(text, target="en", packages_dir=no_packages)
    assert auto.clean == english.clean and UKRAINIAN_LINE not in auto.clean
    assert [s.reason for s in foreign(auto)] == ["no-package:uk->en"]


@pytest.fixture(scope="module")
def package_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, BuiltPackage]:
    folder = tmp_path_factory.mktemp("target-packages")
    pairs = ("en_de", "uk_en", "de_en", "zh_en", "zt_en")
    return {pair: build_package(folder, *pair.split("_")) for pair in pairs}


def install(tmp_path: Path, files: dict[str, BuiltPackage], *pairs: str) -> Path:
    folder = tmp_path / "packages"
    for pair in pairs:
        install_package_file(files[pair].path, folder)
    return folder


def test_auto_translates_into_each_pages_own_language_in_one_window(tmp_path: Path, package_files):
    folder = install(tmp_path, package_files, "en_de", "uk_en", "de_en")
    english_page = "\n\n".join([
        "The river rose after three days of rain and the bridge was closed.",
        "Volunteers carried sandbags to the school near the old market all evening.",
        PAGES["de"][0],
    ]) + "\n"
    german, english = Pipeline(Config(packages_dir=folder, jobs=1)).run([page("de"), english_page])
    [to_german] = foreign(german)
    assert (to_german.lang, to_german.package) == ("en", "translate-en_de-1_0")
    assert to_german.translation == expected_output(package_files["en_de"], ENGLISH_LINE)
    [to_english] = foreign(english)
    assert (to_english.lang, to_english.package) == ("de", "translate-de_en-1_0")
    assert to_english.translation == expected_output(package_files["de_en"], PAGES["de"][0])
    assert to_german.translation in german.clean and PAGES["de"][1] in german.clean


def test_auto_goes_through_english_when_no_direct_package_serves_the_page(tmp_path: Path, package_files):
    folder = install(tmp_path, package_files, "en_de", "uk_en")
    doc = cleanprep.clean(page("de", UKRAINIAN_LINE), packages_dir=folder)
    [seg] = foreign(doc)
    assert seg.package == "uk->en->de via translate-uk_en-1_0+translate-en_de-1_0"
    via_english = expected_output(package_files["uk_en"], UKRAINIAN_LINE)
    assert seg.translation == expected_output(package_files["en_de"], via_english)


def test_argos_codes_and_lid176_labels_are_one_table():
    assert [label_of(c) for c in ("zt", "pb", "nb", "no", "de")] == ["zh", "pt", "nb", "nb", "de"]
    assert package_codes("zh") == ("zh", "zt") and package_codes("zt") == ("zt", "zh")
    assert package_codes("pt") == ("pt", "pb") and package_codes("nb") == ("nb", "no")
    assert package_source("zh", "我們的國家") == "zt" and package_source("zh", "我们的国家") == "zh"
    pb = PackageInfo("translate-pb_en", Path("x"), "pb", "en")
    assert find_route("pt", "en", [pb]) == [pb]
    no = PackageInfo("translate-en_no", Path("y"), "en", "no")
    assert find_route("en", "nb", [no]) == [no]


def test_target_no_and_overrides_named_no_match_segments_labelled_nb(no_packages: Path):
    norwegian = ("Elva steg etter tre dager med regn, og broen i gamlebyen ble stengt av politiet i går.\n\n"
                 "Frivillige bar sandsekker til skolen ved det gamle torget hele kvelden.\n")
    kept = cleanprep.clean(norwegian, target="no", foreign="drop", packages_dir=no_packages)
    assert {s.lang for s in kept.segments} == {"nb"} and not foreign(kept)
    assert "Frivillige bar sandsekker" in kept.clean
    overridden = cleanprep.clean(norwegian, target="en", foreign="drop", foreign_overrides={"no": "keep"},
                                 packages_dir=no_packages)
    assert {s.action for s in foreign(overridden)} == {"keep"} and "Frivillige" in overridden.clean


def _chinese_docs() -> list[Document]:
    docs = []
    traditional = "我們的國家在這個時候還需要更多的學校。"
    simplified = "我们的国家在这个时候还需要更多的学校。"
    for i, line in enumerate((traditional, simplified)):
        doc = Document(id=str(i), text=line, lang="en", target="en")
        doc.fixed = doc.text
        doc.segments = [Segment(0, len(line), lang="zh", verdict=FOREIGN)]
        docs.append(doc)
    return docs


def test_traditional_chinese_goes_to_a_zt_package_and_simplified_to_zh(tmp_path: Path, package_files):
    both = install(tmp_path / "both", package_files, "zh_en", "zt_en")
    traditional, simplified = _chinese_docs()
    translate_documents([traditional, simplified], Config(packages_dir=both))
    assert traditional.segments[0].package == "translate-zt_en-1_0"
    assert simplified.segments[0].package == "translate-zh_en-1_0"
    # `models install zt en` alone serves every segment labelled zh.
    only_zt = install(tmp_path / "zt", package_files, "zt_en")
    docs = _chinese_docs()
    translate_documents(docs, Config(packages_dir=only_zt))
    assert [d.segments[0].package for d in docs] == ["translate-zt_en-1_0"] * 2


def cleanprep_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cleanprep", *args], capture_output=True, text=True,
                          timeout=300)


def test_the_command_line_defaults_keep_non_english_pages_and_count_them_by_language(tmp_path: Path):
    pages = tmp_path / "pages"
    pages.mkdir()
    for lang in ("de", "fr", "zh"):
        (pages / f"{lang}.txt").write_text(page(lang), encoding="utf-8")
    empty = tmp_path / "no-packages"
    proc = cleanprep_cli("clean", str(pages), "-o", str(tmp_path / "out"), "--packages-dir", str(empty),
                         "--report", str(tmp_path / "report.json"))
    assert proc.returncode == 0, proc.stderr
    for lang in ("de", "fr", "zh"):
        out = (tmp_path / "out" / f"{lang}.txt").read_text(encoding="utf-8")
        assert all(line in out for line in PAGES[lang]) and ENGLISH_LINE not in out
    assert "documents by main language: de 1, fr 1, zh 1" in proc.stderr
    assert "not in" not in proc.stderr
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["target"] == "auto" and report["documents_not_in_target"] is None
    assert report["no_package"] == {"en->de": 1, "en->fr": 1, "en->zh": 1}

    proc = cleanprep_cli("clean", str(pages), "-o", str(tmp_path / "out-en"), "--target", "en",
                         "--packages-dir", str(empty), "--report", str(tmp_path / "report-en.json"))
    assert proc.returncode == 0, proc.stderr
    assert "documents not in en: 3 (de 1, fr 1, zh 1;" in proc.stderr
    report = json.loads((tmp_path / "report-en.json").read_text())
    assert report["documents_not_in_target"] == 3
    assert report["not_in_target_by_language"] == {"de": 1, "fr": 1, "zh": 1}
    assert (tmp_path / "out-en" / "de.txt").read_text(encoding="utf-8").strip() == ENGLISH_LINE


def test_jsonl_records_say_which_target_each_document_was_cleaned_for(tmp_path: Path):
    pages = tmp_path / "pages.jsonl"
    pages.write_text("".join(json.dumps({"id": lang, "text": page(lang)}) + "\n" for lang in ("de", "es")),
                     encoding="utf-8")
    proc = cleanprep_cli("clean", str(pages), "-o", str(tmp_path / "out"), "--format", "jsonl",
                         "--packages-dir", str(tmp_path / "none"))
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in (tmp_path / "out" / "pages.jsonl").read_text().splitlines()]
    assert [(r["id"], r["lang"], r["target"]) for r in records] == [("de", "de", "de"), ("es", "es", "es")]
