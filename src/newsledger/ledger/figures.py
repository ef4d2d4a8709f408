"""Figure groups: claims that measure the same thing, compared across sources and time.

Claims are grouped by what they count, never by lists written for a story, and only with claims of
the same story (``story_id``): a figure is never compared with another event's.


* the unit: a currency or a measurement unit, or the counted noun's lemma ("troop");
* across articles, a shared named entity (one not named in most of the bucket's sentences);
* for money and percentages, the thing measured ("drone"), so a drone's cost and a missile's stay apart;
* the actor, where a claim names one ("North Korean troops" vs "Ukrainian troops"); a claim
  that names none joins its unit's largest actor group;
* part-of links found in the text ("13,000 personnel, including 11,000 combat troops") join
  two units into one group, with the part marked.

Within a group, each pair of claims from different articles or different sources is compared as intervals (open
bounds run to infinity, approximate values widen by 10%): a later-dated claim that differs is
an **update**; claims that cannot both be true for the same (or an unknown) time are a
**conflict**; a part stays a **part**.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import partial
from typing import Any

from newsledger.extract.entities import key_of
from newsledger.grammar.numbers import CURRENCIES, CURRENCY_WORDS
from newsledger.model import ClaimRow, FigureGroup, article_of, content_id
from newsledger.shuffle import GroupMap, group_in_memory

MAX_COMPARED = 300
VAGUE_WORDS = {"dozens", "scores", "hundreds", "thousands", "millions", "billions"}
MEASURED_UNITS = {*CURRENCIES.values(), *CURRENCY_WORDS.values(), "percentage"}
SKIP_UNITS = {"year", "month", "week", "day", "hour", "minute", "second", "time", "percentage-point"}
NATIONALITY_SUFFIX = re.compile(r"(?:ian|ean|an|ese|ish|i|n)$")


def _actor_key(actor: str | None, places: set[str]) -> str | None:
    """ "North Korean" and "North Korea" meet: a nationality adjective becomes its place."""
    if not actor:
        return None
    k = key_of(actor, "GPE")
    if k in places:
        return k
    stem = NATIONALITY_SUFFIX.sub("", k)
    match = next((p for p in sorted(places) if p.startswith(stem) and len(stem) >= 4), None)
    return match or k


def _factor(c: ClaimRow) -> float:
    """The factor to the claim's canonical unit, where its group mixes written units."""
    return c.get("to_canonical") or 1.0


def _interval(c: ClaimRow) -> tuple[float, float]:
    lo = c["low"] if c["low"] is not None else (-math.inf if c["value"] is None or c["high"] is not None else c["value"])
    hi = c["high"] if c["high"] is not None else (math.inf if c["value"] is None or c["low"] is not None else c["value"])
    if c["value"] is not None and c["low"] is not None and c["high"] is not None:
        lo, hi = c["low"], c["high"]
    if c["approximate"]:
        lo, hi = lo * 0.9 if lo > 0 else lo, hi * 1.1 if hi > 0 else hi
    return lo * _factor(c), hi * _factor(c)


