"""The explorer's pages: one query function per page returning plain data (the page's JSON), and
one renderer turning it into HTML with the package's templates (autoescaped: page text is shown
as text, never as markup). Charts are SVG drawn here, so a page needs no script at all."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import fields
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from newsledger.model import CAPTION, EventFields, FigureGroup, TimelineEvent, article_of
from newsledger.present.brief import figure_svg, marked_text, timeline_svg

PAGE_SIZE = 20
COOCCUR_SAMPLE = 2000  # an entity's latest mentions read for who appears with it (a country has hundreds of thousands)
CAP = 200  # rows shown on a page for any one list; past it, the page says how many more
KINDS = ("article", "quote", "figure", "event")
CSS_PATH = Path(__file__).parent / "static" / "explore.css"
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)

_env = Environment(loader=PackageLoader("newsledger.explore", "templates"), autoescape=select_autoescape(["html"]))


def render(template: str, **context: Any) -> str:
    return _env.get_template(template).render(**context)


Rows = list[dict[str, Any]]


class Query:
    """Run SQL on the ledger; the plugin passes Datasette's database, tests a plain connection."""

    def __init__(self, execute: Any) -> None:
        self._execute = execute

    async def rows(self, sql: str, params: dict[str, Any] | tuple = ()) -> Rows:
        return await self._execute(sql, params)

    async def one(self, sql: str, params: dict[str, Any] | tuple = ()) -> dict[str, Any] | None:
        rows = await self.rows(sql, params)
        return rows[0] if rows else None


def of_article(t: str) -> str:
    """SQL: the fact table ``t``'s row belongs to article ``a`` (its id, or its id and a caption's
    "~cN"), as a range on ``t.article_id`` that an index serves (``substr(...) = a.id`` is a scan)."""
    return f"{t}.article_id >= a.id AND {t}.article_id < a.id || '~~'"


# --- home ---------------------------------------------------------------------------------


async def home(q: Query, page: int = 1) -> dict[str, Any]:
    """The stories, largest and latest first, ``CAP`` to a page."""
    stories = await q.rows(
        "SELECT s.id, s.title, s.first_published, s.last_published, s.outlets, s.articles,"
        " (SELECT COUNT(*) FROM figure_groups g WHERE g.story_id = s.id AND g.claims > 1) AS figure_groups,"
        " (SELECT COUNT(*) FROM figure_groups g WHERE g.story_id = s.id AND g.conflicts > 0) AS conflicted,"
        " (SELECT COUNT(*) FROM timeline t WHERE t.story_id = s.id AND NOT t.background) AS events"
        " FROM stories s ORDER BY s.articles DESC, coalesce(s.last_published, '') DESC, s.id LIMIT ? OFFSET ?",
        (CAP + 1, (page - 1) * CAP),
    )
    more = len(stories) > CAP
    stories = stories[:CAP]
    for s in stories:
        s["outlets"] = json.loads(s["outlets"])
    totals = await q.one(
        "SELECT (SELECT COUNT(*) FROM articles) AS articles, (SELECT COUNT(*) FROM stories) AS stories,"
        " (SELECT COUNT(*) FROM quotes) AS quotes, (SELECT COUNT(*) FROM claims) AS figures,"
        " (SELECT COUNT(*) FROM timeline) AS events"
    )
    return {
        "totals": totals,
        "stories": stories,
        "shown": len(stories),
        "page": page,
        "more": more,
        "first": (page - 1) * CAP + 1,
    }


# --- search -------------------------------------------------------------------------------


def fts_query(text: str) -> str:
    """A user's words as an FTS5 query: each word a quoted term (no FTS syntax from the user)."""
    words = re.findall(r"[\w’'-]+", text)
    return " ".join('"' + w.replace('"', "") + '"' for w in words)


