"""Which verbs PolNeAR's *train* split uses as attribution cues, and how often: the evidence
behind the reporting-verb lists in `extract/language.py` (the dev split stays for measuring).

Prints each verb lemma not yet in our lists that is a cue at least ``--min`` times and in at
least ``--share`` of the times it occurs as a verb.

    .venv/bin/python benchmarks/cue_verbs.py [--bench PATH] [--limit N] [--min 4] [--share 0.35]
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from newsledger import nlp
from newsledger.extract.language import REPORTING_VERBS, lemma


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--bench", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "bench")
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--min", type=int, default=4)
    ap.add_argument("--share", type=float, default=0.35)
    args = ap.parse_args()
    root = args.bench / "attribution" / "train"
    if not root.exists():
        print(f"skipped: {root} not found")
        return
    parser = nlp.load_parser()
    as_cue: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for txt in sorted((root / "text").glob("*.txt"))[: args.limit or None]:
        anns = sorted((root / "attributions").glob(txt.stem + "_*.ann"))
        if not anns:
            continue
        cues = [(int(a), int(b)) for a, b in re.findall(r"^T\d+\tCue (\d+) (\d+)", anns[0].read_text(), re.M)]
        for tok in parser(txt.read_text(encoding="utf-8")):
            if tok.tag_.startswith("VB"):
                seen[lemma(tok)] += 1
                as_cue[lemma(tok)] += any(a <= tok.idx < b for a, b in cues)
    rows = [
        (v, as_cue[v], seen[v])
        for v in seen
        if v not in REPORTING_VERBS and as_cue[v] >= args.min and as_cue[v] / seen[v] >= args.share
    ]
    print(f"{'verb':<16} {'as cue':>7} {'as verb':>8} {'share':>6}")
    for verb, cue, n in sorted(rows, key=lambda r: -r[1]):
        print(f"{verb:<16} {cue:>7} {n:>8} {cue / n:>6.2f}")


if __name__ == "__main__":
    main()