def _when(c: ClaimRow) -> str | None:
    tv = c.get("time_value")
    if tv and re.match(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$", tv):
        return tv
    return c.get("published")


def group_figures(claims: Iterable[ClaimRow], places: set[str], group_map: GroupMap = group_in_memory) -> list[FigureGroup]:
    """Figure groups from claim rows (with ``published`` of their article), largest first.

    A shuffle: each claim is keyed by its unit bucket (units tied by part-of links share one),
    and each bucket is split into groups on its own, so an executor can spread the buckets."""
    usable = [c for c in claims if c["unit"] and c["unit"] not in SKIP_UNITS and is_figure(c)]
    by_id = {c["id"]: c for c in usable}
    parent: dict[str, str] = {}

    def find(k: str) -> str:
        while parent.get(k, k) != k:
            k = parent[k]
        return k

    def unit_key(c: ClaimRow) -> str:
        unit = c.get("canonical_unit") or c["unit"]  # "13 km" and "8 miles" are compared in metres
        if c["text"].lower().split()[-1] in VAGUE_WORDS:
            return f"{unit}|#{c['id']}"  # "hundreds of miles" is a manner of speaking, not a figure to compare
        if c["unit"] in MEASURED_UNITS or (c.get("canonical_unit") or "").isupper():  # an ISO 4217 code: money
            thing = (c["measure"] or "").lower().split()
            # money or a share of nothing named stands alone: "$3 million" alone says not what of
            return f"{unit}|{thing[-1]}" if thing else f"{unit}|#{c['id']}"
        return unit

    for c in usable:
        whole = by_id.get(c.get("part_of") or "")
        if whole is not None:
            a, b = find(unit_key(c)), find(unit_key(whole))
            if a != b:
                parent[a] = b
    # comparisons stay inside a story: the same unit in two stories is two buckets
    keys = [f"{c.get('story_id') or ''}|{find(unit_key(c))}" for c in usable]
    keyed = ((k, (i, k, c)) for i, (k, c) in enumerate(zip(keys, usable, strict=True)))
    ranked = sorted(group_map(partial(_bucket_groups, places=places), keyed, min_size=1), key=lambda r: r[:2])
    groups = [g for *_, g in ranked]  # buckets in reading order of their first claim, as a local run gives them
    groups.sort(key=lambda g: (-g.sources, -len(g.claims), g.label))
    return groups


def _bucket_groups(members: list[tuple[int, str, ClaimRow]], places: set[str]) -> list[tuple[int, int, FigureGroup]]:
    """One unit bucket's groups, split by actor and shared entities, each with the bucket's
    first reading position and its own place in the bucket (for a stable order)."""
    members = sorted(members, key=lambda m: m[0])
    first, key = members[0][0], members[0][1]
    claims = [c for *_, c in members]
    actors = Counter(a for a in (_actor_key(m["actor"], places) for m in claims) if a)
    split: dict[str | None, list[ClaimRow]] = defaultdict(list)
    main_actor = actors.most_common(1)[0][0] if actors else None
    for m in claims:
        split[_actor_key(m["actor"], places) or main_actor].append(m)
    out = []
    for actor, cs in split.items():
        parts = [cs] if len({article_of(c["article_id"]) for c in cs}) == 1 else _by_shared_entities(cs, places)
        for part in parts:
            out.append((first, len(out), _make_group(key, actor, part)))
    return out


def _by_shared_entities(claims: list[ClaimRow], places: set[str]) -> list[list[ClaimRow]]:
    """Counted things ("people", "troops") from different stories are not one figure: claims
    stay together only when their sentences share a named entity (or a part-of link ties them),
    directly or through other claims of the group."""
    parent = list(range(len(claims)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[str, int] = {}
    index = {c["id"]: i for i, c in enumerate(claims)}
    keys_of = [
        {_actor_key(e, places) or "" for e in c.get("about") or []}
        | ({_actor_key(c["actor"], places)} if c.get("actor") else set())
        for c in claims
    ]
    # an entity named in most of a big bucket's sentences ("US", "Germany") would link everything
    freq = Counter(k for ks in keys_of for k in ks - {""})
    common = {k for k, n in freq.items() if len(claims) >= 12 and n > max(3, 0.25 * len(claims))}
    for i, c in enumerate(claims):
        for k in keys_of[i] - {""} - common:
            if k in owner:
                parent[find(i)] = find(owner[k])
            else:
                owner[k] = i
        if c.get("part_of") in index:
            parent[find(i)] = find(index[c["part_of"]])
    parts: dict[int, list[ClaimRow]] = defaultdict(list)
    for i, c in enumerate(claims):
        parts[find(i)].append(c)
    return list(parts.values())


def _make_group(key: str, actor: str | None, claims: list[ClaimRow]) -> FigureGroup:
    claims = sorted(claims, key=lambda c: (_when(c) or "9999", c["article_id"], c["start"]))
    measures = Counter((c["measure"] or c["unit"]).lower() for c in claims if not c.get("part_of"))
    label = (measures.most_common(1)[0][0] if measures else claims[0]["unit"]) + (f" ({actor.title()})" if actor else "")
    wholes = [c for c in claims if not c.get("part_of")] or claims
    # one written unit: the spread in it; several ("13 km", "8 miles"): in the unit they are compared in
    mixed = len({c["unit"] for c in wholes}) > 1 and all(c.get("canonical_unit") for c in wholes)
    unit = claims[0]["canonical_unit"] if mixed else claims[0]["unit"]
    g = FigureGroup(content_id(key, actor or "", claims[0]["id"]), label, unit, actor, claims, claims[0].get("story_id"))

    def ends(c: ClaimRow, end: str) -> float | None:
        x = c[end] if c[end] is not None else c["value"]
        return None if x is None else x * _factor(c) if mixed else x

    lows = [x for x in (ends(c, "low") for c in wholes) if x is not None]
    highs = [x for x in (ends(c, "high") for c in wholes) if x is not None]
    g.low, g.high = (min(lows) if lows else None), (max(highs) if highs else None)
    ids = {c["id"] for c in claims}
    if len(claims) > MAX_COMPARED:
        return g  # too many claims to compare pairwise: the group is listed, its relations are not
    for i, a in enumerate(claims):
        for b in claims[i + 1 :]:
            if b.get("part_of") == a["id"] or a.get("part_of") == b["id"]:
                part, whole = (b, a) if b.get("part_of") == a["id"] else (a, b)
                g.relations.append({"kind": "part", "a": part["id"], "b": whole["id"]})
                continue
            if a.get("part_of") in ids or b.get("part_of") in ids:
                continue
            (alo, ahi), (blo, bhi) = _interval(a), _interval(b)
            overlap = alo <= bhi and blo <= ahi
            wa, wb = _when(a), _when(b)
            same_voice = article_of(a["article_id"]) == article_of(b["article_id"]) and a["attribution"] == b["attribution"]
            if same_voice and not (wa and wb and wa[:7] != wb[:7]):
                continue  # one voice saying two things at one time is not a disagreement
            if wa and wb and wa[:7] != wb[:7] and not overlap:
                earlier, later = (a, b) if wa < wb else (b, a)
                g.relations.append({"kind": "update", "a": earlier["id"], "b": later["id"]})
            elif not overlap:
                g.relations.append({"kind": "conflict", "a": a["id"], "b": b["id"]})
    return g


def is_figure(c: ClaimRow) -> bool:
    """Whether a claim is a figure for the ledger: a counted "one" ("one reason", "one of them") is
    how sentences name a thing; claims.jsonl keeps it, the figures table and groups do not."""
    return c["text"].lower() != "one"


def fmt_value(c: ClaimRow) -> str:
    """A claim's value as people write it: "14,000–15,000", "more than 10,000", "~$70,000"."""
    money = {"dollar": "$", "euro": "€", "pound sterling": "£"}.get(c["unit"], "")

    def n(x: float) -> str:
        return f"{money}{x:,.0f}" if x == int(x) else f"{money}{x:,.2f}"

    approx = "~" if c["approximate"] else ""
    if c["low"] is not None and c["high"] is not None and c["low"] != c["high"]:
        return f"{approx}{n(c['low'])}–{n(c['high'])}"
    if c["low"] is not None and c["high"] is None:
        return f"more than {approx}{n(c['low'])}"
    if c["high"] is not None and c["low"] is None:
        return f"up to {approx}{n(c['high'])}"
    now = f"{approx}{n(c['value'])}" if c["value"] is not None else c["text"]
    return f"{n(c['from_value'])} → {now}" if c.get("from_value") is not None else now


def group_record(g: FigureGroup) -> dict[str, Any]:
    """A figure group as an export row: what it counts, its spread, when and by whom it was first
    reported, and what changed after (updates, conflicts, parts)."""
    dated = sorted((c["published"], c.get("outlet") or c["source"], c["id"]) for c in g.claims if c.get("published"))
    kinds = Counter(r["kind"] for r in g.relations)
    return {
        "group_id": g.id,
        "story_id": g.story_id,
        "label": g.label,
        "unit": g.unit,
        "actor": g.actor,
        "claims": len(g.claims),
        "articles": g.sources,
        "low": g.low,
        "high": g.high,
        "first_reported": dated[0][0] if dated else None,
        "first_source": dated[0][1] if dated else None,
        "first_claim": dated[0][2] if dated else g.claims[0]["id"],
        "updates": kinds.get("update", 0),
        "conflicts": kinds.get("conflict", 0),
        "parts": kinds.get("part", 0),
        "claim_ids": [c["id"] for c in g.claims],
    }
