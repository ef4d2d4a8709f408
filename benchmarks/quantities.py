"""Figures on NewsQuant (dev half): value and value+unit P/R/F1, newsledger beside quantulum3.

Our records are mapped to the set's conventions, never the other way: a counted noun's unit is
the noun with its modifiers, a fraction of a whole is "% <whole>", pence ("164p") are "point"
(the last is also scored without the mapping, on its own line).

.venv/bin/python benchmarks/quantities.py [--bench PATH] [--limit N]
"""

from __future__ import annotations

import json
import re
import sys
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import bench_dir, half
from newsledger import nlp
from newsledger.extract.language import lemma
from newsledger.extract.stage import extract_texts

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from quantulum3 import parser as qparser


def _gold_value(v: str) -> tuple[float, float]:
    if "-" in v.strip("-")[1:]:
        a, b = v.split("-", 1) if not v.startswith("-") else ("-" + v[1:].split("-", 1)[0], v[1:].split("-", 1)[1])
        return float(a), float(b)
    return float(v), float(v)


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-5 * max(abs(a), abs(b), 1e-9)


def _words(text: str) -> set[str]:
    """Concept words as CQE's evaluation splits them (on commas and spaces, lower-cased; "-" is none)."""
    return {w for w in re.split(r"[,\s]+", (text or "-").lower()) if w}


def _agree(g: tuple, p: tuple, mode: str) -> bool:
    if not (_close(g[0], p[0]) and _close(g[1], p[1])):
        return False
    if mode == "unit":
        return g[2].lower() == (p[2] or "-").lower()
    if mode == "concept":
        return bool(_words(g[3]) & _words(p[3]))
    return True


def _prf(pairs: list[tuple[list[tuple], list[tuple]]], mode: str) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for gold, pred in pairs:
        left = list(gold)
        for p in pred:
            hit = next((g for g in left if _agree(g, p, mode)), None)
            if hit:
                tp += 1
                left.remove(hit)
            else:
                fp += 1
        fn += len(left)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


FUNCTION_WORDS = {"the", "a", "an", "my", "his", "her", "its", "their", "our", "your", "more", "fewer", "other", "some",
                  "all", "additional", "of", "these", "those", "such"}  # fmt: skip


FRACTION = re.compile(r"\b(?:half|halves|thirds?|quarters?|fourths?|fifths?|tenths?)\b", re.I)  # not "1/2 pound"


def _unit(c, pence_as_point: bool = True) -> str:
    """NewsQuant's unit for a counted noun is the noun with its modifiers ("public housing property"):
    our measure without articles, possessives, participles, adverbs and other amounts, ending in the
    unit's lemma, adjectives in their base form ("smaller tenancies": "small tenancy"). A fraction
    of a whole is a percentage of it there ("a third of the population": "% population"); pence are
    "point" there (main() also scores without that mapping)."""
    if c.unit == "penny" and pence_as_point:
        return "point"  # NewsQuant writes a share price in pence ("164p", "down 68 p") as "point"
    if FRACTION.search(c.text) and c.unit not in ("percentage", "dollar"):
        return f"% {_counted(c) if c.unit else '-'}"
    return _counted(c)


def _counted(c) -> str:
    words = (c.measure or "").split()
    if not c.unit or not words or not words[-1].lower().startswith(c.unit.lower()[:4]):
        return c.unit or "-"
    mods = [
        w
        for w in words[:-1]
        if w.lower() not in FUNCTION_WORDS and not re.fullmatch(r"[a-z]+(?:ed|ly)", w) and not re.search(r"\d", w)
    ]  # no participles, adverbs or other amounts ("250ml bottles")
    return " ".join([*_base_forms(mods), c.unit])


def _base_forms(words: list[str]) -> list[str]:
    """Adjectives in their base form ("realest": "real", "smaller": "small"), other words as written."""
    doc = nlp.load_parser()(" ".join(words))
    return [lemma(t) if t.tag_ in ("JJR", "JJS") else t.text for t in doc] if len(doc) == len(words) else words


def predictions(data: list[dict], pence_as_point: bool = True, claims: list | None = None) -> list[list[tuple]]:
    """Our figures per sentence as (low, high, unit, concept) in NewsQuant's terms (``claims``: the
    records of an extraction already run on ``data``)."""
    if claims is None:
        claims = extract_texts((str(i), "bench", d["text"]) for i, d in enumerate(data)).claims
    ours: list[list[tuple]] = [[] for _ in data]
    for c in claims:
        lo = c.low if c.low is not None else c.value
        hi = c.high if c.high is not None else c.value
        if c.value is not None:
            lo = hi = c.value
        if c.from_value is not None and c.value is not None and c.rule in ("to_from_move", "up_from"):
            # "rose to Y from X": two numbers written apart, two quantities in NewsQuant's terms
            ours[int(c.span.article_id)].append((c.from_value, c.from_value, _unit(c, pence_as_point), c.subject or "-"))
        elif c.from_value is not None and c.value is not None:
            lo, hi = c.from_value, c.value  # NewsQuant writes "from X to Y" as the range X-Y
        if lo is None or hi is None:
            continue
        ours[int(c.span.article_id)].append((lo, hi, _unit(c, pence_as_point), c.subject or "-"))
    return ours


def main() -> None:
    path, args = bench_dir("quantities", __doc__ or "")
    data = json.loads((path / "newsquant-dev.json").read_text())[: args.limit or None]
    golds = [
        [(*_gold_value(q["value"]), q.get("normalized_unit", "-"), q.get("referred_concepts", "-")) for q in d["quantities"]]
        for d in data
    ]
    claims = extract_texts((str(i), "bench", d["text"]) for i, d in enumerate(data)).claims
    ours = predictions(data, claims=claims)
    ref = [
        [
            (q.value, q.value, q.unit.name if q.unit.name != "dimensionless" else "-", q.unit.entity.name)
            for q in qparser.parse(d["text"])
        ]
        for d in data
    ]
    print(f"{len(data)} sentences from {path}; halves by a fixed hash of the sentence: tune 60%, check 40%")
    print(f"{'system':<22} {'value P/R/F1':>22} {'value+unit P/R/F1':>24} {'value+concept P/R/F1':>24}")
    halves = [half(d["text"]) for d in data]
    for part in ("all", "tune", "check"):
        keep = [i for i, h in enumerate(halves) if part in ("all", h)]
        for name, pred in (("quantulum3", ref), ("newsledger", ours)):
            cells = []
            for mode in ("value", "unit", "concept"):
                p, r, f = _prf([(golds[i], pred[i]) for i in keep], mode)
                cells.append(f"{p:>10.3f}{r:>7.3f}{f:>7.3f}")
            print(f"{name + ' (' + part + ')':<22} {' '.join(cells)}")
    p, r, f = _prf(list(zip(golds, predictions(data, pence_as_point=False, claims=claims), strict=True)), "unit")
    print(f"newsledger value+unit with pence as 'penny' (no mapping to the set's 'point'): {p:.3f} {r:.3f} {f:.3f}")


if __name__ == "__main__":
    main()