async def search(q: Query, args: dict[str, str]) -> dict[str, Any]:
    text = (args.get("q") or "").strip()
    page = max(1, int(args.get("page") or 1)) if (args.get("page") or "1").isdigit() else 1
    filters, params = [], {"match": fts_query(text), "limit": PAGE_SIZE + 1, "offset": (page - 1) * PAGE_SIZE}
    if args.get("kind") in KINDS:
        filters.append("s.kind = :kind")
        params["kind"] = args["kind"]
    for key, column, op in (("story", "a.story_id", "="), ("outlet", "coalesce(a.outlet, a.source)", "="),
                            ("from", "a.published", ">="), ("to", "a.published", "<=")):  # fmt: skip
        if args.get(key):
            filters.append(f"{column} {op} :{key}")
            params[key] = args[key]
    if args.get("entity"):
        filters.append(f"EXISTS (SELECT 1 FROM mentions m WHERE {of_article('m')} AND m.entity_id = :entity)")
        params["entity"] = args["entity"]
    results: Rows = []
    if params["match"]:
        if all(f.startswith("s.") for f in filters):
            # no filter on the article: rank inside the index first and read one page of rows
            # (joining every match to its article before ranking costs seconds at 100,000 articles)
            inner = " AND ".join(["search MATCH :match", *(f.replace("s.", "", 1) for f in filters)])
            where = f"search MATCH :match AND s.rowid IN (SELECT rowid FROM search WHERE {inner} ORDER BY rank, ref LIMIT :limit OFFSET :offset)"
            page_by = ""
        else:
            where, page_by = " AND ".join(["search MATCH :match", *filters]), " LIMIT :limit OFFSET :offset"
        results = await q.rows(
            "SELECT s.kind, s.ref, s.article_id, s.start, snippet(search, 0, '\u0001', '\u0002', '…', 14) AS snippet,"
            " a.title, a.story_id, coalesce(a.outlet, a.source) AS outlet, a.published"
            f" FROM search s JOIN articles a ON a.id = substr(s.article_id, 1, 16) WHERE {where}"
            f" ORDER BY rank, s.ref{page_by}",
            params,
        )
    more = len(results) > PAGE_SIZE
    kept = {k: v for k, v in args.items() if k != "page"}
    return {
        "q": text, "page": page, "more": more, "results": results[:PAGE_SIZE], "filters": kept,
        "prev_qs": urlencode({**kept, "page": page - 1}), "next_qs": urlencode({**kept, "page": page + 1}),
        "this_qs": urlencode({**kept, "page": page}),
    }  # fmt: skip


def highlight(snippet: str) -> Markup:
    """A snippet's matched words in <mark>, everything else escaped."""
    return Markup(str(escape(snippet)).replace("\u0001", "<mark>").replace("\u0002", "</mark>"))


# --- story --------------------------------------------------------------------------------


async def story(q: Query, story_id: str) -> dict[str, Any] | None:
    st = await q.one("SELECT * FROM stories WHERE id = ?", (story_id,))
    if st is None:
        return None
    st.pop("terms", None)
    st["outlets"] = json.loads(st["outlets"])
    articles = await q.rows(
        "SELECT id, title, coalesce(outlet, source) AS outlet, published, role, duplicate_of FROM articles WHERE story_id = ?"
        " ORDER BY coalesce(published, '9999'), seq LIMIT ?",
        (story_id, CAP),
    )
    events = await q.rows(
        "SELECT t.*, (SELECT e.article_id FROM timeline_reports r JOIN events e ON e.id = r.event_row_id"
        " WHERE r.event_id = t.event_id ORDER BY e.article_id LIMIT 1) AS article_id,"
        " (SELECT e.sentence_start FROM timeline_reports r JOIN events e ON e.id = r.event_row_id"
        " WHERE r.event_id = t.event_id ORDER BY e.article_id LIMIT 1) AS sentence_start"
        " FROM timeline t WHERE t.story_id = ? ORDER BY t.background, t.event_date = '', t.event_date, t.first_reported, t.event_id LIMIT ?",
        (story_id, CAP),
    )
    groups = await q.rows(
        "SELECT * FROM figure_groups WHERE story_id = ? AND (claims > 1 OR articles > 1) ORDER BY conflicts DESC, articles DESC,"
        " claims DESC, group_id LIMIT ?",
        (story_id, CAP),
    )
    for g in groups:
        g["chart"] = await figure_chart(q, g)
    quotes = await q.rows(
        "SELECT q.id, q.article_id, q.sentence_start, q.kind, q.content, q.cue, coalesce(s.name, q.speaker) AS speaker,"
        f" s.entity_id, s.kind AS speaker_kind, s.role FROM articles a JOIN quotes q ON {of_article('q')}"
        " LEFT JOIN speakers s ON s.quote_id = q.id WHERE a.story_id = ? ORDER BY speaker, q.article_id, q.start LIMIT ?",
        (story_id, CAP),
    )
    with_whom = await q.rows(
        "SELECT e1.name AS a, e1.id AS a_id, e2.name AS b, e2.id AS b_id, COUNT(*) AS sentences FROM mentions m1"
        " JOIN mentions m2 ON m1.article_id = m2.article_id AND m1.sentence = m2.sentence AND m1.entity_id < m2.entity_id"
        " JOIN entities e1 ON e1.id = m1.entity_id JOIN entities e2 ON e2.id = m2.entity_id"
        f" JOIN articles a ON {of_article('m1')}"
        " WHERE a.story_id = ? GROUP BY e1.id, e2.id ORDER BY sentences DESC, a, b LIMIT 15",
        (story_id,),
    )
    timeline = [_timeline_event(e) for e in events if not e["background"] and e["event_date"]]
    return {
        "story": st,
        "articles": articles,
        "events": events,
        "timeline_svg": Markup(timeline_svg(timeline)) if timeline else "",
        "figure_groups": groups,
        "quotes": quotes,
        "with_whom": with_whom,
    }


