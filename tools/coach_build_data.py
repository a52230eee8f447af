"""Rebuild the TRAIN split of hearth/core/coach/data/messages.jsonl from the repository.

Sources (all in tools/coach_data/):
- ``templates.json``: seed templates with {SLOT} markers, filled at random (seeded);
- ``handwritten_*.txt``: hand-written messages, used as they are. A line
  ``## label, label`` sets the labels of the lines below it (``## none``: no label);
  lines starting with a single ``#`` are comments.

The TEST split is read from the existing file and written back unchanged, in
the same order. Train messages equal to a test message, or with a token
Jaccard of 0.7 or more to one, are dropped (a leak guard; the count is printed).
The build is deterministic: same sources, same file.

Run from the repository root:  .venv/bin/python tools/coach_build_data.py
"""

import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "tools" / "coach_data"
DATA = ROOT / "hearth" / "core" / "coach" / "data" / "messages.jsonl"
SEED = 20240611
MAX_JACCARD = 0.7
MIN_TEST_SHARE = 0.15  # tests/core/test_coach_dataset.py asks for 15-30 % test messages

# How many template-made messages each label gets (every template is used at
# least once first). The hand-written files come on top of these.
TEMPLATE_TARGETS: dict[str, int] = {
    "blame": 100,
    "contempt": 95,
    "defensiveness": 95,
    "stonewalling": 125,
    "breakup_threat": 122,
    "dismissive": 115,
    "non_apology": 122,
    "i_statement": 95,
    "apology": 105,
    "validation": 115,
    "appreciation": 105,
    "request": 105,
    "time_out": 122,
    "none": 140,
}
MULTI_TRIES = 200

Row = dict[str, object]


def words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z0-9']+", text.lower()))


class Filler:
    """Fills {SLOT} templates and varies their style, from one seeded generator."""

    def __init__(self, slots: dict[str, list[str]], emoji: list[str], seed: int) -> None:
        self.slots = slots
        self.emoji = emoji
        self.rng = random.Random(seed)

    def pick(self, options: list[str]) -> str:
        return self.rng.choice(options)

    def fill(self, template: str) -> str:
        out = template
        # Longer slot names first, so {ACT2} is not read as {ACT} followed by "2".
        for name in sorted(self.slots, key=len, reverse=True):
            marker = "{" + name + "}"
            while marker in out:
                out = out.replace(marker, self.pick(self.slots[name]), 1)
        out = out.strip()
        return out[0].upper() + out[1:] if out else out

    def style(self, text: str, label: str) -> str:
        r = self.rng.random()
        if r < 0.15:
            text = text.lower()
        elif r < 0.25:
            text = re.sub(r"[.!?,]", "", text).lower()
        elif r < 0.33:
            for a, b in (("you ", "u "), ("You ", "U "), ("your ", "ur "), ("are ", "r ")):
                text = text.replace(a, b)
        elif r < 0.38:
            text = text.replace("'", "")
        if self.rng.random() < 0.15:
            e = self.pick(["", " 😂", " 🙏", " 👍"] if label == "none" else self.emoji)
            if label == "appreciation" and e in (" 😡", " 🙄"):
                e = " ❤️"
            if label in ("blame", "contempt") and e == " ❤️":
                e = " 🙄"
            text += e
        return text.strip()


def read_handwritten(path: Path) -> list[tuple[str, list[str]]]:
    out: list[tuple[str, list[str]]] = []
    labels: list[str] | None = None
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("##"):
            names = [x.strip() for x in line[2:].split(",") if x.strip()]
            labels = [] if names == ["none"] else names
            continue
        if line.startswith("#"):
            continue
        if labels is None:
            raise ValueError(f"{path.name}:{n}: message before any '## labels' line")
        out.append((line, labels))
    return out


def build(test: list[Row], labels_known: set[str]) -> tuple[list[Row], int]:
    spec = json.loads((SOURCES / "templates.json").read_text(encoding="utf-8"))
    filler = Filler(spec["slots"], spec["emoji"], SEED)
    rows: dict[str, Row] = {}
    test_texts = {str(r["text"]).strip().lower() for r in test}
    test_words = [words(str(r["text"])) for r in test]
    dropped = 0

    def add(text: str, labels: list[str]) -> bool:
        nonlocal dropped
        key = text.strip().lower()
        if not key or key in rows:
            return False
        unknown = set(labels) - labels_known
        if unknown:
            raise ValueError(f"unknown labels {sorted(unknown)} for {text!r}")
        w = words(text)
        if not w:
            raise ValueError(f"{text!r} has no words (the dataset tests compare word sets)")
        if key in test_texts or any(
            len(w & t) / len(w | t) >= MAX_JACCARD for t in test_words if w | t
        ):
            dropped += 1
            return False
        rows[key] = {"text": text.strip(), "labels": sorted(set(labels)), "split": "train"}
        return True

    for path in sorted(SOURCES.glob("handwritten_*.txt")):
        for text, labels in read_handwritten(path):
            add(text, labels)

    templates: dict[str, list[str]] = spec["templates"]
    for label, temps in templates.items():
        labs = [] if label == "none" else [label]
        target = TEMPLATE_TARGETS[label]
        count = tries = 0
        while count < target and tries < target * 20:
            tries += 1
            first_pass = count < len(temps) and tries <= len(temps)
            template = temps[count] if first_pass else filler.pick(temps)
            text = filler.fill(template)
            if tries % 3 == 0:
                text = filler.style(text, label)
            count += add(text, labs)

    multi: list[list[object]] = spec["multi"]
    for _ in range(MULTI_TRIES):
        labs_obj, template_obj = filler.rng.choice(multi)
        assert isinstance(labs_obj, list) and isinstance(template_obj, str)
        labs = [str(x) for x in labs_obj]
        text = filler.fill(template_obj)
        if filler.rng.random() < 0.3:
            text = filler.style(text, labs[0])
        add(text, labs)
    return list(rows.values()), dropped


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from hearth.core.coach.taxonomy import LABELS

    with DATA.open(encoding="utf-8") as fh:
        existing: list[Row] = [json.loads(line) for line in fh]
    test = [r for r in existing if r["split"] == "test"]
    train, dropped = build(test, set(LABELS))
    share = len(test) / (len(test) + len(train))
    if share < MIN_TEST_SHARE:
        print(f"train split too large: test share {share:.3f} < {MIN_TEST_SHARE}", file=sys.stderr)
        return 1
    with DATA.open("w", encoding="utf-8") as fh:
        for row in train + test:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    counts: dict[str, dict[str, int]] = {"train": {}, "test": {}}
    for split, items in (("train", train), ("test", test)):
        for row in items:
            labels = row["labels"]
            assert isinstance(labels, list)
            for label in labels or ["none"]:
                counts[split][label] = counts[split].get(label, 0) + 1
    print(
        f"train {len(train)}  test {len(test)}  (test share {share:.3f}; leak guard dropped "
        f"{dropped})"
    )
    print(f"{'label':16}{'train':>6}{'test':>6}")
    for label in [*LABELS, "none"]:
        print(f"{label:16}{counts['train'].get(label, 0):>6}{counts['test'].get(label, 0):>6}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
