"""Executors compared on a crawl-like WARC corpus (see make_crawl.py): articles per second and
peak memory at 1 and 2 workers, in-process as the reference, all in one run.

    .venv/bin/python benchmarks/scaling.py [--bench PATH] [--limit N] [--workers 1,2] [--engines processes,ray]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

from common import make_crawl, timed_build  # noqa: E402


def run(crawl: Path, out: Path, *engine: str) -> tuple[float, int, float, float]:
    """(seconds, articles, peak RSS in MB of the build's own process, peak RSS of the busiest
    process that ran stages: a pool or Ray worker, or the build itself in-process; from run.json)."""
    secs, rss = timed_build(crawl, out, *engine)
    n = sum(1 for _ in (out / "articles.jsonl").open())
    workers = json.loads((out / "run.json").read_text())["peak_rss_mb_per_process"]
    return secs, n, rss, max(workers)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--bench", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "bench")
    ap.add_argument("--limit", type=int, default=600)
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--engines", default="processes,ray")
    args = ap.parse_args()
    if not (args.bench / "corpora" / "bbc").exists():
        print(f"skipped: {args.bench / 'corpora' / 'bbc'} not found")
        return
    with tempfile.TemporaryDirectory() as tmp:
        crawl = make_crawl(args.bench, Path(tmp), args.limit)
        rows = [("in-process (reference)", *run(crawl, Path(tmp) / "local"))]
        for engine in args.engines.split(","):
            for w in (int(x) for x in args.workers.split(",")):
                rows.append(
                    (f"{engine}, {w} worker(s)", *run(crawl, Path(tmp) / f"{engine}{w}", "--engine", engine, "--workers", str(w)))
                )
    base = rows[0][2] / rows[0][1]
    print(f"{'executor':<26} {'seconds':>8} {'articles':>9} {'articles/s':>11} {'vs ref':>7} {'driver MB':>10} {'worker MB':>10}")
    for name, secs, n, rss, worker in rows:
        print(f"{name:<26} {secs:>8.1f} {n:>9} {n / secs:>11.2f} {n / secs / base:>7.2f} {rss:>10.0f} {worker:>10.0f}")
    print("articles per hour at the best rate here:", f"{max(n / s for _, s, n, _, _ in rows) * 3600:,.0f}")


if __name__ == "__main__":
    main()
