"""Flattened-text cleaning: the extraction pages turned into whole-page text, cleaned, scored.

Each page is flattened to every visible line (scripts and styles dropped, one block a line), as
a browser's select-all and copy gives it, then cleaned by newsledger's text cleaner; the main
story is scored against the gold body. The reference is the whole-page text itself.

    .venv/bin/python benchmarks/flattened.py [--bench PATH] [--limit N]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import bench_dir, load_extraction, main_story, report, report_halves, score, timed
from newsledger.clean.html import flatten_html
from newsledger.clean.text import split_stories


def main_text(page: str) -> str:
    main = main_story(split_stories(page))
    return main.text if main else ""


def main() -> None:
    path, args = bench_dir("extraction", __doc__ or "")
    items = load_extraction(path, args.limit)
    golds = [g for *_, g in items]
    pages = [flatten_html(h) for _, _, h, _ in items]
    rows = [("whole-page text (reference)", score(zip(golds, pages, strict=True)), float("nan"))]
    mine, t = timed(lambda: [main_text(p) for p in pages])
    rows.append(("newsledger text cleaner", score(zip(golds, mine, strict=True)), len(items) / t))
    print(f"{len(items)} pages from {path}, flattened")
    report(rows)
    keys = [k for k, *_ in items]
    report_halves(keys, golds, {"whole-page text (reference)": pages, "newsledger text cleaner": mine})


if __name__ == "__main__":
    main()
