"""The shipped linear model: TF-IDF weighted features, one logistic unit per label.

Weights live in ``data/model.json`` (written by ``tools/coach_train.py``) and
are read with the standard library only.
"""

import json
import math
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

CUE_PREFIXES = ("r:", "rn:", "a:", "len:")
MODEL_PATH = Path(__file__).parent / "data" / "model.json"


@dataclass(frozen=True)
class Model:
    labels: tuple[str, ...]
    bias: tuple[float, ...]
    thresholds: tuple[float, ...]
    # feature -> (idf, weight per label)
    weights: dict[str, tuple[float, tuple[float, ...]]]

    def vector(self, feats: Counter[str]) -> dict[str, float]:
        """Sub-linear TF times IDF, L2-normalised, over known features only."""
        vec: dict[str, float] = {}
        for feat, count in feats.items():
            entry = self.weights.get(feat)
            if entry is not None and not is_cue_feature(feat):
                vec[feat] = (1.0 + math.log(count)) * entry[0]
        norm = math.sqrt(sum(v * v for v in vec.values()))
        if norm > 0:
            for feat in vec:
                vec[feat] /= norm
        # Cue features stay binary and outside the norm, so a long message does not
        # dilute a clear cue such as "split up".
        for feat in feats:
            if is_cue_feature(feat) and feat in self.weights:
                vec[feat] = 1.0
        return vec

    def probabilities(self, vec: dict[str, float]) -> list[float]:
        logits = list(self.bias)
        for feat, value in vec.items():
            ws = self.weights[feat][1]
            for i, w in enumerate(ws):
                if w:
                    logits[i] += value * w
        return [_sigmoid(z) for z in logits]

    def contributions(self, vec: dict[str, float], label_index: int) -> dict[str, float]:
        return {f: v * self.weights[f][1][label_index] for f, v in vec.items()}


def is_cue_feature(feat: str) -> bool:
    return feat.startswith(CUE_PREFIXES)


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def model_from_dict(data: dict[str, object]) -> Model:
    labels = tuple(str(x) for x in _as_list(data["labels"]))
    bias = tuple(float(str(x)) for x in _as_list(data["bias"]))
    thresholds = tuple(float(str(x)) for x in _as_list(data["thresholds"]))
    raw = data["features"]
    if not isinstance(raw, dict):
        raise ValueError("features must be an object")
    weights: dict[str, tuple[float, tuple[float, ...]]] = {}
    for feat, row in raw.items():
        values = _as_list(row)
        weights[str(feat)] = (float(values[0]), tuple(float(v) for v in values[1:]))
    return Model(labels, bias, thresholds, weights)


def _as_list(value: object) -> list[float | int | str]:
    if not isinstance(value, list):
        raise ValueError("expected a list in the model file")
    return value


@cache
def load_model(path: Path = MODEL_PATH) -> Model:
    with path.open(encoding="utf-8") as fh:
        data = json.load(fh)
    return model_from_dict(data)
