"""Bad input gets a clear answer and the run goes on: encodings, odd text, odd trees, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import cleanprep.read.readers as readers
from cleanprep.config import Config
from cleanprep.read import BinaryFileError, Source, decode_bytes, find_sources, read_source
from cleanprep.runner import RunOptions, run_clean

CLI = [sys.executable, "-m", "cleanprep"]

SENTENCES = {
    "de": "Die Bürger der Stadt müssen sich auf höhere Gebühren für die Straßenreinigung einstellen.",
    "fr": "Le ministre a déclaré que la réforme des retraites serait présentée à l'Assemblée en février.",
    "da": "Regeringen har besluttet, at børn og unge skal have gratis adgang til søen og åen i sommer.",
    "pl": "Rząd zapowiedział, że wprowadzi nowe przepisy dotyczące ochrony środowiska w przyszłym roku.",
    "cs": "Příliš žluťoučký kůň úpěl ďábelské ódy a vláda schválila nový zákon o daních.",
    "ru": "Министр обороны заявил, что армия готова к любым сценариям развития событий.",
    "uk": "Міністр оборони Туреччини і голова розвідки перед зустріччю обговорили ситуацію в регіоні.",
    "tr": "Türkiye'nin başkenti Ankara'da düzenlenen toplantıda önemli kararlar alındı.",
    "el": "Η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία και την απασχόληση.",
    "ja": "政府は昨日、新しい経済対策を発表しました。東京の株価は上昇しています。",
    "zh": "政府昨天宣布了新的经济措施，上海的股市今天上涨了。",
    "ko": "정부는 어제 새로운 경제 대책을 발표했습니다. 서울의 주가는 오르고 있습니다.",
}
LEGACY = [("de", "latin-1"), ("de", "cp1252"), ("fr", "latin-1"), ("da", "cp1252"), ("pl", "cp1250"),
          ("pl", "iso-8859-2"), ("cs", "cp1250"), ("ru", "cp1251"), ("ru", "koi8-r"), ("ru", "cp866"),
          ("uk", "cp1251"), ("uk", "koi8-u"), ("tr", "cp1254"), ("el", "cp1253"), ("ja", "shift_jis"),
          ("ja", "euc-jp"), ("zh", "gbk"), ("ko", "euc-kr")]


def clean_cli(*args: str, env: dict | None = None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, "clean", "--no-chrome", *args], capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})}, **kw)


def run(inputs: list[Path | str], outdir: Path, **config) -> object:
    config.setdefault("jobs", 1)
    config.setdefault("foreign", "drop")
    # Chrome removal is not what these tests are about (and its model is trained elsewhere).
    config.setdefault("chrome", False)
    return run_clean([str(i) for i in inputs], Config(**config), RunOptions(outdir=outdir, progress=False))


# --- decoding ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "codec"), LEGACY)
def test_a_sentence_in_a_legacy_encoding_is_decoded_exactly(lang: str, codec: str) -> None:
    text = SENTENCES[lang] + "\n"
    assert decode_bytes(text.encode(codec))[0] == text


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16"])
def test_unicode_with_or_without_bom_is_decoded(codec: str) -> None:
    text = SENTENCES["uk"] + "\n" + SENTENCES["de"]
    assert decode_bytes(text.encode(codec))[0] == text


@pytest.mark.parametrize(("data", "why"), [
    (b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG image"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF document"),
    (b"\x1f\x8b\x08\x00" + bytes(100), "gzip archive"),
    (bytes(range(256)) * 8, "control bytes"),
])
def test_binary_files_are_refused_with_a_reason(tmp_path: Path, data: bytes, why: str) -> None:
    with pytest.raises(BinaryFileError, match=why):
        decode_bytes(data)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "blob.txt").write_bytes(data)
    summary = run([tmp_path / "in"], tmp_path / "out")
    assert [e["input"] for e in summary.errors] == ["blob.txt"]
    assert why in summary.errors[0]["error"]
    assert not (tmp_path / "out" / "blob.txt").exists()


def test_text_that_starts_like_a_magic_number_is_still_text() -> None:
    assert decode_bytes(b"BZh, said the engineer, is how bzip2 files start.")[1] == "utf-8"
    assert decode_bytes(b"RIFF is a container format.")[1] == "utf-8"


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \n", b"\xef\xbb\xbf"])
def test_empty_and_blank_files_give_empty_output(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(content)
    summary = run([tmp_path / "in"], tmp_path / "out")
    assert not summary.errors
    assert (tmp_path / "out" / "empty.txt").read_text().strip() == ""


# --- odd text ---------------------------------------------------------------------------------


def test_nul_bytes_in_text_are_removed_not_refused(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "nul.txt").write_bytes(b"The river rose over\x00night and flooded the town.\n")
    summary = run([tmp_path / "in"], tmp_path / "out", chrome=False)
    assert not summary.errors
    assert (tmp_path / "out" / "nul.txt").read_text() == "The river rose overnight and flooded the town.\n"


def test_lone_surrogates_in_jsonl_become_replacement_characters(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "s", "text": "Broken \\ud800 pair in a sentence about the river."}\n')
    summary = run([src], tmp_path / "out", chrome=False, fix=False)
    assert not summary.errors
    record = json.loads((tmp_path / "out" / "in.jsonl").read_text())
    assert record["text"] == "Broken \ufffd pair in a sentence about the river."


def test_invalid_jsonl_lines_are_reported_by_number_and_the_rest_is_cleaned(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(b'{"id": "a", "text": "The first record is fine."}\n'
                    b"{not json\n"
                    b'{"id": "c", "title": "no text field"}\n'
                    b'{"id": "d", "text": "caf\xe9 in latin-1"}\n'
                    b'["a", "list"]\n'
                    b'{"id": "f", "text": "The last record is fine too."}\n')
    report = tmp_path / "report.json"
    proc = clean_cli(str(src), "-o", str(tmp_path / "out"), "--no-chrome", "--report", str(report), "-q")
    assert proc.returncode == 1
    for n in (2, 3, 4, 5):
        assert f"line {n}:" in proc.stderr
    out = [json.loads(line) for line in (tmp_path / "out" / "in.jsonl").read_text().splitlines()]
    assert [r["id"] for r in out] == ["a", "f"]
    errors = json.loads(report.read_text())["errors"]
    assert sorted(e["error"].split(":")[0] for e in errors) == ["line 2", "line 3", "line 4", "line 5"]
    assert "Traceback" not in proc.stderr


def test_a_file_with_no_newline_is_read_in_parts_that_join_to_the_whole(tmp_path: Path) -> None:
    words = " ".join(f"word{i}" for i in range(40_000))  # about 300 k characters, one line
    path = tmp_path / "one-line.txt"
    path.write_text(words)
    parts = list(read_source(Source(path, "one-line.txt", "text"), part_bytes=32 * 1024))
    assert len(parts) > 5
    assert "".join(p.text for p in parts) == words
    assert all(p.text.endswith(" ") for p in parts[:-1])  # cut between words, never inside one
    assert [p.last for p in parts] == [False] * (len(parts) - 1) + [True]


def test_a_huge_line_is_cleaned_in_parts_and_its_words_stay_apart(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(readers, "PART_BYTES", 64 * 1024)
    sentence = "The council met on Monday and voted for the new flood barrier. "
    text = sentence * 20_000  # 1.3 million characters on one line
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "huge.txt").write_text(text)
    summary = run([tmp_path / "in"], tmp_path / "out", chrome=False)
    assert not summary.errors
    assert (tmp_path / "out" / "huge.txt").read_text() == text


def test_a_directory_of_many_tiny_files_is_mirrored(tmp_path: Path) -> None:
    root = tmp_path / "in"
    for i in range(300):
        folder = root / f"d{i % 7}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{i}.txt").write_text(f"Page {i}: the river rose overnight.\n")
    summary = run([root], tmp_path / "out", jobs=2, chrome=False)
    assert not summary.errors
    outs = sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.txt"))
    assert outs == sorted(p.relative_to(root).as_posix() for p in root.rglob("*.txt"))


# --- odd trees --------------------------------------------------------------------------------


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_file_is_reported_and_the_rest_is_cleaned(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "ok.txt").write_text("The river rose overnight.\n")
    locked = root / "locked.txt"
    locked.write_text("secret")
    locked.chmod(0)
    try:
        summary = run([root], tmp_path / "out", chrome=False)
    finally:
        locked.chmod(0o644)
    assert [e["input"] for e in summary.errors] == ["locked.txt"]
    assert "Permission denied" in summary.errors[0]["error"]
    assert (tmp_path / "out" / "ok.txt").exists()


def test_a_file_that_vanishes_between_listing_and_reading_is_reported(tmp_path: Path) -> None:
    # The same code path as an unreadable file, and it runs as root too.
    root = tmp_path / "in"
    root.mkdir()
    (root / "gone.txt").write_text("soon gone")
    found = find_sources([str(root)])
    (root / "gone.txt").unlink()
    docs = list(read_source(found.sources[0]))
    assert len(docs) == 1 and docs[0].error is not None and "cannot read" in docs[0].error


def test_symlink_loops_are_walked_once(tmp_path: Path) -> None:
    root = tmp_path / "in"
    (root / "a").mkdir(parents=True)
    (root / "a" / "page.txt").write_text("The river rose overnight.\n")
    (root / "a" / "back").symlink_to(root, target_is_directory=True)
    (root / "self.txt").symlink_to(root / "self.txt")
    found = find_sources([str(root)])
    assert [s.unit for s in found.sources] == ["a/page.txt"]
    assert [p for p, _ in found.problems] == [str(root / "self.txt")]
    assert any("symlink loop" in note for note in found.notes)


def test_an_output_directory_inside_the_input_is_never_read(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "page.txt").write_text("The river rose overnight and flooded the town.\n")
    out = root / "clean"
    run([root], out, chrome=False)
    summary = run([root], out, chrome=False)  # the second run must not pick up clean/page.txt
    assert summary.documents == 1
    assert not (out / "clean").exists()


def test_the_same_file_given_twice_is_read_once(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "page.txt").write_text("The river rose overnight.\n")
    summary = run([root, root / "page.txt", root], tmp_path / "out", chrome=False)
    assert summary.documents == 1 and not summary.errors
    assert any("read once" in note for note in summary.notes)


def test_a_fifo_is_skipped_rather_than_blocking_the_run(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    os.mkfifo(root / "pipe.txt")
    (root / "page.txt").write_text("The river rose overnight.\n")
    summary = run([root], tmp_path / "out", chrome=False)
    assert summary.documents == 1
    assert [e["input"] for e in summary.errors] == [str(root / "pipe.txt")]


# --- errors and exit codes --------------------------------------------------------------------


def test_one_bad_file_is_reported_on_stderr_and_in_the_report_and_the_run_goes_on(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text("The river rose overnight.\n")
    (root / "b.txt").write_bytes(b"\x7fELF\x02\x01\x01" + bytes(300))
    (root / "c.txt").write_text("The town was flooded.\n")
    report = tmp_path / "report.json"
    proc = clean_cli(str(root), "-o", str(tmp_path / "out"), "--report", str(report), "--jobs", "2")
    assert proc.returncode == 1
    assert "b.txt: binary file (ELF executable)" in proc.stderr
    assert json.loads(report.read_text())["errors"] == [
        {"input": "b.txt", "id": "b.txt", "error": "binary file (ELF executable), not text"}]
    assert sorted(p.name for p in (tmp_path / "out").glob("*.txt")) == ["a.txt", "c.txt"]
    assert "Traceback" not in proc.stderr


def test_a_missing_input_is_reported_and_exits_one(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The river rose overnight.\n")
    proc = clean_cli(str(tmp_path / "a.txt"), str(tmp_path / "nope"), "-o", str(tmp_path / "out"), "-q")
    assert proc.returncode == 1
    assert "nope: no such file or directory" in proc.stderr
    assert (tmp_path / "out" / "a.txt").exists()


@pytest.mark.parametrize(("args", "env", "says"), [
    (["--target", "xx"], {}, "unknown language code 'xx'"),
    (["--jobs", "0"], {}, "--jobs must be a whole number of at least 1"),
    (["--jobs", "many"], {}, "--jobs"),
    (["--redact", "passwords"], {}, "unknown --redact kind"),
])
def test_configuration_mistakes_exit_two_with_a_message(tmp_path: Path, args, env, says) -> None:
    (tmp_path / "a.txt").write_text("The river rose overnight.\n")
    proc = clean_cli(str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"), *args, env=env)
    assert proc.returncode == 2
    assert says in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_missing_language_model_file_exits_two(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The river rose overnight.\n")
    proc = clean_cli(str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"),
                     env={"CLEANPREP_LID_MODEL": "/nonexistent/lid.176.ftz"})
    assert proc.returncode == 2
    assert "CLEANPREP_LID_MODEL" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_detect_reports_bad_lines_and_writes_the_rest(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "The river rose overnight."}\n'
                   "garbage\n"
                   '{"id": "b", "text": "Річка піднялася вночі \\udc00."}\n')
    out = tmp_path / "out.jsonl"
    proc = subprocess.run([*CLI, "detect", str(src), "-o", str(out)], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 1
    assert "line 2: not valid JSON" in proc.stderr
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in records] == ["a", "b"]
    assert records[1]["lang"] == "uk"
    assert not list(tmp_path.glob(".cleanprep-tmp-*"))


@pytest.mark.parametrize(("make", "message"), [
    (lambda p: p.mkdir(), "a directory"),
    (lambda p: None, "no such file"),
])
def test_detect_says_what_is_wrong_with_its_input_and_exits_2(tmp_path: Path, make, message) -> None:
    target = tmp_path / "input"
    make(target)
    proc = subprocess.run([*CLI, "detect", str(target), "-o", str(tmp_path / "out.jsonl")],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert f"input: {message} (give a JSONL or text file, or -)" in proc.stderr
    assert not (tmp_path / "out.jsonl").exists()


def _pool_threads() -> list:
    # The manager threads of process pools still running (a test run before this one may have left
    # one stopping: only the pools made here count).
    import threading
    from concurrent.futures.process import _ExecutorManagerThread

    return [t for t in threading.enumerate() if isinstance(t, _ExecutorManagerThread) and t.is_alive()]


def test_a_finished_worker_pool_is_joined_before_the_run_returns() -> None:
    # A pool left to stop on its own can still be closing its pipe when the interpreter exits, and
    # Python 3.11 then prints a traceback after a run that went well.
    from cleanprep.parallel import ordered_map

    before = _pool_threads()
    assert list(ordered_map(sorted, iter([[3, 1], [2, 0], [5, 4]]), jobs=2)) == [[1, 3], [0, 2], [4, 5]]
    assert _pool_threads() == before


def test_a_finished_clean_run_leaves_no_pool_behind(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    for n in range(3):
        (tmp_path / "in" / f"{n}.txt").write_text(SENTENCES["de"] + "\n", encoding="utf-8")
    options = RunOptions(outdir=tmp_path / "out", progress=False)
    before = _pool_threads()
    summary = run_clean([str(tmp_path / "in")], Config(jobs=2), options)
    assert not summary.failed and (tmp_path / "out" / "2.txt").exists()
    assert _pool_threads() == before


def test_a_pool_stopped_early_is_joined_thread_and_all() -> None:
    # The caller stops reading after the first chunk: the pool is stopped, not waited for, and its
    # manager thread must not outlive it (left running, it can print a traceback at exit).
    from cleanprep.parallel import ordered_map

    before = _pool_threads()
    results = ordered_map(sorted, iter([[3, 1], [2, 0], [5, 4], [7, 6], [9, 8]]), jobs=2)
    assert next(results) == [1, 3]
    results.close()
    assert _pool_threads() == before


def test_a_worker_that_dies_fails_its_document_only_and_leaves_no_pool_behind(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cleanprep.pipeline import Pipeline

    real = Pipeline.process_window

    def die_on_poison(self: Pipeline, window: list) -> list:
        # Runs in a worker (the class is patched before the fork, so nothing is pickled): the worker
        # dies the way an out-of-memory kill ends it, without a word.
        if any("POISON" in doc.text for doc in window):
            os._exit(9)
        return real(self, window)

    monkeypatch.setattr(Pipeline, "process_window", die_on_poison)
    (tmp_path / "in").mkdir()
    for n in range(4):
        (tmp_path / "in" / f"{n}.txt").write_text(SENTENCES["de"] + "\n", encoding="utf-8")
    (tmp_path / "in" / "2.txt").write_text("POISON\n" + SENTENCES["de"] + "\n", encoding="utf-8")
    options = RunOptions(outdir=tmp_path / "out", progress=False)
    before = _pool_threads()
    summary = run_clean([str(tmp_path / "in")], Config(jobs=2), options)
    assert [e["input"].endswith("2.txt") for e in summary.errors] == [True]
    assert "worker process died" in summary.errors[0]["error"]
    for n in (0, 1, 3):
        assert (tmp_path / "out" / f"{n}.txt").read_text(encoding="utf-8").startswith("Die Bürger")
    assert not (tmp_path / "out" / "2.txt").exists()
    assert _pool_threads() == before


def _slow_on_second(chunk: list[int]) -> list[int]:
    if chunk[0] == 2:
        time.sleep(60)  # a window that takes long: a stop must not wait for it
    return chunk


def test_a_pool_stopped_early_terminates_a_busy_worker() -> None:
    import multiprocessing as mp

    from cleanprep.parallel import ordered_map

    results = ordered_map(_slow_on_second, iter([[1], [2], [3], [4]]), jobs=2)
    assert next(results) == [1]
    started = time.monotonic()
    results.close()
    # The worker still sleeping on [2] is terminated, not waited for.
    assert time.monotonic() - started < 4
    assert mp.active_children() == []
