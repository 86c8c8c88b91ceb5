"""A run collects garbage less often while it lasts, and gives the caller back its own pace."""

from __future__ import annotations

import gc
from pathlib import Path

from cleanprep import Config
from cleanprep.gc_pace import COLLECT_EVERY
from cleanprep.runner import RunOptions, run_clean


def test_a_run_collects_less_often_and_restores_the_callers_pace(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("The council met on Monday and voted for the plan.\n")
    seen: list[int] = []
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    try:
        run_clean([str(tmp_path / "in")], Config(jobs=1, foreign="keep"),
                  RunOptions(outdir=tmp_path / "out", progress=False,
                             observers=[lambda doc: seen.append(gc.get_threshold()[0])]))
        assert seen == [COLLECT_EVERY]
        assert gc.get_threshold() == (700, 10, 10)
    finally:
        gc.set_threshold(*before)
    assert (tmp_path / "out" / "a.txt").read_text().startswith("The council met")
