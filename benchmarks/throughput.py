"""Build throughput and peak memory on the BBC corpus (2,225 articles), one process.

The reference, measured in the same run, is reading alone (walking and decoding the same
files), the floor any build pays.

    .venv/bin/python benchmarks/throughput.py [--bench PATH] [--limit N] [--processes]

With ``--processes`` a cold build with ``--engine processes`` on every core is timed as well
(issue 19: the 2,225 articles in under 90 s on a 2-core machine).
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import bbc_files, bench_dir
from newsledger.extract.stage import extract_texts
from newsledger.ingest import ReadError, expand_inputs, read_input
from newsledger.run.build import build
from newsledger.run.executors import make_executor


def main() -> None:
    path, args = bench_dir("corpora/bbc", __doc__ or "", {"--processes": "also time a cold build on a pool of processes"})
    files = [str(p) for p in bbc_files(path, args.limit)]
    t = time.perf_counter()
    docs = sum(1 for f in expand_inputs(files) for d in read_input(str(f)) if not isinstance(d, ReadError))
    read_s = time.perf_counter() - t
    with tempfile.TemporaryDirectory() as out:
        t = time.perf_counter()
        result = build(files, Path(out), progress=False)
        build_s = time.perf_counter() - t
        t = time.perf_counter()
        build(files, Path(out), progress=False)
        rebuild_s = time.perf_counter() - t
    pool_s = None
    if args.processes:
        with tempfile.TemporaryDirectory() as out:
            pool = make_executor("processes")
            t = time.perf_counter()
            build(files, Path(out), executor=pool, progress=False)
            pool_s = time.perf_counter() - t
            pool.close()
    texts = [(str(i), f, Path(f).read_text(encoding="utf-8", errors="replace")) for i, f in enumerate(files)]
    t = time.perf_counter()
    facts = extract_texts(texts)
    extract_s = time.perf_counter() - t
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(files)} files from {path}")
    print(f"{'step':<40} {'seconds':>8} {'pages/s':>8}")
    print(f"{'read only (reference)':<40} {read_s:>8.2f} {docs / read_s:>8.1f}")
    print(f"{'newsledger build (cold)':<40} {build_s:>8.2f} {len(files) / build_s:>8.1f}")
    print(f"{'newsledger build (again, nothing new)':<40} {rebuild_s:>8.2f} {len(files) / rebuild_s:>8.1f}")
    if pool_s is not None:
        label = f"newsledger build (cold, processes x{os.cpu_count()})"
        print(f"{label:<40} {pool_s:>8.2f} {len(files) / pool_s:>8.1f}")
    print(
        f"{'extract stage alone':<40} {extract_s:>8.2f} {len(files) / extract_s:>8.1f}"
        f"  ({facts.sentences} sentences, {facts.sentences / extract_s:.0f} sentences/s; {facts.parsed} parsed in full)"
    )
    print(f"articles: {len(result.articles)}, duplicates marked: {sum(1 for a in result.articles if a.duplicate_of)}")
    print(f"peak memory (RSS, whole process): {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
