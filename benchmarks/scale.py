"""A ledger at growing size: per-article time, the driver's and the workers' peak memory, and
the cost of adding 1%, on a synthetic corpus made from BBC (../shared/bench/corpora/bbc).

Article i is BBC article i mod 2,225 with its paragraphs interleaved with another article of the
same section and its numbers shifted, so that no two are duplicates yet stories and figures stay
news-like; 3% are exact re-crawls of an earlier synthetic article and 3% near-duplicates (one
paragraph dropped), as a crawl gives. Each size is a separate cold build in a child process
(``newsledger build``; the driver's peak is that process's own, from run.json), then +1% new
articles into the same folder (the incremental cost, as a share of the cold build).

The reference, measured in the same run, is the smallest size: a ledger whose driver holds
nothing whole-corpus grows by little per 1,000 more articles (issue 19's target: under 10 MB).

    .venv/bin/python benchmarks/scale.py [--bench PATH] [--sizes 250,500,1000,2000]
        [--engine local|processes|ray] [--workers N] [--address ray://host:port]
    With --speedup, one size is built at 1, 2, 4, ... workers up to --workers (a 16-core machine
    prints 1, 2, 4, 8 and 16), or at --counts 1,16; each line gives the phases from run.json.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import DEFAULT_BENCH, bbc_files, timed_build

NUMBER = re.compile(r"\b\d+(?:\.\d+)?\b")
RECRAWL, NEAR = 0.03, 0.03


def _shift(text: str, k: int) -> str:
    """Numbers moved by a fixed step, so figures differ from the source article's."""
    return NUMBER.sub(lambda m: str(int(float(m.group(0))) + k % 7 + 1) if "." not in m.group(0) else m.group(0), text)


def synthetic(bbc: Path, n: int, into: Path, start: int = 0) -> list[Path]:
    """Articles ``start`` .. ``start + n - 1`` of the synthetic corpus, written under ``into``."""
    files = bbc_files(bbc)
    by_section: dict[str, list[Path]] = {}
    for f in files:
        by_section.setdefault(f.parent.name, []).append(f)
    into.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []
    for i in range(start, start + n):
        out = into / f"{i:07d}.txt"
        if i >= 20 and i % 100 < RECRAWL * 100:  # a re-crawl of an earlier article
            text = (into / f"{i - 17:07d}.txt").read_text(encoding="utf-8") if (into / f"{i - 17:07d}.txt").exists() else ""
        elif i >= 20 and i % 100 < (RECRAWL + NEAR) * 100:  # the same article with one paragraph less
            earlier = into / f"{i - 13:07d}.txt"
            paras = earlier.read_text(encoding="utf-8").split("\n\n") if earlier.exists() else []
            text = "\n\n".join(paras[:2] + paras[3:])
        else:
            text = ""
        if not text:
            src = files[i % len(files)]
            other = by_section[src.parent.name][(i // len(files) + 7 * (i // len(files) + 1)) % len(by_section[src.parent.name])]
            title, *body = [p for p in src.read_text(encoding="latin-1").split("\n") if p.strip()]
            _, *extra = [p for p in other.read_text(encoding="latin-1").split("\n") if p.strip()]
            lap = i // len(files)
            mixed = body if lap == 0 else [p for pair in zip(body, extra[:: lap % 3 + 1], strict=False) for p in pair] or body
            text = (title if lap == 0 else f"{title} ({lap})") + "\n\n" + "\n\n".join(_shift(p, i) if lap else p for p in mixed)
        out.write_text(text, encoding="utf-8")
        made.append(out)
    return made


def run_build(corpus: Path, out: Path, engine: str, workers: int, address: str | None) -> tuple[float, dict]:
    """A build in a child process (``common.timed_build``): its seconds and its run.json."""
    options = [
        "--engine",
        engine,
        *(["--workers", str(workers)] if engine != "local" else []),
        *(["--address", address] if address else []),
    ]
    secs, _ = timed_build(corpus, out, *options)
    return secs, json.loads((out / "run.json").read_text())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--sizes", default="250,500,1000,2000")
    ap.add_argument("--engine", default="processes", choices=["local", "processes", "ray"])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--address", default=None)
    ap.add_argument("--speedup", action="store_true", help="one size (the largest) at 1, 2, 4 ... --workers workers")
    ap.add_argument(
        "--counts", default=None, help="with --speedup, these worker counts instead (e.g. 1,16); the first is the base"
    )
    args = ap.parse_args()
    bbc = args.bench / "corpora" / "bbc"
    if not bbc.exists():
        print(f"skipped: {bbc} not found (pass --bench)")
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        if args.speedup:
            n = sizes[-1]
            synthetic(bbc, n, root / "corpus")
            print(f"{n} synthetic articles, engine {args.engine}")
            print(f"{'workers':>7} {'seconds':>8} {'speed-up':>8} {'read':>6} {'extract':>8} {'driver after':>12}")
            base = None
            counts = (
                [int(c) for c in args.counts.split(",")]
                if args.counts
                else [2**k for k in range(args.workers.bit_length()) if 2**k <= args.workers]
            )
            for w in counts:
                secs, run = run_build(root / "corpus", root / f"out{w}", args.engine, w, args.address)
                base = base or secs
                phases = run.get("phase_seconds", {})
                serial = sum(v for k, v in phases.items() if k not in ("read", "extract"))
                print(
                    f"{w:>7} {secs:>8.1f} {base / secs:>8.2f} {phases.get('read', 0):>6.1f} {phases.get('extract', 0):>8.1f} {serial:>12.1f}",
                    flush=True,
                )
            print("(read and extract run on the workers; the steps after extract run in the driver alone)")
            return
        print(f"engine {args.engine}, workers {args.workers}")
        print(f"{'articles':>8} {'s/article':>10} {'driver MB':>10} {'worker MB':>10} {'+1% / cold':>11}")
        rows = []
        for n in sizes:
            corpus = root / f"c{n}"
            synthetic(bbc, n, corpus)
            secs, run = run_build(corpus, root / f"o{n}", args.engine, args.workers, args.address)
            synthetic(bbc, max(1, n // 100), corpus, start=n)
            inc, _ = run_build(corpus, root / f"o{n}", args.engine, args.workers, args.address)
            worker = max(run.get("peak_rss_mb_per_process") or [0])
            rows.append((n, run["driver_peak_rss_mb"]))
            print(f"{n:>8} {secs / n:>10.3f} {run['driver_peak_rss_mb']:>10} {worker:>10} {inc / secs:>11.2f}")
        (n0, d0), (n1, d1) = rows[0], rows[-1]
        if n1 > n0:
            print(f"driver growth: {(d1 - d0) / (n1 - n0) * 1000:.1f} MB per 1,000 articles (reference: {n0} articles, {d0} MB)")


if __name__ == "__main__":
    main()
