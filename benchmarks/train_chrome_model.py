"""Train the chrome judge's logistic scorer (models/chrome-judge.json) on a labelled chrome set.

Training data: ../shared/eval/chrome-dev.jsonl (pages from the trafilatura evaluation set, Apache-2.0,
converted to text with html-text). A line is labelled "article" when it holds one of the page's "with"
segments and "chrome" when it holds a "without" segment; other lines are not used. The model sees
only generic line features (`cleanprep.chrome.features.FEATURES`), never words of the pages.

To measure generalisation, pages are split in two halves by a hash of their id: the model (and its
threshold) is fitted on one half and scored end to end on the other, both ways; the shipped model is
then fitted on all pages.

usage: python benchmarks/train_chrome_model.py ../shared/eval/chrome-dev.jsonl [--out models/chrome-judge.json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from chrome_eval import assemble, load_docs, page_half, score  # noqa: E402

from cleanprep.chrome.features import FEATURES, feature_matrix, line_table  # noqa: E402
from cleanprep.chrome.judge import ChromeModel, judge_with  # noqa: E402
from cleanprep.chrome.recurrence import RecurrenceIndex  # noqa: E402
from cleanprep.document import KEEP  # noqa: E402


def labelled_rows(record: dict, doc, index: RecurrenceIndex) -> tuple[np.ndarray, np.ndarray]:  # noqa: ANN001
    """Feature rows and labels (1 article, 0 chrome) of the lines that hold a with/without segment."""
    lines = line_table(doc)
    if not lines:
        return np.zeros((0, len(FEATURES))), np.zeros(0)
    x = feature_matrix(doc, lines, index.shares([ln.key for ln in lines]))
    rows, labels = [], []
    for i, ln in enumerate(lines):
        pos = any(s in ln.text for s in record["with"])
        neg = any(s in ln.text for s in record["without"])
        if pos != neg:
            rows.append(x[i])
            labels.append(1.0 if pos else 0.0)
    return (np.array(rows), np.array(labels)) if rows else (np.zeros((0, len(FEATURES))), np.zeros(0))


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 30) -> np.ndarray:
    """Weights of an L2-regularised logistic regression, by Newton's method (the bias is not penalised)."""
    w = np.zeros(x.shape[1])
    reg = np.full(x.shape[1], l2)
    reg[0] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) + reg * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(reg) + 1e-6 * np.eye(x.shape[1])
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def end_to_end(records: list[dict], docs: list, index: RecurrenceIndex, model: ChromeModel) -> dict:
    """Score of the judge with `model` on these pages, as the scorer computes it."""
    outs = []
    for d in docs:
        for s in d.segments:
            s.verdict, s.reason = KEEP, ""
        judge_with(d, index, model)
        outs.append(assemble(d))
    return score(records, outs)


def best_threshold(records: list[dict], docs: list, index: RecurrenceIndex, weights: dict) -> tuple[float, dict]:
    """The threshold with the best F1 on these pages."""
    best = (0.0, 0.5, {})
    for t in (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6):
        res = end_to_end(records, docs, index, ChromeModel(weights, t))
        if res["f1"] > best[0]:
            best = (res["f1"], t, res)
    return best[1], best[2]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("set")
    ap.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "models" / "chrome-judge.json"))
    ap.add_argument("--l2", type=float, default=1.0)
    args = ap.parse_args(argv)

    records = [json.loads(line) for line in open(args.set, encoding="utf-8") if line.strip()]
    docs = load_docs(args.set, None if "--no-cache" in sys.argv else str(Path("/tmp/cleanprep-chrome-eval.pkl")))
    index = RecurrenceIndex()
    for d in docs:
        index.add(d.fixed)
    data = [labelled_rows(r, d, index) for r, d in zip(records, docs)]
    halves = [page_half(r["id"]) for r in records]

    def fit(pages: list[int]) -> dict[str, float]:
        x = np.concatenate([data[i][0] for i in pages])
        y = np.concatenate([data[i][1] for i in pages])
        return dict(zip(FEATURES, fit_logistic(x, y, args.l2).tolist()))

    report = {}
    for train_half in (0, 1):
        train = [i for i, h in enumerate(halves) if h == train_half]
        test = [i for i, h in enumerate(halves) if h != train_half]
        weights = fit(train)
        t, fit_res = best_threshold([records[i] for i in train], [docs[i] for i in train], index, weights)
        held = end_to_end([records[i] for i in test], [docs[i] for i in test], index, ChromeModel(weights, t))
        report[f"train_half_{train_half}"] = {"threshold": t, "train": fit_res, "held_out": held}
        print(json.dumps(report[f"train_half_{train_half}"]))
    weights = fit(list(range(len(records))))
    t, res = best_threshold(records, docs, index, weights)
    print(json.dumps({"all_pages": res, "threshold": t}))
    out = {
        "model": "logistic regression over cleanprep.chrome.features.FEATURES; P(article line)",
        "training_data": "chrome-dev.jsonl (trafilatura evaluation pages, Apache-2.0), with/without lines",
        "trained_by": "benchmarks/train_chrome_model.py",
        "threshold": t,
        "cross_validation": report,
        "weights": {k: round(v, 5) for k, v in weights.items()},
    }
    Path(args.out).write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
