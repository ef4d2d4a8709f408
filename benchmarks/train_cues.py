"""Train the attribution-cue model (`extract/cues.py`) on PolNeAR's *train* split.

Every verb of every article is an example (features: `cues.verb_features`); it is a cue when it
lies inside an annotated Cue span of the first annotator and the subject we would name as its
speaker (`language.speaker_of`) overlaps an annotated Source. A logistic regression with an L2
penalty, fitted by L-BFGS, writes `src/newsledger/data/cue_model.json` (features with a weight
worth keeping). The dev split is never read here.

    .venv/bin/python benchmarks/train_cues.py [--bench PATH] [--limit N] [--l2 1.0] [--out PATH]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import numpy as np
from scipy import optimize, sparse

sys.path.insert(0, str(Path(__file__).parent))

from attribution import load_gold
from newsledger import nlp
from newsledger.extract.cues import verb_features
from newsledger.extract.language import pos, speaker_of

ROOT = Path(__file__).resolve().parents[1]


def examples(path: Path, limit: int) -> tuple[list[list[str]], list[int]]:
    light, parser = nlp.load_light(), nlp.load_parser()
    feats: list[list[str]] = []
    labels: list[int] = []
    for _, text, gold in load_gold(path, limit, "train"):
        cues = [g[0] for g in gold["Cue"]]  # the first piece of each span
        sources = [g[0] for g in gold["Source"]]
        ents = [(e.start_char, e.end_char, e.label_) for e in light(text).ents]
        doc = parser(text)
        doc.ents = [s for s in (doc.char_span(a, b, label=lab, alignment_mode="expand") for a, b, lab in ents) if s is not None]
        quotes = [(m.start(), m.end()) for m in re.finditer(r"[\"“][^\"“”\n]{3,}[\"”]", text)]
        for tok in doc:
            if pos(tok) != "VERB":
                continue
            quoted = any(a < tok.idx < b for a, b in quotes)
            feats.append(verb_features(tok, quoted))
            who = speaker_of(tok)
            speaks = who is not None and any(who.left_edge.idx < b and a < who.idx + len(who.text) for a, b in sources)
            labels.append(int(speaks and any(a <= tok.idx < b for a, b in cues)))
    return feats, labels


def fit(feats: list[list[str]], labels: list[int], l2: float) -> dict[str, float]:
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, fs in enumerate(feats):
        for f in fs:
            rows.append(i)
            cols.append(vocab.setdefault(f, len(vocab)))
    x = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(feats), len(vocab)))
    y = np.asarray(labels, dtype=float)

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        ll = -np.sum(y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12)) + 0.5 * l2 * float(w @ w)
        return ll, x.T @ (p - y) + l2 * w

    w = optimize.minimize(loss, np.zeros(len(vocab)), jac=True, method="L-BFGS-B", options={"maxiter": 500}).x
    return {f: round(float(w[j]), 4) for f, j in vocab.items() if abs(w[j]) >= 0.05}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--bench", type=Path, default=ROOT.parent / "shared" / "bench")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "newsledger" / "data" / "cue_model.json")
    args = ap.parse_args()
    root = args.bench / "attribution"
    if not (root / "train").exists():
        print(f"skipped: {root / 'train'} not found")
        return
    feats, labels = examples(root, args.limit)
    weights = fit(feats, labels, args.l2)
    args.out.write_text(
        json.dumps({"trained_on": "PolNeAR train split", "examples": len(labels), "cues": sum(labels), "weights": weights},
                   ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")  # fmt: skip
    print(f"{len(labels)} verbs, {sum(labels)} cues; {len(weights)} weights written to {args.out}")


if __name__ == "__main__":
    main()
