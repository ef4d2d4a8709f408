"""Train the unit chooser (`extract/unit_choice.py`) on CQE's unit-disambiguation *training*
sentences (../shared/bench/quantities/units-train.json): for each ambiguous name ("pound": weight or
sterling; "¥": yen or yuan) a multinomial naive Bayes over the sentence's words, written to
`src/newsledger/data/unit_choice.json`. Prints its accuracy on the check part of a fixed hash split
(trained on tune only for that figure) beside the majority unit's, then trains on all of it.

    .venv/bin/python benchmarks/train_units.py [--bench PATH] [--out PATH]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import DEFAULT_BENCH, half
from newsledger.extract.unit_choice import AMBIGUOUS, MODEL, best, words

MIN_COUNT = 2  # a word seen fewer times in a family's sentences is no feature


def fit(rows: list[tuple[list[str], str]], units: tuple[str, ...]) -> dict:
    counts = {u: Counter() for u in units}
    docs = Counter()
    for feats, unit in rows:
        counts[unit].update(feats)
        docs[unit] += 1
    vocab = sorted(w for w, n in sum(counts.values(), Counter()).items() if n >= MIN_COUNT)
    model = {"vocab": vocab, "prior": {}, "like": {}, "unseen": {}}
    for u in units:
        total = sum(counts[u][w] for w in vocab) + len(vocab)
        model["prior"][u] = math.log((docs[u] + 1) / (sum(docs.values()) + len(units)))
        model["like"][u] = {w: round(math.log((counts[u][w] + 1) / total), 4) for w in vocab if counts[u][w]}
        model["unseen"][u] = round(math.log(1 / total), 4)
    return model


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--out", type=Path, default=MODEL)
    args = ap.parse_args()
    path = args.bench / "quantities" / "units-train.json"
    if not path.exists():
        print(f"skipped: {path} not found (pass --bench)")
        return
    data = json.loads(path.read_text(encoding="utf-8"))
    out = {}
    for name, units in AMBIGUOUS.items():
        items = [d for d in data if d["unit"] in units]
        rows = [(words(d["text"]), d["unit"]) for d in items]
        tune = [r for r, d in zip(rows, items, strict=True) if half(d["text"]) == "tune"]
        check = [r for r, d in zip(rows, items, strict=True) if half(d["text"]) == "check"]
        model = fit(tune, units)
        right = sum(best(model, f) == u for f, u in check)
        majority = Counter(u for _, u in tune).most_common(1)[0][0]
        base = sum(u == majority for _, u in check)
        print(f"{name}: {len(rows)} sentences; check accuracy {right / len(check):.3f} ({right}/{len(check)}), "
              f"majority unit {base / len(check):.3f}")  # fmt: skip
        out[name] = fit(rows, units)
    args.out.write_text(json.dumps(out, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    print(f"written: {args.out}")


if __name__ == "__main__":
    main()
