"""Time expressions on TempEval-3 (TimeBank + AQUAINT): extents (strict, relaxed) and values.

newsledger beside a reference measured in the same run: spaCy's DATE/TIME entities for the
extents, each valued by dateparser against the document date (absolute dates only). Values are
compared in one notation (`canonical`: "2000-W7" is "2000-W07", "T17" is "T17:00"), the same for
both systems.

    .venv/bin/python benchmarks/timex.py [--bench PATH] [--limit N]
"""

from __future__ import annotations

import html
import re
import sys
import time
import warnings
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import bench_dir, half
from newsledger import nlp
from newsledger.grammar.timex import find_timexes

TAG = re.compile(r"<(/?)(\w+)([^>]*)>")


def load_tml(path: Path) -> tuple[str, date, list[tuple[int, int, str]]]:
    """(plain text, document date, [(start, end, value)]) of one TimeML file."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r'functionInDocument="CREATION_TIME"[^>]*value="(\d{4}-\d{2}-\d{2})', raw) or re.search(
        r'value="(\d{4}-\d{2}-\d{2})[^"]*"[^>]*functionInDocument="CREATION_TIME"', raw
    )
    body = raw[raw.index("<TEXT>") + 6 : raw.index("</TEXT>")]
    out, gold, pos, open_at = [], [], 0, None
    value = ""
    for m in TAG.finditer(body):
        out.append(html.unescape(body[pos : m.start()]))
        pos = m.end()
        if m.group(2) == "TIMEX3":
            if m.group(1) == "":
                open_at = sum(len(x) for x in out)
                value = (re.search(r'value="([^"]*)"', m.group(3)) or [None, ""])[1]
            elif open_at is not None:
                gold.append((open_at, sum(len(x) for x in out), value))
                open_at = None
    out.append(html.unescape(body[pos:]))
    return "".join(out), datetime.strptime(dct.group(1), "%Y-%m-%d").date(), gold


def prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p, r = (tp / npred if npred else 0.0), (tp / ngold if ngold else 0.0)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def canonical(value: str | None) -> str | None:
    """One notation for one value: ISO week numbers with two digits ("2000-W7" is "2000-W07"), a
    whole hour with its minutes ("T17" is "T17:00"), as some gold files write them."""
    if value is None:
        return None
    value = re.sub(r"-W(\d)(?!\d)", r"-W0\1", value)
    return re.sub(r"T(\d{2})$", r"T\1:00", value)


def score(docs, preds) -> dict[str, tuple[float, float, float]]:
    strict = relaxed = valued = npred = ngold = 0
    for (_, _, gold), pred in zip(docs, preds, strict=True):
        npred += len(pred)
        ngold += len(gold)
        for ps, pe, pv in pred:
            if any(ps == gs and pe == ge for gs, ge, _ in gold):
                strict += 1
            hit = next((g for g in gold if ps < g[1] and g[0] < pe), None)
            if hit:
                relaxed += 1
                valued += pv is not None and canonical(pv) == canonical(hit[2])
    return {"strict": prf(strict, npred, ngold), "relaxed": prf(relaxed, npred, ngold), "value": prf(valued, npred, ngold)}


def reference(docs):
    import dateparser

    light = nlp.load_light()
    preds = []
    for (_text, dct, _), doc in zip(docs, light.pipe(t for t, _, _ in docs), strict=True):
        base = datetime(dct.year, dct.month, dct.day)
        one = []
        for e in doc.ents:
            if e.label_ in ("DATE", "TIME"):
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    d = dateparser.parse(e.text, settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
                one.append((e.start_char, e.end_char, d.date().isoformat() if d else None))
        preds.append(one)
    return preds


def main() -> None:
    path, args = bench_dir("timex", __doc__ or "")
    files = sorted(path.glob("*/*.tml"))[: args.limit or None]
    docs = [load_tml(f) for f in files]
    t = time.perf_counter()
    ref = reference(docs)
    ref_s = time.perf_counter() - t
    t = time.perf_counter()
    ours = [[(x.start, x.end, x.value) for x in find_timexes(text, dct)] for text, dct, _ in docs]
    our_s = time.perf_counter() - t
    print(f"{len(docs)} documents, {sum(len(g) for *_, g in docs)} gold expressions from {path}")
    print(f"{'system':<36} {'strict P/R/F1':>20} {'relaxed P/R/F1':>20} {'value P/R/F1':>20} {'docs/s':>7}")
    halves = [half(f.name) for f in files]
    for name, preds, secs in (("spaCy DATE/TIME + dateparser (ref)", ref, ref_s), ("newsledger", ours, our_s)):
        for part in ("all", "tune", "check"):  # the fixed split: misses are read on tune only
            keep = [i for i, h in enumerate(halves) if part in ("all", h)]
            s = score([docs[i] for i in keep], [preds[i] for i in keep])
            cells = " ".join(f"{s[k][0]:>6.3f}{s[k][1]:>7.3f}{s[k][2]:>7.3f}" for k in ("strict", "relaxed", "value"))
            rate = f"{len(docs) / secs:>7.1f}" if part == "all" else ""
            print(f"{(name if part == 'all' else f'  {part} ({len(keep)} docs)'):<36} {cells} {rate}")


if __name__ == "__main__":
    main()
