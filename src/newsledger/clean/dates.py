"""Publication dates when metadata lacks them: URL paths, datelines, explicit dates in the text.

Each answer carries a precision (day, month, year) and its evidence. Nothing is guessed: when
no evidence exists the date is null. A date found only inside the body is the latest date the
article mentions, a floor for its publication, and the evidence says so.
"""

from __future__ import annotations

import re
from datetime import date

from newsledger.grammar.lexicon import MONTHS, alternatives
from newsledger.grammar.timex import find_timexes
from newsledger.model import DatedEvidence

URL_DATE = re.compile(r"/(?P<y>(?:19|20)\d{2})[/-](?P<m>0?[1-9]|1[0-2])(?:[/-](?P<d>0?[1-9]|[12]\d|3[01]))?(?=[/-]|$)")
URL_COMPACT = re.compile(r"/(?P<y>(?:19|20)\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])/")
ISO = re.compile(r"\b(?P<y>(?:19|20)\d{2})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b")
IMAGE_URL = re.compile(r"!\[.*?\]\((?P<src>[^)\s]+)\)")
# a calendar date read with no anchor writes its month (a word or an abbreviation) beside a number
# ("5 March", "March 5", "March 2005", "March nineteen ninety"), or is in ISO form, or is a holiday
# with its year ("Christmas 2004"): a paragraph with none of these holds none
_MONTH = alternatives(MONTHS)
CALENDAR_CUE = re.compile(
    rf"\b(?:{_MONTH})\.?,?\s+(?:of\s+)?(?:\d|nineteen)|\d(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH})(?![\w-])"
    r"|\d{4}-\d\d-\d\d|(?:easter|christmas|halloween|thanksgiving|valentine|new year|day)\W{1,3}(?:19|20)\d\d",
    re.I,
)


def _mk(y: int, m: int | None, d: int | None) -> tuple[str, str] | None:
    try:
        if d and m:
            return date(y, m, d).isoformat(), "day"
        if m:
            return f"{y:04d}-{m:02d}", "month"
    except ValueError:
        return None
    return f"{y:04d}", "year"


def from_url(url: str | None) -> tuple[str, str] | None:
    if not url:
        return None
    for rx in (URL_DATE, URL_COMPACT):
        m = rx.search(url)
        if m:
            d = m.group("d")
            return _mk(int(m.group("y")), int(m.group("m")), int(d) if d else None)
    return None


def dates_in(text: str) -> list[tuple[str, str, str]]:
    """Explicit calendar dates in text: (iso value, precision, the words), in text order.

    The time-expression grammar read with no anchor gives exactly these: relative expressions
    ("Monday", "last year") stay unresolved without a reference date. The grammar reads only the
    paragraphs that can hold one (``CALENDAR_CUE``): a page's whole text is read this way when
    nothing else dates it."""
    return [
        (t.value, t.precision, t.text)
        for paragraph in text.split("\n")
        if CALENDAR_CUE.search(paragraph)
        for t in find_timexes(paragraph, None)
        if t.type == "DATE" and t.value and t.precision in ("day", "month")
    ]


def infer_published(
    *,
    given: str | None,
    metadata: str | None,
    url: str | None,
    date_lines: list[str],
    text: str,
    page_text: str = "",
    not_after: str | None = None,
) -> DatedEvidence:
    """The best-evidenced publication date, strongest evidence first."""
    for value, label in ((given, "input"), (metadata, "html metadata")):
        if value:
            found = dates_in(value) or ([(value[:10], "day", value)] if ISO.match(value[:10]) else [])
            if found:
                return DatedEvidence(found[0][0], found[0][1], label)  # type: ignore[arg-type]
    hit = from_url(url)
    if hit:
        return DatedEvidence(hit[0], hit[1], f"url path {url}")  # type: ignore[arg-type]
    for line in date_lines:
        found = dates_in(line)
        if found:
            return DatedEvidence(found[0][0], found[0][1], f"date line {line!r}")  # type: ignore[arg-type]
    head = text[:200]
    dl = dates_in(head[:120])
    if dl and re.search(r"[—–-]|\(\w+\)", head[: head.find(dl[0][2]) + len(dl[0][2]) + 6]):
        return DatedEvidence(dl[0][0], dl[0][1], f"dateline {dl[0][2]!r}")  # type: ignore[arg-type]
    for m in IMAGE_URL.finditer(page_text):
        hit = from_url(m.group("src"))
        if hit and hit[1] == "day":
            return DatedEvidence(hit[0], hit[1], f"image url path {m.group('src')}")  # type: ignore[arg-type]
    mentioned = [d for d in dates_in(text) if not not_after or d[0] <= not_after]
    if mentioned:
        latest = max(mentioned, key=lambda d: d[0])
        return DatedEvidence(
            latest[0], latest[1], f"latest date the text mentions ({latest[2]!r}); published on or after", floor=True
        )  # type: ignore[arg-type]
    return DatedEvidence(None, None, None)
