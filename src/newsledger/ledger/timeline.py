"""The timeline: dated events, the same event told by several articles merged into one.

Two event rows are one event when they fall on the same date (to the shared precision) and
either share a participant (by entity key, so "Kim Jong-un" meets "Kim Jong Un") or do the
same thing (the action's verb); a lead sentence dated by its article's publication joins an event
of the same type and participants its words date a few days before.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from typing import Any

from newsledger.extract.entities import key_of
from newsledger.model import EventFields, EventRow, TimelineEvent, content_id
from newsledger.shuffle import GroupMap, group_in_memory

EVENT_FIELDS = [f.name for f in fields(EventFields)]


def _participants(row: EventRow) -> set[str]:
    out: set[str] = set()
    for field_ in ("actor1", "actor2"):
        for name in (row.get(field_) or "").split(" and "):
            if name.strip():
                out.add(key_of(name, "PERSON"))
    return out


REPORT_LAG_DAYS = 3  # a lead dated by its article's publication may tell an event this many days older


def merge_events(rows: list[EventRow], group_map: GroupMap = group_in_memory) -> list[TimelineEvent]:
    """The timeline in date order. A shuffle keyed by story: only rows of one story can be one
    event, so each story is merged on its own. Which rows merge, and which row an event is told
    by, is decided by their content (date, sentence, action), never by where the inputs sit."""
    ranked = group_map(_merge_story, ((r.get("story_id") or "", r) for r in rows), min_size=1)
    return [e for *_, e in sorted(ranked, key=lambda r: r[:3])]


def _days_apart(later: str, earlier: str) -> int | None:
    try:
        return (date.fromisoformat(later) - date.fromisoformat(earlier)).days
    except ValueError:
        return None


def _same_event(e: TimelineEvent, row: EventRow, people: set[str]) -> bool:
    """The same date and a shared participant or verb; or a lead dated by its publication and an
    event its words date up to ``REPORT_LAG_DAYS`` before, of the same type, with a shared participant."""
    shared = bool(people & set().union(*(_participants(m) for m in e.mentions)))
    if not row["event_date"]:  # undated: the same type and a shared participant, whatever the event's date
        return shared and e.event_type == row["event_type"]
    if e.event_date == row["event_date"]:
        return shared or e.action_lemma.split()[0] == row["action_lemma"].split()[0]
    if row["date_evidence"] == "published" and e.event_type == row["event_type"] and shared:
        lag = _days_apart(row["event_date"], e.event_date)
        return lag is not None and 0 <= lag <= REPORT_LAG_DAYS
    return False


def _content_order(r: EventRow) -> tuple[Any, ...]:
    """Rows its own words date first, then publication-dated, then undated; then by content."""
    rank = 2 if not r["event_date"] else 1 if r["date_evidence"] == "published" else 0
    return (rank, r["event_date"], r["sentence"], r["action_lemma"], r["start"], r["end"])


def _merge_story(rows: list[EventRow]) -> list[tuple[str, str, int, TimelineEvent]]:
    """One story's event rows merged into events (rows its own words date first, so an event
    keeps the most exact date), each with its date, story and place."""
    events: list[TimelineEvent] = []
    for row in sorted(rows, key=_content_order):
        people = _participants(row)
        match = next((e for e in events if _same_event(e, row, people)), None)
        if match is None:
            match = TimelineEvent(
                **{f: row[f] for f in EVENT_FIELDS},
                id=content_id(row["event_date"], row["action_lemma"], row["sentence"]),
                story_id=row.get("story_id"),
            )
            events.append(match)
        else:
            match.location = match.location or row["location"]
            match.actor2 = match.actor2 or row["actor2"]
            match.fatalities = match.fatalities if match.fatalities is not None else row["fatalities"]
        match.mentions.append(row)
    for e in events:
        if e.event_date and any(not m["event_date"] for m in e.mentions) and not e.date_evidence.startswith("story:"):
            e.date_evidence = f"story:{e.date_evidence}"  # some reports had no date: the story's other reports gave it
    # dated events by date; undated ones after them, by when they were first reported (then content)
    events.sort(
        key=lambda e: (not e.event_date, e.event_date or first_report(e.mentions)[0] or "~", _content_order(e.mentions[0]))
    )
    return [(e.event_date or "~", e.story_id or "", i, e) for i, e in enumerate(events)]


def first_report(rows: list[EventRow]) -> tuple[str | None, str | None]:
    """When a fact was first reported and by whom: the earliest publication among the rows that
    tell it (each row with ``published`` and ``outlet`` of its article), else unknown."""
    dated = sorted((r["published"], r.get("outlet") or r["source"]) for r in rows if r.get("published"))
    return dated[0] if dated else (None, None)


def differences(e: TimelineEvent) -> dict[str, list[Any]]:
    """Where the reports of one event disagree: each of date, toll and place that its reports give
    more than one value of, with the values in the order first reported."""
    out: dict[str, list[Any]] = {}
    for key, name in (("event_date", "date"), ("fatalities", "toll"), ("location", "place")):
        values = list(dict.fromkeys(m[key] for m in e.mentions if m.get(key) not in (None, "")))
        if len(values) > 1:
            out[name] = values
    return out


def event_record(e: TimelineEvent) -> dict[str, Any]:
    """One event as a row, ACLED's fields first, when and by whom it was first reported, every
    source sentence after."""
    first = e.mentions[0]
    first_reported, first_source = first_report(e.mentions)
    return {
        "event_id": e.id,
        "story_id": e.story_id,
        "event_date": e.event_date,
        "time_precision": e.time_precision,
        "actor1": e.actor1,
        "actor2": e.actor2,
        "action": e.action,
        "action_lemma": e.action_lemma,
        "event_type": e.event_type,
        "location": e.location,
        "fatalities": e.fatalities,
        "date_evidence": e.date_evidence,
        "background": e.background,
        "reports_differ": differences(e),
        "first_reported": first_reported,
        "first_source": first_source,
        "article_id": first["article_id"],
        "source": first["source"],
        "sentence": first["sentence"],
        "sources": [{k: m[k] for k in ("article_id", "source", "sentence", "start", "end")} for m in e.mentions],
    }


BACKGROUND_DAYS = 365  # an event this long before its story was first reported is background


def mark_background(events: list[TimelineEvent], first_published: dict[str, str | None]) -> None:
    """Type as background the events dated more than ``BACKGROUND_DAYS`` before their story's
    first publication (births, earlier seasons, history): kept, and folded away in the brief."""
    for e in events:
        first = first_published.get(e.story_id or "")
        if first and len(first) >= 10 and len(e.event_date) >= 4:  # an undated event is never background
            when = (
                e.event_date
                if len(e.event_date) >= 10
                else f"{e.event_date[:7]}-28"
                if len(e.event_date) >= 7
                else f"{e.event_date[:4]}-12-31"
            )
            lag = _days_apart(first[:10], when[:10])
            e.background = lag is not None and lag > BACKGROUND_DAYS
