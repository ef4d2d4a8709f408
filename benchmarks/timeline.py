"""Timeline coverage: how many articles put what they report on their story's timeline.

No labelled set of main events is shared here (issue 24's corpus is kept out), so this prints
coverage, not accuracy, on two corpora, each beside the same run's reference, the events a
sentence with a written date gives (the timeline before lead events):

* TempEval-3's TimeBank and AQUAINT articles (../shared/bench/timex), each with its document
  creation time as its publication date: wire and broadcast news with dates;
* the BBC corpus (../shared/bench/corpora/bbc): no publication dates, so events are dated by
  their own words or by their story, else undated.

Per corpus: the share of articles (originals) with an event on the timeline, the share with one
told in their first 500 characters (about the lead), the share with a dated event, events per article,
and how the events are dated (own words, publication, story, undated) and how many are
background. Read the event lines themselves (``--show N`` prints a sample) before trusting a
rise: coverage counts a line, not a right one.

.venv/bin/python benchmarks/timeline.py [--bench PATH] [--ledger BBC_LEDGER] [--show N]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import DEFAULT_BENCH, timed_build
from newsledger.model import article_of

TAG = re.compile(r"<[^>]+>")
OPENING = 500  # characters: about an article's first three sentences
DCT = re.compile(r'<DCT><TIMEX3[^>]*value="([0-9-]+)"')
TEXT = re.compile(r"<TEXT>(.*)</TEXT>", re.S)


def timeml_corpus(timex: Path, out: Path) -> int:
    """TempEval-3 articles as one JSON Lines file of title, text and published."""
    rows = []
    for tml in sorted([*timex.glob("TimeBank/*.tml"), *timex.glob("AQUAINT/*.tml")]):
        raw = tml.read_text(encoding="utf-8")
        body, dct = TEXT.search(raw), DCT.search(raw)
        if body is None:
            continue
        text = re.sub(r"[ \t]+", " ", TAG.sub("", body.group(1))).strip()
        rows.append({"id": tml.stem, "text": text, "published": dct.group(1) if dct else None})
    out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return len(rows)


def coverage(ledger: Path, show: int) -> dict[str, float]:
    articles = [json.loads(line) for line in (ledger / "articles.jsonl").open(encoding="utf-8")]
    events = [json.loads(line) for line in (ledger / "events.jsonl").open(encoding="utf-8")]
    originals = {article_of(a["id"]): a for a in articles if not a.get("duplicate_of")}
    on, dated, written = set(), set(), set()
    for e in events:
        for m in e["sources"]:
            aid = article_of(m["article_id"])
            on.add(aid)
            if e["event_date"]:
                dated.add(aid)
        if e["date_evidence"].startswith(("text:", "story:text:")):
            written.update(article_of(m["article_id"]) for m in e["sources"])
    # an article's lead, roughly: a report told in its first OPENING characters
    lead = {article_of(m["article_id"]) for e in events for m in e["sources"] if m["start"] < OPENING}
    n = max(len(originals), 1)
    with_date = [a for a in originals if originals[a].get("published")]
    how = Counter(e["date_evidence"].split(":")[0] for e in events)
    if show:
        random.seed(7)
        for e in random.sample(events, min(show, len(events))):
            print(f"  {e['event_date'] or 'undated':10} {e['event_type']:10} {e['actor1']} | {e['action']} | {e['actor2']}")
    return {
        "articles": len(originals),
        "on timeline": len(on & originals.keys()) / n,
        "event in its first 500 characters": len(lead & originals.keys()) / n,
        "dated event": len(dated & originals.keys()) / n,
        "dated, of articles with a date": len(dated & set(with_date)) / max(len(with_date), 1),
        "reference: written date only": len(written & originals.keys()) / n,
        "events per article": len(events) / n,
        "background share": sum(e["background"] for e in events) / max(len(events), 1),
        **{f"dated by {k}": v / max(len(events), 1) for k, v in sorted(how.items())},
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--ledger", type=Path, default=None, help="a ledger already built from the BBC corpus")
    ap.add_argument("--show", type=int, default=0, help="print N event lines of each corpus")
    args = ap.parse_args()
    timex, bbc = args.bench / "timex", args.bench / "corpora" / "bbc"
    if not timex.exists() and not bbc.exists():
        print(f"skipped: {args.bench} has neither timex/ nor corpora/bbc/")
        return
    with tempfile.TemporaryDirectory() as tmp:
        ledgers: dict[str, Path] = {}
        if timex.exists():
            src = Path(tmp) / "tempeval.jsonl"
            timeml_corpus(timex, src)
            timed_build(src, Path(tmp) / "tempeval")
            ledgers["TempEval-3 (dated wire)"] = Path(tmp) / "tempeval"
        if args.ledger is not None:
            ledgers["BBC (undated)"] = args.ledger
        elif bbc.exists():
            timed_build(bbc, Path(tmp) / "bbc")
            ledgers["BBC (undated)"] = Path(tmp) / "bbc"
        for name, path in ledgers.items():
            print(f"{name}:")
            for key, value in coverage(path, args.show).items():
                print(f"  {key:34} {value:.3f}" if isinstance(value, float) else f"  {key:34} {value}")


if __name__ == "__main__":
    main()
