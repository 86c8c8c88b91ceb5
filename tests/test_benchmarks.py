"""The comparison harness (benchmarks/compare.py): it runs, it scores as the shared scorers do.

Quick runs on a few documents; peers that are not installed are skipped. Speed is measured by the
benchmark and reported, never asserted here.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"

pytestmark = pytest.mark.skipif(not (EVAL / "chrome-dev.jsonl").exists(), reason="needs ../shared/eval")


def load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


compare = load("bench_compare", ROOT / "benchmarks" / "compare.py")
c4_lines = compare.peer_module("c4_lines")


def installed(peer: str) -> bool:
    return compare.peer_module(peer).requirement() is None


def test_cleanprep_row_on_three_pages_agrees_with_the_scorer_and_is_written(tmp_path):
    assert compare.main(["--set", "chrome", "--limit", "3", "--tools", "cleanprep", "--check-scorers",
                         "--out", str(tmp_path)]) == 0
    result = json.loads((tmp_path / "compare.json").read_text(encoding="utf-8"))
    (row,) = result["rows"]
    assert row["tool"] == "cleanprep" and row["docs"] == 3
    assert 0.0 <= row["quality"]["f1"] <= 1.0
    assert row["mb_s_wall"] > 0 and row["peak_mb"] > 0 and row["startup_s"] > 0
    (check,) = result["scorer_checks"]
    assert check["agree"], check
    assert "cleanprep" in (tmp_path / "compare.txt").read_text(encoding="utf-8")
    if importlib.util.find_spec("matplotlib"):
        assert (tmp_path / "compare.png").stat().st_size > 0


def test_detect_row_agrees_with_score_mixed(tmp_path):
    assert compare.main(["--set", "mixed", "--limit", "3", "--tools", "cleanprep", "--check-scorers",
                         "--out", str(tmp_path)]) == 0
    result = json.loads((tmp_path / "compare.json").read_text(encoding="utf-8"))
    assert result["rows"][0]["tool"] == "cleanprep detect"
    assert result["scorer_checks"][0]["agree"], result["scorer_checks"]


def test_mixed_metric_is_score_mixed_on_fasttext_lines(tmp_path):
    score_mixed = load("score_mixed", EVAL / "score_mixed.py")
    fasttext_lines = compare.peer_module("fasttext_lines")
    gold = compare.read_jsonl(EVAL / "mixed-dev.jsonl")[:20]
    preds = dict(fasttext_lines.process(fasttext_lines.load(str(compare.MODEL)), gold))
    (tmp_path / "gold.jsonl").write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    (tmp_path / "pred.jsonl").write_text(
        "".join(json.dumps({"id": k, "segments": v}) + "\n" for k, v in preds.items()), encoding="utf-8")
    theirs = score_mixed.score(tmp_path / "gold.jsonl", tmp_path / "pred.jsonl")
    ours = compare.mixed_score(gold, preds)
    for key in ("found", "named", "false_alarm_rate"):
        assert ours[key] == pytest.approx(theirs[key], abs=1e-4)


def test_chrome_metrics_count_segments_and_shingles_as_the_scorer_does():
    score_chrome = load("score_chrome", EVAL / "score_chrome.py")
    got = compare.chrome_prf([{"with": ["Rain fell.", "Floods"], "without": ["Share this"]}],
                             ["Rain fell.\nShare this"])
    assert got == {"precision": 0.5, "recall": 0.5, "f1": 0.5}
    body, out = "the river rose over the old bridge at night", "menu the river rose over the old bridge"
    p, r = score_chrome.shingle_prf(body, out)
    assert compare.body_prf([{"body": body}], [out]) == compare._prf(p, r)


def test_c4_line_rules_keep_sentences_and_drop_chrome_lines():
    keep = "The council approved the new budget on Monday."
    for line in ("Home | News | Sport", "Please enable JavaScript to view the comments below.",
                 "This site uses cookies to improve your experience.", "Read the full story here...",
                 "Too short."):
        assert c4_lines.clean_c4(f"{line}\n{keep}") == keep, line
    cited = "It was reported[1] by three papers on Sunday."
    assert c4_lines.clean_c4(cited) == "It was reported by three papers on Sunday."
    assert c4_lines.clean_c4("{code}\n" + keep, page_rules=True) == ""


@pytest.mark.parametrize("peer", compare.CLEAN_PEERS)
def test_clean_peers_run_on_three_pages(peer, tmp_path):
    if not installed(peer):
        pytest.skip(f"{peer} not installed")
    bset = compare.set_from_path(EVAL / "chrome-dev.jsonl", limit=3)
    row, outputs = compare.run_peer(peer, bset, tmp_path)
    assert "skipped" not in row, row
    assert row["docs"] == 3 and len(outputs) == 3
    assert 0.0 <= row["quality"]["f1"] <= 1.0


def test_lingua_peer_gives_character_offsets():
    if not installed("lingua_mixed"):
        pytest.skip("lingua not installed")
    from lingua import Language, LanguageDetectorBuilder

    lingua_mixed = compare.peer_module("lingua_mixed")
    detector = LanguageDetectorBuilder.from_languages(Language.ENGLISH, Language.UKRAINIAN).build()
    text = "Café prices rose again this week. Ціни на каву знову зросли цього тижня."
    ((_, spans),) = lingua_mixed.process(detector, [{"id": "a", "text": text}])
    uk = [s for s in spans if s["lang"] == "uk"]
    assert uk and text[uk[0]["start"]:uk[0]["end"]].startswith("Ціни")


def test_a_hung_tool_is_killed_at_the_timeout():
    t0 = time.perf_counter()
    m = compare.measure([sys.executable, "-c", "import time; time.sleep(30)"], timeout_s=0.5)
    assert m.rc != 0 and time.perf_counter() - t0 < 10
