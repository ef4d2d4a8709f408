"""Shared helpers for the benchmark scripts: data location, shingle scoring, timing."""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

DEFAULT_BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "bench"
TOKEN = re.compile(r"\w+")


def bench_dir(sub: str, description: str, flags: dict[str, str] | None = None) -> tuple[Path, argparse.Namespace]:
    """Parse ``--bench`` (and the script's own on/off ``flags``: name -> help) and return the set's
    folder; exit 0 with a note when it is absent."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH, help="folder holding the public benchmark sets")
    ap.add_argument("--limit", type=int, default=0, help="only the first N items")
    for name, text in (flags or {}).items():
        ap.add_argument(name, action="store_true", help=text)
    args = ap.parse_args()
    path = args.bench / sub
    if not path.exists():
        print(f"skipped: {path} not found (pass --bench)")
        sys.exit(0)
    return path, args


def half(key: str) -> str:
    """The fixed split of a development set by a hash of the item's key: "tune" (60%: misses may be
    read) or "check" (40%: never read; the figure to quote)."""
    return "tune" if int(hashlib.sha256(key.encode()).hexdigest(), 16) % 10 < 6 else "check"


def shingles(text: str) -> Counter:
    toks = TOKEN.findall(text or "")
    if len(toks) < 4:
        return Counter([tuple(toks)]) if toks else Counter()
    return Counter(tuple(toks[i : i + 4]) for i in range(len(toks) - 3))


def prf(gold: str, pred: str) -> tuple[int, int, int]:
    g, p = shingles(gold), shingles(pred)
    tp = sum((g & p).values())
    return tp, sum(p.values()) - tp, sum(g.values()) - tp


def score(pairs: Iterable[tuple[str, str]]) -> dict[str, float]:
    """The article-extraction-benchmark scoring: mean per-page precision and recall, then F1."""
    precs, recs = [], []
    for gold, pred in pairs:
        tp, fp, fn = prf(gold, pred)
        if fp == 0 and fn == 0:
            precs.append(1.0)
            recs.append(1.0)
            continue
        if tp + fp > 0:
            precs.append(tp / (tp + fp))
        if tp + fn > 0:
            recs.append(tp / (tp + fn))
    p = sum(precs) / len(precs) if precs else 0.0
    r = sum(recs) / len(recs) if recs else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def load_extraction(path: Path, limit: int = 0) -> list[tuple[str, str, str, str]]:
    """(id, url, html, gold body) for the extraction set."""
    gold = json.loads((path / "ground-truth.json").read_text())
    items = []
    for key in sorted(gold)[: limit or None]:
        html = gzip.decompress((path / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8", errors="replace")
        items.append((key, gold[key].get("url"), html, gold[key]["articleBody"]))
    return items


def report(rows: list[tuple[str, dict[str, float], float]]) -> None:
    print(f"{'system':<34} {'precision':>9} {'recall':>7} {'F1':>7} {'pages/s':>8}")
    for name, s, rate in rows:
        print(f"{name:<34} {s['precision']:>9.3f} {s['recall']:>7.3f} {s['f1']:>7.3f} {rate:>8.1f}")


def report_halves(keys: list[str], golds: list[str], systems: dict[str, list[str]]) -> None:
    """Each system's precision / recall / F1 on the *tune* and *check* halves (``half`` of each item's key)."""
    for part in ("tune", "check"):
        keep = [i for i, k in enumerate(keys) if half(k) == part]
        for name, outputs in systems.items():
            s = score((golds[i], outputs[i]) for i in keep)
            print(
                f"{name + ' (' + part + ', ' + str(len(keep)) + ')':<44} {s['precision']:>9.3f} {s['recall']:>7.3f} {s['f1']:>7.3f}"
            )


def timed(fn: Callable[[], list[str]]) -> tuple[list[str], float]:
    import time

    t = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t


def main_story(stories: list[T]) -> T | None:
    """The story a page is about: the one with role "main", else the first."""
    main = [s for s in stories if getattr(s, "role", None) == "main"] or stories
    return main[0] if main else None


def bbc_files(folder: Path, limit: int = 0) -> list[Path]:
    """The BBC corpus articles (``<topic>/NNN.txt``) in a stable order."""
    return sorted(p for p in folder.rglob("*.txt") if p.name[0].isdigit())[: limit or None]


def make_crawl(bench: Path, into: Path, limit: int) -> Path:
    """A crawl-like WARC corpus of ``limit`` BBC articles under ``into`` (see make_crawl.py)."""
    crawl = into / "crawl"
    here = Path(__file__).parent
    subprocess.run(
        [sys.executable, str(here / "make_crawl.py"), str(crawl), "--bench", str(bench), "--limit", str(limit)], check=True
    )
    return crawl


BUILD_IN_CHILD = (
    "import resource,sys,json;from newsledger.cli import main;"
    "sys.argv=['newsledger','build',sys.argv[1],'--out',sys.argv[2],'--quiet',*sys.argv[3:]];"
    "\ntry: main()\nexcept SystemExit as e:\n    code = e.code\nelse:\n    code = 0\n"
    "print(json.dumps({'rss_kb':resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}));sys.exit(code)"
)


def timed_build(inputs: Path, out: Path, *options: str, src: Path | None = None, check: bool = True) -> tuple[float, float]:
    """One `newsledger build` in a fresh process (with the code under ``src`` when given):
    (seconds, peak RSS of that process in MB). With ``check`` false a build that reads nothing
    (exit status 1) is timed, not an error."""
    import os
    import time

    env = {**os.environ, "PYTHONPATH": str(src)} if src is not None else None
    t = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", BUILD_IN_CHILD, str(inputs), str(out), *options], env=env, capture_output=True, text=True
    )
    secs = time.perf_counter() - t
    if proc.returncode != 0 and (check or not proc.stdout.strip()):
        raise SystemExit(f"build {inputs} -> {out} failed:\n{proc.stderr[-2000:]}")
    return secs, json.loads(proc.stdout.strip().splitlines()[-1])["rss_kb"] / 1024