def _timeline_event(row: dict[str, Any]) -> TimelineEvent:
    names = [f.name for f in fields(EventFields)]
    return TimelineEvent(**{n: row[n] for n in names}, id=row["event_id"], mentions=[{"article_id": row["article_id"] or ""}])


async def figure_chart(q: Query, g: dict[str, Any]) -> Markup:
    claims = await q.rows(
        "SELECT c.*, a.published FROM figure_members f JOIN claims c ON c.id = f.claim_id"
        " JOIN articles a ON a.id = substr(c.article_id, 1, 16) WHERE f.group_id = ? ORDER BY f.position",
        (g["group_id"],),
    )
    for c in claims:
        c["approximate"] = bool(c["approximate"])
    group = FigureGroup(g["group_id"], g["label"], g["unit"], g["actor"], claims)
    return Markup(figure_svg(group, {}))


# --- figure group -------------------------------------------------------------------------


async def figure(q: Query, group_id: str) -> dict[str, Any] | None:
    g = await q.one("SELECT * FROM figure_groups WHERE group_id = ?", (group_id,))
    if g is None:
        return None
    claims = await q.rows(
        "SELECT c.id, c.article_id, c.sentence_start, c.sentence, c.text, c.value, c.low, c.high, c.unit, c.measure,"
        " c.attribution, c.time_value, coalesce(a.outlet, a.source) AS outlet, a.published, a.title"
        " FROM figure_members f JOIN claims c ON c.id = f.claim_id JOIN articles a ON a.id = substr(c.article_id, 1, 16)"
        " WHERE f.group_id = ? ORDER BY f.position",
        (group_id,),
    )
    relations = await q.rows("SELECT kind, a, b FROM figure_relations WHERE group_id = ? ORDER BY kind, a, b", (group_id,))
    flags: dict[str, list[str]] = {}
    for r in relations:
        for cid in (r["a"], r["b"]):
            flags.setdefault(cid, [])
            if r["kind"] not in flags[cid]:
                flags[cid].append(r["kind"])
    for c in claims:
        c["flags"] = sorted(flags.get(c["id"], []))
    return {"group": g, "claims": claims, "relations": relations, "chart": await figure_chart(q, g)}


# --- entity -------------------------------------------------------------------------------


async def entity(q: Query, entity_id: str) -> dict[str, Any] | None:
    ent = await q.one("SELECT id, name, label, aliases, mentions FROM entities WHERE id = ?", (entity_id,))
    if ent is None:
        return None
    ent["aliases"] = json.loads(ent["aliases"])
    roles = await q.rows(
        "SELECT role, COUNT(*) AS n FROM speakers WHERE entity_id = ? AND role IS NOT NULL GROUP BY role ORDER BY n DESC, role LIMIT 10",
        (entity_id,),
    )
    over_time = await q.rows(
        "SELECT coalesce(a.published, 'undated') AS day, SUM(m.n) AS n FROM (SELECT substr(article_id, 1, 16) AS aid,"
        " COUNT(*) AS n FROM mentions WHERE entity_id = ? GROUP BY aid) m JOIN articles a ON a.id = m.aid GROUP BY day ORDER BY day",
        (entity_id,),
    )
    quotes = await q.rows(
        "SELECT q.id, q.article_id, q.sentence_start, q.kind, q.content, q.cue, s.role, a.title, a.published"
        " FROM speakers s JOIN quotes q ON q.id = s.quote_id JOIN articles a ON a.id = substr(q.article_id, 1, 16)"
        " WHERE s.entity_id = ? ORDER BY coalesce(a.published, '9999'), q.article_id, q.start LIMIT ?",
        (entity_id, CAP),
    )
    names = [a for a in ent["aliases"]][:20]
    marks = ",".join("?" * len(names)) or "''"
    figures = await q.rows(
        f"SELECT c.id, c.article_id, c.sentence_start, c.text, c.measure, c.unit, c.attribution, c.actor, c.subject, a.published"
        f" FROM claims c JOIN articles a ON a.id = substr(c.article_id, 1, 16)"
        f" WHERE c.actor IN ({marks}) OR c.attribution IN ({marks}) OR c.subject IN ({marks})"
        f" ORDER BY coalesce(a.published, '9999'), c.article_id, c.start LIMIT ?",
        (*names, *names, *names, CAP),
    )
    with_whom = await q.rows(
        "SELECT e.id, e.name, e.label, COUNT(*) AS sentences FROM"
        " (SELECT article_id, sentence FROM mentions WHERE entity_id = ? ORDER BY rowid DESC LIMIT ?) m1 JOIN mentions m2"
        " ON m1.article_id = m2.article_id AND m1.sentence = m2.sentence AND m2.entity_id != ?"
        " JOIN entities e ON e.id = m2.entity_id GROUP BY e.id ORDER BY sentences DESC, e.name LIMIT 15",
        (entity_id, COOCCUR_SAMPLE, entity_id),
    )
    ent["sampled"] = ent["mentions"] > COOCCUR_SAMPLE  # who appears with it, counted in its latest mentions only
    return {"entity": ent, "roles": roles, "over_time": over_time, "chart": Markup(_bars(over_time)), "quotes": quotes,
            "figures": figures, "with_whom": with_whom, "sample": COOCCUR_SAMPLE}  # fmt: skip


