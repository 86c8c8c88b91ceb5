"""The command line, end to end: clean mirrors trees, --jobs gives the same bytes, detect, exit codes."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"
needs_shared = pytest.mark.skipif(not SEEDS.is_dir(),
                                  reason="../shared (seeds and eval sets) is not beside the repo")


def cleanprep(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cleanprep", *args], capture_output=True, text=True,
                          timeout=300, **kwargs)


def test_version_and_help_with_examples():
    assert cleanprep("--version").stdout.startswith("cleanprep ")
    for command in ("clean", "detect", "models", "explain", "demo"):
        out = cleanprep(command, "--help").stdout
        assert "examples:" in out


def test_clean_mirrors_the_input_tree(tmp_path):
    (tmp_path / "in" / "a").mkdir(parents=True)
    (tmp_path / "in" / "a" / "b.txt").write_text("The harvest was late this year because of the rain.\n")
    (tmp_path / "in" / "c.txt").write_text("Another short page about the weather in the valley.\n")
    proc = cleanprep("clean", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--quiet")
    assert proc.returncode == 0, proc.stderr
    mirrored = (tmp_path / "out" / "a" / "b.txt").read_text()
    assert mirrored == "The harvest was late this year because of the rain.\n"
    assert (tmp_path / "out" / "c.txt").exists()


@needs_shared
def test_seeds_give_five_files_and_jobs_2_gives_the_same_bytes(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    assert cleanprep("clean", str(SEEDS), "-o", str(one), "--jobs", "1", "--foreign", "drop").returncode == 0
    assert cleanprep("clean", str(SEEDS), "-o", str(two), "--jobs", "2", "--foreign", "drop").returncode == 0
    names = sorted(p.name for p in one.glob("*.txt"))
    assert names == sorted(p.name for p in SEEDS.glob("*.txt")) and len(names) == 5
    for name in names:
        assert (one / name).read_bytes() == (two / name).read_bytes()


@needs_shared
def test_seeds_end_to_end_drop_leaves_no_ukrainian_and_keeps_the_article(tmp_path):
    proc = cleanprep("clean", str(SEEDS), "-o", str(tmp_path), "--foreign", "drop",
                     "--report", str(tmp_path / "report.json"))
    assert proc.returncode == 0, proc.stderr
    page = (tmp_path / "002_2ba1557b96aa48b6.txt").read_text()
    assert not re.search("[\u0400-\u04ff]", page)
    assert "Turkish backing has been vital to sustaining Syrian rebels" in page
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["documents"] == 5 and report["failed"] == 0
    assert report["chrome_removed"] > 0
    # Captions and appeals go as chrome first; what is left of the Ukrainian is dropped as foreign.
    assert report["dropped"].get("uk->en", 0) >= 1


@needs_shared
def test_seeds_without_a_translation_package_report_the_dropped_pair(tmp_path):
    env = dict(os.environ, ARGOS_PACKAGES_DIR=str(tmp_path / "no-packages"))
    proc = cleanprep("clean", str(SEEDS), "-o", str(tmp_path / "out"), "--foreign", "translate",
                     "--packages-dir", str(tmp_path / "no-packages"), env=env)
    assert proc.returncode == 0, proc.stderr
    assert re.search(r"no translation package, fell back: .*uk->en \d+", proc.stderr)


def test_jsonl_in_and_jsonl_out_with_verdicts(tmp_path):
    src = tmp_path / "docs.jsonl"
    text = "Home | About\n\nA long sentence about the new bridge over the river."
    src.write_text(json.dumps({"id": "x1", "text": text,
                               "url": "http://example.org"}) + "\n")
    proc = cleanprep("clean", str(src), "-o", str(tmp_path / "out"), "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    record = json.loads((tmp_path / "out" / "docs.jsonl").read_text())
    assert record["id"] == "x1" and record["url"] == "http://example.org"
    assert {"start", "end", "lang", "verdict"} <= set(record["segments"][0])


@needs_shared
def test_detect_covers_every_record_of_the_mixed_set(tmp_path):
    out = tmp_path / "pred.jsonl"
    proc = cleanprep("detect", str(SHARED / "eval" / "mixed-dev.jsonl"), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    scorer = subprocess.run([sys.executable, str(SHARED / "eval" / "score_mixed.py"),
                             str(SHARED / "eval" / "mixed-dev.jsonl"), str(out)],
                            capture_output=True, text=True)
    assert json.loads(scorer.stdout.splitlines()[0])["missing_docs"] == 0


@pytest.mark.parametrize("args, message", [
    (["--target", "xx"], "unknown language code 'xx'"),
    (["--jobs", "0"], "--jobs must be"),
    (["--redact", "passport"], "unknown --redact kind"),
    (["--foreign-for", "uk"], "LANG=ACTION"),
])
def test_configuration_mistakes_exit_2_with_a_message(tmp_path, args, message):
    (tmp_path / "a.txt").write_text("text")
    proc = cleanprep("clean", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"), *args)
    assert proc.returncode == 2
    assert message in proc.stderr and "Traceback" not in proc.stderr


def test_a_missing_input_is_reported_and_the_rest_is_written(tmp_path):
    (tmp_path / "good.txt").write_text("A sentence that is fine and long enough to keep.\n")
    proc = cleanprep("clean", str(tmp_path / "good.txt"), str(tmp_path / "missing.txt"),
                     "-o", str(tmp_path / "out"))
    assert proc.returncode == 1
    assert "missing.txt" in proc.stderr and "Traceback" not in proc.stderr
    assert (tmp_path / "out" / "good.txt").exists()


def test_the_demo_cleans_the_built_in_example(tmp_path):
    proc = cleanprep("demo", "-o", str(tmp_path / "demo"))
    assert proc.returncode == 0, proc.stderr
    news = (tmp_path / "demo" / "news" / "flood-relief.txt").read_text()
    assert "Rescue teams spent the night" in news
    assert "Share on Facebook" not in news


class _Terminal:
    """A standard error that says it is a terminal and keeps what is written to it."""

    def __init__(self) -> None:
        self.text = ""

    def isatty(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.text += text
        return len(text)

    def flush(self) -> None:
        pass


def _detect_on_a_slow_clock(tmp_path, monkeypatch, *extra: str) -> str:
    """Run `detect` in this process on 40 records while each look at the clock moves it 0.3 s on."""
    import itertools

    import cleanprep.progress
    from cleanprep.cli import main

    records = tmp_path / "in.jsonl"
    records.write_text("".join(json.dumps({"id": str(i), "text": f"Record {i} is a short English sentence."})
                               + "\n" for i in range(40)))
    ticks = itertools.count()
    monkeypatch.setattr(cleanprep.progress.time, "perf_counter", lambda: next(ticks) * 0.3)
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["detect", str(records), "-o", str(tmp_path / "out.jsonl"), "--jobs", "1", *extra]) == 0
    assert len((tmp_path / "out.jsonl").read_text().splitlines()) == 40
    return terminal.text


def test_detect_shows_progress_on_a_terminal_and_quiet_hides_it(tmp_path, monkeypatch):
    shown = _detect_on_a_slow_clock(tmp_path, monkeypatch)
    assert re.search(r"\d+ docs, [\d.]+ docs/s, [\d.]+ MB/s", shown)
    assert shown.endswith("\r\x1b[K")  # the line is wiped at the end
    assert _detect_on_a_slow_clock(tmp_path, monkeypatch, "--quiet") == ""
