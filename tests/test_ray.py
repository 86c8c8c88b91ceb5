"""The Ray engine cleans exactly as the local engine does: same documents, clean text and verdicts.

Runs on a local Ray with 2 CPUs, started once for the module (Ray takes seconds to start). The
chrome judge and language id keep changing, so the engines are compared with each other, never
with fixed strings.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

ray = pytest.importorskip("ray", reason="the Ray engine needs the extra: pip install 'cleanprep[ray]'")
pytest.importorskip("ray.data", reason="the Ray engine needs Ray Data: pip install 'cleanprep[ray]'")

import pyarrow as pa  # noqa: E402 - after the skip: pyarrow comes with the extra
import pyarrow.parquet as pq  # noqa: E402

from cleanprep import Config, ConfigError, Pipeline  # noqa: E402
from cleanprep.cli import main  # noqa: E402
from cleanprep.engines.ray_engine import RAY_MISSING, clean_dataset, import_ray, run_clean_ray  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"
CHROME_DEV = SHARED / "eval" / "chrome-dev.jsonl"
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed pages not found at {SEEDS}")
needs_chrome_dev = pytest.mark.skipif(not CHROME_DEV.is_file(), reason=f"{CHROME_DEV} is not beside the repo")


@pytest.fixture(scope="module", autouse=True)
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, logging_level="warning")
    yield
    ray.shutdown()


def seed_records() -> list[dict]:
    return [{"id": p.name, "text": p.read_text(encoding="utf-8")} for p in sorted(SEEDS.glob("*.txt"))]


def local_results(records: list[dict], config: Config) -> dict[str, tuple]:
    """id -> (clean text, lang, [(lang, verdict, reason) per segment], error) from the local pipeline."""
    out = {}
    for doc in Pipeline(config).run(records):
        verdicts = [(s.lang, s.verdict, s.reason) for s in doc.segments]
        out[doc.id] = (doc.clean if doc.error is None else None, doc.lang if doc.error is None else None,
                       verdicts if doc.error is None else None, doc.error)
    return out


def ray_results(rows: list[dict]) -> dict[str, tuple]:
    """The same view of the rows that `clean_dataset` gives back."""
    out = {}
    for row in rows:
        verdicts = None
        if row["segments"] is not None:
            verdicts = [(s["lang"], s["verdict"], s.get("reason", "")) for s in json.loads(row["segments"])]
        out[row["id"]] = (row["clean"], row["lang"], verdicts, row["error"])
    return out


@needs_seeds
def test_seeds_clean_the_same_on_ray_and_failed_rows_stay_with_their_error():
    config = Config(jobs=1)
    records = seed_records()
    expected = local_results(records, config)
    assert all(r[3] is None for r in expected.values()), f"the local pipeline fails on the seeds: {expected}"
    ds = ray.data.from_items(records + [{"id": "no-text", "text": None}])

    rows = clean_dataset(ds, config, concurrency=2, batch_size=2).take_all()

    got = ray_results(rows)
    assert got.pop("no-text") == (None, None, None, 'a row needs a string "text" field')
    assert got == expected


@needs_chrome_dev
def test_200_chrome_dev_pages_clean_the_same_on_ray():
    with open(CHROME_DEV, encoding="utf-8") as fh:
        records = [{"id": r["id"], "text": r["text"]} for r in map(json.loads, fh.readlines()[:200])]
    config = Config(jobs=1)
    expected = local_results(records, config)

    got = ray_results(clean_dataset(ray.data.from_items(records), config, concurrency=2).take_all())

    assert len(got) == 200
    assert sum(r[3] is None for r in expected.values()) > 150, "the local pipeline fails on most pages"
    assert got == expected


@needs_seeds
def test_cli_engine_ray_writes_the_same_tree_as_local(tmp_path: Path):
    tree = tmp_path / "in"
    for i, seed in enumerate(sorted(SEEDS.glob("*.txt"))):
        folder = tree / f"site{i % 2}"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(seed, folder / seed.name)
    (tree / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in seed_records()[:2]) + "{bad\n")
    (tree / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))

    codes = {engine: main(["clean", str(tree), "-o", str(tmp_path / engine), "--engine", engine,
                           "--jobs", "1", "-q"]) for engine in ("local", "ray")}

    assert codes == {"local": 1, "ray": 1}  # the bad JSONL line and the PNG are failures, reported
    local = {p.relative_to(tmp_path / "local"): p.read_bytes() for p in (tmp_path / "local").rglob("*")
             if p.is_file()}
    remote = {p.relative_to(tmp_path / "ray"): p.read_bytes() for p in (tmp_path / "ray").rglob("*")
              if p.is_file()}
    assert len(local) == 7  # five seeds, the JSONL and the manifest; no output for the PNG
    assert remote == local


@needs_seeds
def test_parquet_in_parquet_out_keeps_columns_and_cleans_text(tmp_path: Path):
    records = seed_records()
    table = pa.table({"id": [r["id"] for r in records], "text": [r["text"] for r in records],
                      "crawl": list(range(len(records)))})
    pq.write_table(table, tmp_path / "pages.parquet")
    config = Config(jobs=1, format="jsonl")

    summary = run_clean_ray([str(tmp_path / "pages.parquet")], config, tmp_path / "out", progress=False)

    out = pq.read_table(tmp_path / "out" / "pages.parquet").to_pylist()
    expected = local_results(records, config)
    assert summary.documents == len(records) and not summary.failed
    assert [r["crawl"] for r in out] == list(range(len(records)))
    assert {r["id"]: r["text"] for r in out} == {k: v[0] for k, v in expected.items()}
    assert {r["id"]: r["lang"] for r in out} == {k: v[1] for k, v in expected.items()}


def test_without_ray_the_engine_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch, capsys):
    monkeypatch.setitem(sys.modules, "ray", None)  # what `import ray` meets when the extra is missing

    with pytest.raises(ConfigError, match="pip install 'cleanprep\\[ray\\]'"):
        import_ray()
    assert main(["clean", str(SEEDS), "-o", "-", "--engine", "ray"]) == 2
    assert RAY_MISSING in capsys.readouterr().err
