"""People kept apart: person entities that hold two written-out names that disagree (given names
or initials differ, and no fuller name in the entity reconciles them), on a built ledger.

Reference, same run: the surnames of the ledger that two or more such written-out people share,
i.e. the people a merge by surname would fuse.

.venv/bin/python benchmarks/identities.py [--ledger DIR] [--bench PATH]   (builds BBC into a temporary folder without --ledger)
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import DEFAULT_BENCH
from newsledger.extract.entities import key_of


def given(key: str) -> list[str]:
    return key.split()[:-1]


def compatible(a: str, b: str) -> bool:
    """Two written-out names of one person: same surname, and given names that agree where both
    write them (an initial agrees with a name it starts)."""
    ga, gb = given(a), given(b)
    if a.split()[-1] != b.split()[-1]:
        return False
    return all(
        x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y)) for x, y in zip(ga, gb, strict=False)
    )


def two_people(aliases: list[str]) -> tuple[str, str] | None:
    full = sorted({key_of(a, "PERSON") for a in aliases if len(key_of(a, "PERSON").split()) > 1})
    for i, a in enumerate(full):
        for b in full[i + 1 :]:
            if not compatible(a, b) and not any(compatible(c, a) and compatible(c, b) for c in full if c not in (a, b)):
                return a, b
    return None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--ledger", type=Path, default=None)
    args = ap.parse_args()
    out = args.ledger
    if out is None:
        corpus = args.bench / "corpora" / "bbc"
        if not corpus.exists():
            print(f"skipped: {corpus} not found (pass --bench)")
            return
        out = Path(tempfile.mkdtemp(prefix="nl-ids-"))
        subprocess.run([sys.executable, "-m", "newsledger.cli", "build", str(corpus), "--quiet", "--out", str(out)], check=True)
    db = sqlite3.connect(out / "ledger.sqlite")
    people = [
        (name, json.loads(aliases)) for name, aliases in db.execute("SELECT name, aliases FROM entities WHERE label='PERSON'")
    ]
    bad = [(name, pair) for name, aliases in people if (pair := two_people(aliases))]
    by_surname: dict[str, set[str]] = defaultdict(set)
    for _, aliases in people:
        for a in aliases:
            k = key_of(a, "PERSON")
            if len(k.split()) > 1:
                by_surname[k.split()[-1]].add(k)
    shared = sum(1 for keys in by_surname.values() if two_people(sorted(keys)))
    print(f"{len(people)} person entities in {out}")
    print(f"person entities holding two people: {len(bad)}")
    for name, pair in bad[:10]:
        print(f"  {name}: {pair[0]!r} / {pair[1]!r}")
    print(f"reference: surnames two or more written-out people share (a merge by surname fuses them): {shared}")


if __name__ == "__main__":
    main()
