"""HTML article extraction on ../shared/bench/extraction: newsledger beside plain trafilatura.

.venv/bin/python benchmarks/extraction.py [--bench PATH] [--limit N]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import trafilatura

from common import bench_dir, load_extraction, main_story, report, report_halves, score, timed
from newsledger.clean.articles import clean_document
from newsledger.model import Document


def ours(url: str, html: str) -> str:
    arts = clean_document(Document(id="x", source="bench", format="html", content=html, url=url))
    main = main_story(arts)
    return main.text if main else ""


def main() -> None:
    path, args = bench_dir("extraction", __doc__ or "")
    items = load_extraction(path, args.limit)
    golds = [g for *_, g in items]
    rows = []
    base, t0 = timed(lambda: [trafilatura.extract(h, url=u) or "" for _, u, h, _ in items])
    rows.append(("trafilatura.extract (default)", score(zip(golds, base, strict=True)), len(items) / t0))
    mine, t1 = timed(lambda: [ours(u, h) for _, u, h, _ in items])
    rows.append(("newsledger", score(zip(golds, mine, strict=True)), len(items) / t1))
    print(f"{len(items)} pages from {path}")
    report(rows)
    report_halves([k for k, *_ in items], golds, {"trafilatura.extract (default)": base, "newsledger": mine})


if __name__ == "__main__":
    main()
