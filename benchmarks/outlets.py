"""Outlet names on ../shared/bench/extraction: how often newsledger names the site of a page that
states its name, beside trafilatura's own site-name field measured in the same run.

A page "states" its name when its markup carries og:site_name, application-name, or a JSON-LD
publisher or site name. Each page is read twice: as a file (no URL) and as a crawl gives it
(with its URL). Pages are split by a fixed hash into tune (60%) and check (40%); both are printed.

.venv/bin/python benchmarks/outlets.py [--bench PATH] [--limit N]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import lxml.html
from trafilatura import extract_metadata

from common import bench_dir, half, load_extraction, main_story
from newsledger.clean.articles import clean_document
from newsledger.model import Document


def states_name(html: str) -> bool:
    try:
        root = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return False
    if root.xpath('//meta[@property="og:site_name" or @name="og:site_name" or @name="application-name"][@content!=""]'):
        return True
    for script in root.xpath('//script[@type="application/ld+json"]/text()'):
        if re.search(r'"publisher"\s*:\s*\{[^}]*"name"\s*:\s*"[^"]+"', script) or re.search(r'"@type"\s*:\s*"WebSite"', script):
            return True
    return False


def main() -> None:
    path, args = bench_dir("extraction", __doc__ or "")
    items = load_extraction(path, args.limit)
    counts: dict[str, dict[str, int]] = {h: {"pages": 0, "trafilatura": 0, "ours": 0, "ours_url": 0} for h in ("tune", "check")}
    for page_id, url, html, _ in items:
        if not states_name(html):
            continue
        c = counts[half(page_id)]
        c["pages"] += 1
        meta = extract_metadata(html)
        c["trafilatura"] += bool(meta and meta.sitename)
        for key, given in (("ours", None), ("ours_url", url)):
            main = main_story(clean_document(Document(id="x", source="bench", format="html", content=html, url=given)))
            c[key] += bool(main and main.outlet)
    print(f"{len(items)} pages from {path}; pages that state a site name, per half:")
    print(f"{'half':6} {'pages':>5} {'trafilatura sitename':>21} {'newsledger (file)':>18} {'newsledger (with URL)':>22}")
    for h, c in counts.items():
        n = max(c["pages"], 1)
        print(f"{h:6} {c['pages']:5d} {c['trafilatura'] / n:21.3f} {c['ours'] / n:18.3f} {c['ours_url'] / n:22.3f}")
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
