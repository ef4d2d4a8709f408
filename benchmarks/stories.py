"""Stories on the BBC corpus (../shared/bench/corpora/bbc): what they join and what they keep apart.

BBC has no story labels, but its five sections (business, entertainment, politics, sport, tech)
are a floor: a story that joins two sections has joined two stories. Printed beside the same run's
references:

* purity: the share of articles whose story's largest section is their own (a story of one
  article is pure by construction, so the size of the stories is printed too);
* figures compared across articles that sit in a figure group joining two sections (issue
  target: at most 5%), with stories and, as the reference, with every article in one pile (the
  grouping before stories existed);
* plain TF-IDF (no English prior, no names), the same online grouping and threshold.

.venv/bin/python benchmarks/stories.py [--bench PATH] [--ledger DIR]   (builds BBC into a temporary folder without --ledger)
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import DEFAULT_BENCH
from newsledger.extract.entities import key_of
from newsledger.ledger import stories as S
from newsledger.ledger.figures import group_figures
from newsledger.ledger.store import Ledger
from newsledger.model import article_of


def section(source: str) -> str:
    parts = source.split("/")
    return parts[-2] if len(parts) > 1 else "?"


def purity(assign: dict[str, str], sec: dict[str, str]) -> tuple[float, int, int, int]:
    by: dict[str, list[str]] = defaultdict(list)
    for aid, sid in assign.items():
        by[sid].append(aid)
    pure = sum(Counter(sec[a] for a in v).most_common(1)[0][1] for v in by.values())
    return pure / max(len(assign), 1), len(by), sum(1 for v in by.values() if len(v) == 1), max(map(len, by.values()))


def mixing(claims: list[dict], sec: dict[str, str], places: set[str]) -> tuple[int, int]:
    groups = group_figures(claims, places)
    multi = [g for g in groups if len({article_of(c["article_id"]) for c in g.claims}) > 1]
    n = sum(len(g.claims) for g in multi)
    bad = sum(len(g.claims) for g in multi if len({sec[article_of(c["article_id"])] for c in g.claims}) > 1)
    return bad, n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--ledger", type=Path, default=None, help="a ledger already built from the BBC corpus")
    args = ap.parse_args()
    corpus = args.bench / "corpora" / "bbc"
    if not corpus.exists():
        print(f"skipped: {corpus} not found (pass --bench)")
        return
    out = args.ledger
    if out is None:
        out = Path(tempfile.mkdtemp(prefix="nl-stories-"))
        subprocess.run([sys.executable, "-m", "newsledger.cli", "build", str(corpus), "--quiet", "--out", str(out)], check=True)
    with Ledger(out) as ledger:
        items = list(ledger.story_inputs())
        claims = ledger.rows("claims")
        story_of = ledger.story_of()
        places = {key_of(e[0], "GPE") for e in ledger.db.execute("SELECT name FROM entities WHERE label IN ('GPE', 'LOC')")}
    sec = {i.id: section(i.outlet or "") for i in items}
    originals = {i.id for i in items if not i.duplicate_of}
    ours = {a: s for a, s in story_of.items() if a in originals}
    for i in items:
        i.story_id = None
    t = time.perf_counter()
    placed, _, _ = S.place_new(items, [], {}, 0)
    t_ours = time.perf_counter() - t
    saved = (S.PRIOR_DOCS, S.NAME_WEIGHT)
    S.PRIOR_DOCS, S.NAME_WEIGHT = 0, 0.0
    plain, _, _ = S.place_new(
        [S.StoryInput(i.id, i.title, i.text, i.published, i.outlet, [], i.duplicate_of) for i in items], [], {}, 0
    )
    S.PRIOR_DOCS, S.NAME_WEIGHT = saved
    print(f"BBC: {len(items)} articles, {len(originals)} originals; stories placed in {t_ours:.1f} s")
    print(f"{'grouping':<44} {'purity':>6} {'stories':>7} {'single':>6} {'largest':>7}")
    for name, assign in (
        ("newsledger stories (in the ledger)", ours),
        ("newsledger stories (placed again, cold)", {a: s for a, s in placed.items() if a in originals}),
        ("plain TF-IDF, same grouping and threshold", {a: s for a, s in plain.items() if a in originals}),
    ):
        p, n, single, largest = purity(assign, sec)
        print(f"{name:<44} {p:6.3f} {n:7d} {single:6d} {largest:7d}")
    for c in claims:
        c["story_id"] = story_of.get(article_of(c["article_id"]))
    bad, n = mixing(claims, sec, places)
    pile = [{**c, "story_id": None} for c in claims]
    bad0, n0 = mixing(pile, sec, places)
    print("figures compared across articles, in groups joining two sections:")
    print(f"  with stories: {bad} of {n} = {bad / max(n, 1):.3f}; reference, one pile: {bad0} of {n0} = {bad0 / max(n0, 1):.3f}")


if __name__ == "__main__":
    main()
