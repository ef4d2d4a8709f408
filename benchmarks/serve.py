"""The explorer's speed on a built ledger: server time per page and per search (p50, p95), and the
app's memory, beside Datasette's own table page for the same ledger in the same run.

Requests go through the ASGI app in this process (no network), so the figure is the server's time.
Pages: home, 30 story pages (largest first), 30 entity pages, 30 figure groups, 30 articles;
searches: 40 words taken from story titles, each alone and with a kind filter.

.venv/bin/python benchmarks/serve.py --ledger DIR   (a ledger built by newsledger build; BBC: build ../shared/bench/corpora/bbc first)
"""

from __future__ import annotations

import argparse
import asyncio
import re
import resource
import sqlite3
import statistics
import time
from pathlib import Path

import httpx

from newsledger.explore.serve import app


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(p * len(xs)))] if xs else float("nan")


SLOWEST: list[tuple[float, str]] = []  # every request's time and path, for the slowest to be named


async def timed(client: httpx.AsyncClient, paths: list[str]) -> list[float]:
    out = []
    for path in paths:
        t = time.perf_counter()
        r = await client.get(path)
        out.append((time.perf_counter() - t) * 1000)
        SLOWEST.append((out[-1], path))
        if r.status_code != 200:
            raise SystemExit(f"{path}: HTTP {r.status_code}")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--ledger", type=Path, required=True)
    args = ap.parse_args()
    db = sqlite3.connect(args.ledger / "ledger.sqlite")
    stories = [r[0] for r in db.execute("SELECT id FROM stories ORDER BY articles DESC, id LIMIT 30")]
    ents = [r[0] for r in db.execute("SELECT id FROM entities ORDER BY mentions DESC, id LIMIT 30")]
    groups = [r[0] for r in db.execute("SELECT group_id FROM figure_groups ORDER BY claims DESC, group_id LIMIT 30")]
    arts = [r[0] for r in db.execute("SELECT id FROM articles ORDER BY seq LIMIT 30")]
    titles = " ".join(r[0] or "" for r in db.execute("SELECT title FROM stories ORDER BY articles DESC LIMIT 60"))
    words = list(dict.fromkeys(w.lower() for w in re.findall(r"[A-Za-z]{5,}", titles)))[:40]
    n_articles = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    application = app(args.ledger / "ledger.sqlite")

    async def run() -> dict[str, list[float]]:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=application), base_url="http://t") as c:
            await c.get("/-/newsledger/")  # warm: the app's first request opens the database
            return {
                "pages": await timed(
                    c,
                    ["/-/newsledger/"]
                    + [f"/-/newsledger/story/{s}" for s in stories]
                    + [f"/-/newsledger/entity/{e}" for e in ents]
                    + [f"/-/newsledger/figure/{g}" for g in groups]
                    + [f"/-/newsledger/article/{a}" for a in arts],
                ),
                "searches": await timed(
                    c, [f"/-/newsledger/search?q={w}" for w in words] + [f"/-/newsledger/search?q={w}&kind=quote" for w in words]
                ),
                "datasette table page (reference)": await timed(
                    c, ["/ledger/articles?_size=50"] * 10 + ["/ledger/claims?_size=50"] * 10
                ),
            }

    times = asyncio.run(run())
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"ledger {args.ledger} ({n_articles} articles); server time per request, ms:")
    print(f"{'kind':<34} {'n':>4} {'p50':>7} {'p95':>7} {'max':>7}")
    for kind, xs in times.items():
        print(f"{kind:<34} {len(xs):4d} {statistics.median(xs):7.1f} {pct(xs, 0.95):7.1f} {max(xs):7.1f}")
    ours = sorted((x for x in SLOWEST if x[1].startswith("/-/")), reverse=True)[:3]
    print("slowest of ours: " + "; ".join(f"{path} {ms:.0f} ms" for ms, path in ours))
    print(f"peak memory of this process (app and client): {rss:.0f} MB")


if __name__ == "__main__":
    main()
