import json
import re
from collections import Counter
from pathlib import Path

from hearth.core.coach import LABELS

DATA = Path(__file__).resolve().parents[2] / "hearth" / "core" / "coach" / "data" / "messages.jsonl"


def rows() -> list[dict[str, object]]:
    with DATA.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def test_it_has_at_least_two_thousand_well_formed_messages() -> None:
    data = rows()
    assert len(data) >= 2000
    for row in data:
        assert isinstance(row["text"], str) and row["text"].strip()
        assert row["split"] in ("train", "test")
        assert isinstance(row["labels"], list)
        assert set(row["labels"]) <= set(LABELS)


def test_it_covers_every_label_in_both_splits() -> None:
    counts = {"train": Counter[str](), "test": Counter[str]()}
    for row in rows():
        labels = row["labels"]
        assert isinstance(labels, list)
        counts[str(row["split"])].update(labels or ["none"])
    for label in [*LABELS, "none"]:
        assert counts["train"][label] >= 120, label
        assert counts["test"][label] >= 25, label
    total = sum(1 for _ in rows())
    n_test = sum(1 for r in rows() if r["split"] == "test")
    assert 0.15 <= n_test / total <= 0.3


def test_it_keeps_test_messages_out_of_train() -> None:
    def words(text: object) -> frozenset[str]:
        return frozenset(re.findall(r"[a-z0-9']+", str(text).lower()))

    data = rows()
    train = [words(r["text"]) for r in data if r["split"] == "train"]
    train_texts = {str(r["text"]).strip().lower() for r in data if r["split"] == "train"}
    for row in data:
        if row["split"] != "test":
            continue
        assert str(row["text"]).strip().lower() not in train_texts
        test_words = words(row["text"])
        best = max(len(test_words & w) / len(test_words | w) for w in train)
        assert best < 0.7, row["text"]
