"""Which unit a written name means where it can mean two: "pounds" (weight or sterling), "¥"
(Japanese yen or Chinese yuan). A multinomial naive Bayes over the sentence's words per ambiguous
name, trained on CQE's unit-disambiguation training sentences (`benchmarks/train_units.py`, which
writes `data/unit_choice.json`); nothing in it is written by hand.

``choose(name, sentence)`` gives the unit, or None where the model has no view (no such name).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

MODEL = Path(__file__).resolve().parents[1] / "data" / "unit_choice.json"
# each ambiguous name and the units it can mean (quantulum3's names, as claims are written)
AMBIGUOUS = {"pound": ("pound-mass", "pound sterling"), "¥": ("japanese yen", "chinese yuan")}
WORD = re.compile(r"[a-z]+|[¥£$€]")


def words(sentence: str) -> list[str]:
    """The features: the sentence's lower-cased words (and currency signs)."""
    return WORD.findall(sentence.lower())


@lru_cache(maxsize=1)
def _model() -> dict:
    return json.loads(MODEL.read_text(encoding="utf-8")) if MODEL.exists() else {}


def best(model: dict, feats: list[str]) -> str:
    """The unit of ``model`` (one ambiguous name's) the words make likeliest: naive Bayes, words
    outside its vocabulary ignored."""
    vocab = set(model["vocab"])
    return max(
        model["prior"],
        key=lambda u: model["prior"][u] + sum(model["like"][u].get(w, model["unseen"][u]) for w in feats if w in vocab),
    )


def choose(name: str, sentence: str) -> str | None:
    """The likelier unit for ``name`` in ``sentence`` by the trained model, else None."""
    m = _model().get(name)
    return best(m, words(sentence)) if m else None
