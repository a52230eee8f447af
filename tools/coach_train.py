"""Train the message coach's linear model and write hearth/core/coach/data/model.json.

Uses only the TRAIN split. Per-label decision thresholds are chosen on
out-of-fold predictions from 5-fold cross-validation inside TRAIN, so the
TEST split stays unseen until bench/coach_eval.py.

Rebuild the TRAIN split first if its sources changed:  .venv/bin/python tools/coach_build_data.py
Run from the repository root:  .venv/bin/python tools/coach_train.py
"""

import json
import math
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hearth.core.coach.features import extract  # noqa: E402
from hearth.core.coach.model import is_cue_feature  # noqa: E402
from hearth.core.coach.taxonomy import LABELS  # noqa: E402

DATA = ROOT / "hearth" / "core" / "coach" / "data"
SEED = 13
C = 8.0
MIN_DF = 2


def load_train() -> tuple[list[str], np.ndarray]:
    texts: list[str] = []
    rows: list[list[int]] = []
    with (DATA / "messages.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            item = json.loads(line)
            if item["split"] != "train":
                continue
            texts.append(item["text"])
            rows.append([int(label in item["labels"]) for label in LABELS])
    return texts, np.array(rows, dtype=np.int64)


def build_matrix(feats: list[Counter[str]], vocab: dict[str, int], idf: np.ndarray) -> csr_matrix:
    data: list[float] = []
    indices: list[int] = []
    indptr = [0]
    for counts in feats:
        row = {
            vocab[f]: (1.0 + math.log(c)) * idf[vocab[f]]
            for f, c in counts.items()
            if f in vocab and not is_cue_feature(f)
        }
        norm = math.sqrt(sum(v * v for v in row.values())) or 1.0
        row = {j: v / norm for j, v in row.items()}
        # Cue features: binary, outside the norm (as in Model.vector).
        row.update({vocab[f]: 1.0 for f in counts if f in vocab and is_cue_feature(f)})
        for j, v in sorted(row.items()):
            indices.append(j)
            data.append(v)
        indptr.append(len(indices))
    return csr_matrix((data, indices, indptr), shape=(len(feats), len(vocab)))


def fit_vocab(feats: list[Counter[str]]) -> tuple[dict[str, int], np.ndarray]:
    df: Counter[str] = Counter()
    for counts in feats:
        df.update(counts.keys())
    keep = sorted(f for f, n in df.items() if n >= MIN_DF or is_cue_feature(f))
    vocab = {f: i for i, f in enumerate(keep)}
    n = len(feats)
    idf = np.array([math.log((1 + n) / (1 + df[f])) + 1.0 for f in keep])
    return vocab, idf


def fit_models(x: csr_matrix, y: np.ndarray) -> list[LogisticRegression]:
    models = []
    for j in range(y.shape[1]):
        clf = LogisticRegression(C=C, solver="liblinear", random_state=SEED, max_iter=2000)
        clf.fit(x, y[:, j])
        models.append(clf)
    return models


def best_threshold(p: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    best = (0.5, -1.0)
    for t in np.arange(0.2, 0.81, 0.05):
        pred = p >= t
        tp = int((pred & (y == 1)).sum())
        fp = int((pred & (y == 0)).sum())
        fn = int((~pred & (y == 1)).sum())
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        # Prefer thresholds near 0.5 on ties: the folds share template siblings.
        if f1 > best[1] + 1e-9 or (abs(f1 - best[1]) < 1e-9 and abs(t - 0.5) < abs(best[0] - 0.5)):
            best = (round(float(t), 2), f1)
    return best


def main() -> int:
    texts, y = load_train()
    feats = [extract(t).features for t in texts]
    oof = np.zeros(y.shape, dtype=float)
    for train_idx, val_idx in KFold(n_splits=5, shuffle=True, random_state=SEED).split(texts):
        vocab, idf = fit_vocab([feats[i] for i in train_idx])
        x_tr = build_matrix([feats[i] for i in train_idx], vocab, idf)
        x_va = build_matrix([feats[i] for i in val_idx], vocab, idf)
        for j, clf in enumerate(fit_models(x_tr, y[train_idx])):
            oof[val_idx, j] = clf.predict_proba(x_va)[:, 1]
    thresholds = []
    print(f"{'label':16} thr   cv-F1")
    for j, label in enumerate(LABELS):
        t, f1 = best_threshold(oof[:, j], y[:, j])
        thresholds.append(t)
        print(f"{label:16} {t:.2f}  {f1:.3f}")

    vocab, idf = fit_vocab(feats)
    x = build_matrix(feats, vocab, idf)
    models = fit_models(x, y)
    coef = np.vstack([m.coef_[0] for m in models])  # labels x features
    features: dict[str, list[float]] = {}
    for f, i in vocab.items():
        ws = [round(float(w), 4) for w in coef[:, i]]
        if any(abs(w) >= 1e-4 for w in ws):
            features[f] = [round(float(idf[i]), 4), *ws]
    out = {
        "version": 1,
        "labels": list(LABELS),
        "bias": [round(float(m.intercept_[0]), 4) for m in models],
        "thresholds": thresholds,
        "features": features,
    }
    path = DATA / "model.json"
    path.write_text(json.dumps(out, separators=(",", ":"), sort_keys=True), encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)}: {len(features)} features, {len(texts)} messages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