def _bars(points: Rows) -> str:
    """Mentions per publication day as bars (an SVG; labels escaped)."""
    if not points:
        return ""
    top = max(p["n"] for p in points) or 1
    w = max(36 * len(points), 200)
    parts = [f'<svg viewBox="0 0 {w} 140" role="img" aria-label="mentions over time">']
    for i, p in enumerate(points):
        h = 100 * p["n"] / top
        parts.append(
            f'<rect x="{i * 36 + 6}" y="{110 - h:.1f}" width="24" height="{h:.1f}" fill="#2458a6"><title>{escape(p["day"])}: {p["n"]}</title></rect>'
        )
        parts.append(f'<text x="{i * 36 + 18}" y="126" font-size="8" text-anchor="middle">{escape(str(p["day"])[-5:])}</text>')
    parts.append("</svg>")
    return "".join(parts)


# --- article ------------------------------------------------------------------------------


async def article(q: Query, article_id: str) -> dict[str, Any] | None:
    """An article (or one of its image captions, ``<id>~c<n>``) with every fact's sentence marked."""
    art = await q.one(
        "SELECT id, story_id, source, outlet, outlet_evidence, role, title, byline, published, published_precision,"
        " published_after, text, url, duplicate_of, captions FROM articles WHERE id = ?",
        (article_of(article_id),),
    )
    if art is None:
        return None
    captions = json.loads(art.pop("captions") or "[]")
    if CAPTION in article_id:  # an image caption: its own text and facts
        n = int(article_id.split(CAPTION, 1)[1])
        if n >= len(captions):
            return None
        art = {**art, "id": article_id, "title": f"Caption {n + 1} of: {art['title'] or '(untitled)'}", "text": captions[n]}
    elif art["id"] != article_id:
        return None
    facts = await q.rows(
        "SELECT 'figure' AS kind, id, sentence_start, sentence FROM claims WHERE article_id = :a"
        " UNION ALL SELECT 'quote', id, sentence_start, sentence FROM quotes WHERE article_id = :a"
        " UNION ALL SELECT 'event', id, sentence_start, sentence FROM events WHERE article_id = :a"
        " ORDER BY sentence_start",
        {"a": article_id},
    )
    ends: dict[int, int] = {}
    kinds: dict[int, set[str]] = {}
    for f in facts:
        start = f["sentence_start"]
        ends[start] = max(ends.get(start, 0), start + len(f["sentence"]))
        kinds.setdefault(start, set()).add(f["kind"])

    def wrap(start: int, words: str) -> str:
        return f'<span class="s" id="s-{start}" title="{escape(", ".join(sorted(kinds[start])))}">{words}</span>'

    body = marked_text(art["text"], ends, wrap, lambda t: str(escape(t)))
    return {"article": art, "facts": facts, "body": Markup(f"<p>{body}</p>")}


def as_csv(rows: Rows) -> str:
    buf = io.StringIO()
    if rows:
        w = csv.DictWriter(buf, fieldnames=list(rows[0]), extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow({k: (json.dumps(v) if isinstance(v, list | dict) else v) for k, v in r.items()})
    return buf.getvalue()


def jsonable(data: Any) -> Any:
    """A page's data as JSON: charts (markup) left out."""
    if isinstance(data, Markup):
        return None
    if isinstance(data, dict):
        return {k: jsonable(v) for k, v in data.items() if not isinstance(v, Markup)}
    if isinstance(data, list):
        return [jsonable(v) for v in data]
    return data
