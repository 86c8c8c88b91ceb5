"""No loss: atomic outputs, resume from the manifest, Ctrl-C and SIGKILL in the middle of a run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cleanprep.config import Config
from cleanprep.runner import RunOptions, run_clean
from cleanprep.write import AtomicFile
from cleanprep.write.atomic import TMP_MARK
from cleanprep.write.manifest import MANIFEST_DIR, MANIFEST_NAME

CLI = [sys.executable, "-m", "cleanprep", "clean", "--no-chrome", "--foreign", "drop"]
PARAGRAPHS = [
    "The river rose overnight and flooded the lower town. Residents were evacuated by boat.",
    "Річка піднялася вночі й затопила нижнє місто.",
    "Officials said the cost of the repairs was not yet known.",
    "Der Fluss stieg über Nacht an und überflutete die Unterstadt.",
]


def make_tree(root: Path, n: int) -> Path:
    for i in range(n):
        folder = root / f"part{i % 5}"
        folder.mkdir(parents=True, exist_ok=True)
        body = "\n\n".join(PARAGRAPHS[(i + k) % 4] + f" Item {i}." for k in range(6))
        (folder / f"page{i:04d}.txt").write_text(body + "\n", encoding="utf-8")
    return root


def files(outdir: Path) -> dict[str, bytes]:
    return {p.relative_to(outdir).as_posix(): p.read_bytes()
            for p in sorted(outdir.rglob("*")) if p.is_file() and MANIFEST_DIR not in p.parts}


def manifest_lines(outdir: Path) -> int:
    path = outdir / MANIFEST_DIR / MANIFEST_NAME
    return path.read_bytes().count(b"\n") if path.exists() else 0


def start(inputs: Path, outdir: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([*CLI, str(inputs), "-o", str(outdir), "--jobs", "2", *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for_manifest(proc: subprocess.Popen, outdir: Path, lines: int) -> None:
    deadline = time.monotonic() + 90
    while manifest_lines(outdir) < lines:
        assert proc.poll() is None, "the run ended before it could be stopped"
        assert time.monotonic() < deadline
        time.sleep(0.02)


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    """300 input files and the outputs of one uninterrupted run over them."""
    base = tmp_path_factory.mktemp("resume")
    inputs = make_tree(base / "in", 300)
    reference = base / "reference"
    proc = subprocess.run([*CLI, str(inputs), "-o", str(reference), "--jobs", "2", "-q"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return inputs, files(reference)


def test_a_run_killed_with_sigkill_and_resumed_matches_an_uninterrupted_run(tree, tmp_path: Path) -> None:
    inputs, reference = tree
    outdir = tmp_path / "out"
    proc = start(inputs, outdir)
    wait_for_manifest(proc, outdir, 20)
    workers = [int(pid) for pid in subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True,
                                                   text=True).stdout.split()]
    proc.kill()  # SIGKILL: no handler runs, nothing is cleaned up
    proc.wait()
    time.sleep(0.5)
    alive = [pid for pid in workers
             if Path(f"/proc/{pid}").exists() and Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"]
    assert not alive, "workers outlived their killed parent"
    done_before = manifest_lines(outdir)
    assert done_before < 300, "the run finished before it was killed"

    resumed = subprocess.run([*CLI, str(inputs), "-o", str(outdir), "--jobs", "2", "--resume",
                              "--report", str(tmp_path / "report.json")],
                             capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert json.loads((tmp_path / "report.json").read_text())["skipped_complete"] >= done_before - 1
    assert files(outdir) == reference
    assert not [p for p in outdir.rglob("*") if p.name.startswith(TMP_MARK)]


def test_ctrl_c_stops_cleanly_with_a_summary_and_no_partial_files(tree, tmp_path: Path) -> None:
    inputs, reference = tree
    outdir = tmp_path / "out"
    proc = start(inputs, outdir)
    wait_for_manifest(proc, outdir, 20)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "INTERRUPTED" in err
    assert "Traceback" not in err
    written = files(outdir)
    assert 0 < len(written) < 300
    # Every output left behind is complete, byte for byte, and recorded in the manifest.
    assert all(reference[name] == data for name, data in written.items())
    assert manifest_lines(outdir) == len(written)
    assert not [p for p in outdir.rglob("*") if p.name.startswith(TMP_MARK)]


def test_sigterm_stops_a_run_like_ctrl_c(tree, tmp_path: Path) -> None:
    inputs, _ = tree
    outdir = tmp_path / "out"
    proc = start(inputs, outdir)
    wait_for_manifest(proc, outdir, 5)
    proc.terminate()
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "Traceback" not in err
    assert not [p for p in outdir.rglob("*") if p.name.startswith(TMP_MARK)]


def _run(inputs: Path, outdir: Path, resume: bool) -> object:
    return run_clean([str(inputs)], Config(jobs=1, chrome=False, foreign="drop"),
                     RunOptions(outdir=outdir, resume=resume, progress=False))


def test_resume_trusts_the_manifest_not_the_existence_of_a_file(tmp_path: Path) -> None:
    inputs = make_tree(tmp_path / "in", 4)
    outdir = tmp_path / "out"
    outdir.mkdir()
    # An output that exists without a manifest entry (say, from an older tool) is redone.
    stale = outdir / "part0" / "page0000.txt"
    stale.parent.mkdir()
    stale.write_text("stale")
    summary = _run(inputs, outdir, resume=True)
    assert summary.skipped_units == 0
    assert stale.read_text() != "stale"

    summary = _run(inputs, outdir, resume=True)
    assert summary.skipped_units == 4 and summary.documents == 0

    # An output deleted since, and an input changed since, are both redone; the rest skipped.
    (outdir / "part1" / "page0001.txt").unlink()
    changed = inputs / "part2" / "page0002.txt"
    changed.write_text("A new version of this page about the river.\n")
    summary = _run(inputs, outdir, resume=True)
    assert summary.skipped_units == 2 and summary.documents == 2
    assert (outdir / "part2" / "page0002.txt").read_text() == "A new version of this page about the river.\n"


def test_resume_with_other_options_redoes_everything(tmp_path: Path) -> None:
    inputs = make_tree(tmp_path / "in", 3)
    outdir = tmp_path / "out"
    _run(inputs, outdir, resume=False)
    summary = run_clean([str(inputs)], Config(jobs=1, chrome=False, foreign="keep"),
                        RunOptions(outdir=outdir, resume=True, progress=False))
    assert summary.skipped_units == 0 and summary.documents == 3


def test_a_torn_manifest_line_from_a_kill_does_not_swallow_the_next_entry(tmp_path: Path) -> None:
    inputs = make_tree(tmp_path / "in", 3)
    outdir = tmp_path / "out"
    _run(inputs, outdir, resume=False)
    manifest = outdir / MANIFEST_DIR / MANIFEST_NAME
    lines = manifest.read_text().splitlines(keepends=True)
    manifest.write_text("".join(lines[:2]) + lines[2][:25])  # killed in the middle of the third line
    assert _run(inputs, outdir, resume=True).skipped_units == 2
    assert _run(inputs, outdir, resume=True).skipped_units == 3


def test_an_atomic_file_is_invisible_until_committed_and_gone_when_aborted(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_text("old")
    f = AtomicFile(target)
    f.write("new, half written")
    assert target.read_text() == "old"
    f.abort()
    assert target.read_text() == "old"
    assert os.listdir(tmp_path) == ["a.txt"]
    with AtomicFile(target) as g:
        g.write("new")
    assert target.read_text() == "new" and os.listdir(tmp_path) == ["a.txt"]


def test_temporary_files_left_by_a_killed_run_are_removed_by_the_next(tmp_path: Path) -> None:
    inputs = make_tree(tmp_path / "in", 2)
    outdir = tmp_path / "out"
    (outdir / "part0").mkdir(parents=True)
    leftover = outdir / "part0" / f"{TMP_MARK}12345-page0000.txt"
    leftover.write_text("half")
    _run(inputs, outdir, resume=True)
    assert not leftover.exists()
