"""The timeline: dated events, the same event told by several articles merged into one.

Two event rows are one event when they fall on the same date (to the shared precision) and
either share a participant (by entity key, so "Kim Jong-un" meets "Kim Jong Un") or do the
same thing (the action's verb).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from newsledger.extract.entities import key_of
from newsledger.model import EventFields, content_id
from newsledger.run.executors import GroupMap, group_in_memory

EVENT_FIELDS = [f.name for f in fields(EventFields)]


@dataclass
class TimelineEvent(EventFields):
    """One event on the timeline, with every event row (sentence) that tells it."""

    id: str = ""
    mentions: list[dict[str, Any]] = field(default_factory=list)
    story_id: str | None = None

    @property
    def sources(self) -> int:
        return len({m["article_id"][:16] for m in self.mentions})


def _participants(row: dict[str, Any]) -> set[str]:
    out: set[str] = set()
    for field_ in ("actor1", "actor2"):
        for name in (row.get(field_) or "").split(" and "):
            if name.strip():
                out.add(key_of(name, "PERSON"))
    return out


def merge_events(rows: list[dict[str, Any]], group_map: GroupMap = group_in_memory) -> list[TimelineEvent]:
    """The timeline in date order. A shuffle keyed by story and date: only rows of one story and
    one date can be one event, so each is merged on its own."""
    ranked = group_map(_merge_day, ((f"{r.get('story_id') or ''}|{r['event_date']}", r) for r in rows), min_size=1)
    return [e for *_, e in sorted(ranked, key=lambda r: r[:3])]


def _merge_day(rows: list[dict[str, Any]]) -> list[tuple[str, str, int, TimelineEvent]]:
    """One story's event rows of one date merged into events, each with its date, story and place in the day."""
    events: list[TimelineEvent] = []
    for row in sorted(rows, key=lambda r: (r["event_date"], r["article_id"], r["start"], r["end"], r["id"])):
        verb = row["action_lemma"].split()[0]
        people = _participants(row)
        match = next(
            (
                e
                for e in events
                if e.event_date == row["event_date"]
                and (people & set().union(*(_participants(m) for m in e.mentions)) or e.action_lemma.split()[0] == verb)
            ),
            None,
        )
        if match is None:
            match = TimelineEvent(
                **{f: row[f] for f in EVENT_FIELDS},
                id=content_id(row["event_date"], row["action_lemma"], row["id"]),
                story_id=row.get("story_id"),
            )
            events.append(match)
        else:
            match.location = match.location or row["location"]
            match.actor2 = match.actor2 or row["actor2"]
            match.fatalities = match.fatalities if match.fatalities is not None else row["fatalities"]
        match.mentions.append(row)
    return [(e.event_date, e.story_id or "", i, e) for i, e in enumerate(events)]


def first_report(rows: list[dict[str, Any]]) -> tuple[str | None, str | None]:
    """When a fact was first reported and by whom: the earliest publication among the rows that
    tell it (each row with ``published`` and ``outlet`` of its article), else unknown."""
    dated = sorted((r["published"], r.get("outlet") or r["source"]) for r in rows if r.get("published"))
    return dated[0] if dated else (None, None)


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
        "first_reported": first_reported,
        "first_source": first_source,
        "article_id": first["article_id"],
        "source": first["source"],
        "sentence": first["sentence"],
        "sources": [{k: m[k] for k in ("article_id", "source", "sentence", "start", "end")} for m in e.mentions],
    }
