"""A realistic crawl made from the BBC corpus: WARC shards of HTML pages as CC-NEWS has them.

Each BBC article becomes an HTML response with a site's furniture around it (navigation,
share bar, "most read" list, footer); the furniture comes in a few variants, as sites change
their templates. One article in ten appears again in a later shard as a syndicated near copy
(another site's template, a sentence changed, a credit added), and one in twenty as an exact
re-crawl. Shards hold 200 responses each.

    .venv/bin/python benchmarks/make_crawl.py OUT_DIR [--bench PATH] [--limit N]
"""

from __future__ import annotations

import argparse
import html
import io
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from common import bbc_files

DEFAULT_BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "bench"
NAV = ["Home", "News", "World", "Business", "Politics", "Tech", "Science", "Health", "Sport", "Weather"]


def page(title: str, paras: list[str], variant: int, site: str, others: list[str]) -> str:
    nav = "".join(f"<li><a href='/{n.lower()}'>{n}</a></li>" for n in NAV[variant % 3 :])
    share = "<div class='share'><a>Facebook</a><a>Twitter</a><a>Email</a><a>Copy link</a></div>" if variant % 2 else ""
    most = "".join(f"<li><a href='/x{i}'>{html.escape(t)}</a></li>" for i, t in enumerate(others))
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paras)
    return (
        f"<!doctype html><html><head><title>{html.escape(title)} - {site}</title>"
        f"<meta property='og:site_name' content='{site}'></head><body><header><nav><ul>{nav}</ul></nav></header>"
        f"<main><article><h1>{html.escape(title)}</h1>{share}{body}</article>"
        f"<aside><h2>Most read</h2><ol>{most}</ol></aside></main>"
        f"<footer><p>Copyright {site}. All rights reserved.</p><p>Cookies policy | Terms of use</p></footer></body></html>"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("out", type=Path)
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    files = bbc_files(args.bench / "corpora" / "bbc", args.limit)
    rng = random.Random(7)
    articles = []
    for f in files:
        lines = [x.strip() for x in f.read_text(encoding="utf-8", errors="replace").splitlines() if x.strip()]
        articles.append((f"{f.parent.name}/{f.stem}", lines[0], lines[1:]))
    titles = [t for _, t, _ in articles]
    responses = []
    for i, (key, title, paras) in enumerate(articles):
        responses.append(
            (f"https://news-{i % 3}.example/{key}", page(title, paras, i % 4, f"News {i % 3}", rng.sample(titles, 5)))
        )
    for i, (key, title, paras) in enumerate(articles):
        if i % 10 == 0 and len(paras) > 2:
            edited = [*paras[:-1], paras[-1].replace(".", ", officials said.", 1), "Additional reporting by wire staff."]
            responses.append((f"https://syndicate.example/{key}", page(title, edited, 3, "Syndicate", rng.sample(titles, 5))))
        if i % 20 == 0:
            responses.append((f"https://news-{i % 3}.example/{key}", responses[i][1]))
    args.out.mkdir(parents=True, exist_ok=True)
    for shard, start in enumerate(range(0, len(responses), 200)):
        buf = io.BytesIO()
        writer = WARCWriter(buf, gzip=True)
        for url, body in responses[start : start + 200]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(url, "response", payload=io.BytesIO(body.encode()), http_headers=headers)
            )
        (args.out / f"crawl-{shard:05d}.warc.gz").write_bytes(buf.getvalue())
    print(f"{len(responses)} responses ({len(articles)} articles) in {shard + 1} shards under {args.out}")


if __name__ == "__main__":
    main()
