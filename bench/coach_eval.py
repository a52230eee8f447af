"""Evaluate the message coach on the held-out TEST split, next to two baselines.

Run from the repository root:  .venv/bin/python bench/coach_eval.py

Baselines (same split, same metrics):
- VADER sentiment: compound <= -0.05 predicts every eroding label, compound >= 0.05
  predicts every building label, anything in between predicts no label. This is the
  plain mapping; a sentiment score has no way to tell one label from another.
- alt-profanity-check: a message judged profane predicts contempt and blame (the two
  labels that name-calling and swearing at someone fall under); otherwise no label.
"""

import json
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hearth.core.coach import BUILDING, ERODING, LABELS, analyse  # noqa: E402

DATA = ROOT / "hearth" / "core" / "coach" / "data" / "messages.jsonl"

Predictor = Callable[[list[str]], list[set[str]]]


def load(split: str) -> list[tuple[str, set[str]]]:
    rows = []
    with DATA.open(encoding="utf-8") as fh:
        for line in fh:
            item = json.loads(line)
            if item["split"] == split:
                rows.append((item["text"], set(item["labels"])))
    return rows


def coach(texts: list[str]) -> list[set[str]]:
    return [set(analyse(t).label_names) for t in texts]


def vader(texts: list[str]) -> list[set[str]]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    sia = SentimentIntensityAnalyzer()
    out = []
    for t in texts:
        score = sia.polarity_scores(t)["compound"]
        out.append(set(ERODING) if score <= -0.05 else set(BUILDING) if score >= 0.05 else set())
    return out


def profanity(texts: list[str]) -> list[set[str]]:
    from profanity_check import predict

    return [{"contempt", "blame"} if p else set() for p in predict(texts)]


def scores(gold: list[set[str]], pred: list[set[str]]) -> dict[str, object]:
    per: dict[str, tuple[float, float, float, int]] = {}
    for label in LABELS:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if label in g and label in p)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if label not in g and label in p)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if label in g and label not in p)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[label] = (prec, rec, f1, tp + fn)
    macro = sum(v[2] for v in per.values()) / len(per)
    exact = sum(1 for g, p in zip(gold, pred, strict=True) if g == p) / len(gold)
    return {"per": per, "macro": macro, "exact": exact}


def main() -> int:
    test = load("test")
    train = load("train")
    texts = [t for t, _ in test]
    gold = [g for _, g in test]
    print(f"Held-out TEST split: {len(test)} messages (train: {len(train)}; never used here)\n")
    systems: dict[str, Predictor] = {"coach": coach, "vader": vader, "profanity": profanity}
    preds = {name: fn(texts) for name, fn in systems.items()}
    results = {name: scores(gold, p) for name, p in preds.items()}

    head = f"{'label':16}{'supp':>5} | {'coach P':>7} {'R':>5} {'F1':>5} |"
    head += f" {'vader P':>7} {'R':>5} {'F1':>5} | {'prof. P':>7} {'R':>5} {'F1':>5}"
    print(head)
    print("-" * len(head))
    for label in LABELS:
        row = f"{label:16}"
        for i, name in enumerate(systems):
            per = results[name]["per"]
            assert isinstance(per, dict)
            p, r, f, n = per[label]
            if i == 0:
                row += f"{n:>5} |"
            row += f" {p:7.2f} {r:5.2f} {f:5.2f} |"
        print(row.rstrip("|"))
    print("-" * len(head))
    for key, title in (("macro", "macro-F1"), ("exact", "exact match")):
        row = f"{title:22}|"
        for name in systems:
            value = results[name][key]
            assert isinstance(value, float)
            row += f" {'':7} {'':5} {value:5.3f} |"
        print(row.rstrip("|"))

    print("\nMost frequent remaining confusions of the coach (test split):")
    errors: dict[tuple[str, str], list[str]] = defaultdict(list)
    for text, g, p in zip(texts, gold, preds["coach"], strict=True):
        for label in p - g:
            errors[("false positive", label)].append(text)
        for label in g - p:
            errors[("missed", label)].append(text)
    counts = Counter({k: len(v) for k, v in errors.items()})
    for (kind, label), n in counts.most_common(10):
        print(f"  {kind:14} {label:15} x{n}")
        for example in errors[(kind, label)][:3]:
            print(f"      e.g. {example!r}")
    pairs: Counter[tuple[str, str]] = Counter()
    for g, p in zip(gold, preds["coach"], strict=True):
        for missed in g - p:
            for extra in p - g:
                pairs[(missed, extra)] += 1
    if pairs:
        print("\n  label swaps (gold -> predicted instead):")
        for (missed, extra), n in pairs.most_common(8):
            print(f"    {missed} -> {extra} x{n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
