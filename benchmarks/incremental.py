"""Build time and peak memory on the BBC corpus: cold, then incremental with 10% new articles.

The reference for the incremental build is the cold build measured in the same run: an
incremental build should cost about a tenth of it.

    .venv/bin/python benchmarks/incremental.py [--bench PATH] [--limit N]
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import bbc_files, bench_dir
from newsledger.run.build import build


def main() -> None:
    path, args = bench_dir("corpora/bbc", __doc__ or "")
    files = [str(p) for p in bbc_files(path, args.limit)]
    old, new = [f for i, f in enumerate(files) if i % 10], [f for i, f in enumerate(files) if not i % 10]
    with tempfile.TemporaryDirectory() as out:
        t = time.perf_counter()
        build(old, Path(out), progress=False)
        cold = time.perf_counter() - t
        rss_cold = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        t = time.perf_counter()
        result = build(old + new, Path(out), progress=False)
        incremental = time.perf_counter() - t
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(files)} files from {path}: {len(old)} in the cold build, {len(new)} added")
    print(f"{'build':<44} {'seconds':>8} {'share of cold':>14}")
    print(f"{'cold, 90% of the corpus (reference)':<44} {cold:>8.1f} {1:>14.2f}")
    print(f"{'incremental, +10% new articles':<44} {incremental:>8.1f} {incremental / cold:>14.2f}")
    print(
        f"articles in the ledger: {len(result.articles)}; peak RSS after cold {rss_cold:.0f} MB, after incremental {rss:.0f} MB"
    )


if __name__ == "__main__":
    main()
