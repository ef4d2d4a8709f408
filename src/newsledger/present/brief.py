"""The brief: one self-contained HTML file (no script, no request) an analyst reads.

Every item links to the sentence it came from: the article section at the end shows each
article in full, with every sentence a fact came from wrapped in an anchor that ``:target``
highlights. Every piece of page text is escaped where it is written, so an article holding
``<script>`` shows the tag as text.
"""

from __future__ import annotations

import html
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from importlib import resources
from typing import Any
from urllib.parse import urlparse

from newsledger.extract.entities import resolver
from newsledger.ledger.figures import fmt_value
from newsledger.ledger.stories import Story
from newsledger.ledger.timeline import differences
from newsledger.model import Article, Entity, FactRow, FigureGroup, QuoteRow, TimelineEvent, article_of

E = html.escape

CSS = (resources.files("newsledger.present") / "brief.css").read_text(encoding="utf-8")  # inlined: the brief fetches nothing


def _outlet(article: Article) -> str:
    if article.outlet:
        return article.outlet
    if article.url:
        host = urlparse(article.url).netloc
        return host[4:] if host.startswith("www.") else host
    return article.source.rsplit("/", 1)[-1].split("#")[0]


def _link(article_id: str, start: int, label: str) -> str:
    return f'<a href="#s-{E(article_id)}-{start}">{E(label)}</a>'


def _ordinal(d: str) -> float:
    parts = d[:10].split("-")
    y = int(parts[0])
    m = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 7
    dd = int(parts[2]) if len(parts) > 2 and parts[2][:2].isdigit() else 15
    return y * 372 + (m - 1) * 31 + dd


def timeline_svg(events: list[TimelineEvent]) -> str:
    if not events:
        return ""
    xs = [_ordinal(e.event_date) for e in events]
    lo, hi = min(xs), max(xs)
    span = max(hi - lo, 1)
    w, h, pad = 900, 120, 40
    parts = [f'<svg viewBox="0 0 {w} {h}" role="img" aria-label="Timeline of {len(events)} events">',
             f'<line x1="{pad}" y1="70" x2="{w - pad}" y2="70" stroke="#9aa5b1" stroke-width="2"/>']  # fmt: skip
    years = sorted({e.event_date[:4] for e in events})
    last_x = -1e9
    for y in years:  # year labels at least 44 px apart: a crowded decade shows every other year, and so on
        x = pad + (_ordinal(y + "-01-01") - lo) / span * (w - 2 * pad)
        if pad <= x <= w - pad and x - last_x >= 44:
            parts.append(f'<text x="{x:.0f}" y="105" font-size="13" text-anchor="middle" fill="#616e7c">{E(y)}</text>')
            last_x = x
    last_label = -1e9
    for i, (e, x0) in enumerate(zip(events, xs, strict=True)):
        x = pad + (x0 - lo) / span * (w - 2 * pad)
        r = 5 + 2 * min(e.sources, 4)
        show_label = x - last_label > 70
        parts.append(
            f'<a href="#ev-{E(e.id)}"><circle cx="{x:.0f}" cy="70" r="{r}" fill="#2458a6" fill-opacity=".75">'
            f"<title>{E(e.event_date)}: {E(e.actor1 or '')} {E(e.action)} {E(e.actor2 or '')}</title></circle></a>"
        )
        if show_label:
            parts.append(
                f'<text x="{x:.0f}" y="{40 - 14 * (i % 2)}" font-size="12" text-anchor="middle">{E(e.event_date)}</text>'
            )
            last_label = x
    parts.append("</svg>")
    return "".join(parts)


def figure_svg(group: FigureGroup, articles: dict[str, Article]) -> str:
    """Values by source and date: a range is a bar, a value a dot, an open bound an arrow."""
    cs = group.claims
    vals = [v for c in cs for v in (c["low"], c["high"], c["value"]) if v is not None]
    if not vals:
        return ""
    vmax = max(vals) * 1.15 or 1
    row, left, width = 34, 250, 620
    h = row * len(cs) + 30
    parts = [f'<svg viewBox="0 0 {left + width + 20} {h}" role="img" aria-label="{E(group.label)} by source">']
    for k in range(5):
        v = vmax * k / 4
        x = left + width * k / 4
        parts.append(f'<line x1="{x:.0f}" y1="0" x2="{x:.0f}" y2="{h - 24}" stroke="#e4e7eb"/>')
        parts.append(f'<text x="{x:.0f}" y="{h - 8}" font-size="11" text-anchor="middle" fill="#616e7c">{E(_short(v))}</text>')
    for i, c in enumerate(cs):
        y = 20 + i * row
        art = articles.get(article_of(c["article_id"]))
        who = c["attribution"] or (_outlet(art) if art else c["source"].rsplit("/", 1)[-1])
        when = c.get("time_value") or (art.published if art else c.get("published")) or "undated"
        who = who if len(who) <= 24 else who[:23] + "…"
        label = f"{who} · {when}"
        parts.append(f'<text x="{left - 8}" y="{y + 4}" font-size="12" text-anchor="end">{E(label)}</text>')
        lo, hi = c["low"], c["high"]  # None is an open bound ("more than", "up to")
        if lo is None and hi is None:
            lo = hi = c["value"]
        color = "#2458a6" if not c.get("part_of") else "#7b93c6"
        tip = f"<title>{E(fmt_value(c))} — {E(who)}</title>"
        if lo is not None and hi is not None and lo != hi:
            x1, x2 = left + lo / vmax * width, left + hi / vmax * width
            parts.append(
                f'<rect x="{x1:.1f}" y="{y - 6}" width="{max(x2 - x1, 2):.1f}" height="12" rx="3" fill="{color}">{tip}</rect>'
            )
        elif lo is not None and hi is None:
            x1 = left + lo / vmax * width
            parts.append(
                f'<line x1="{x1:.1f}" y1="{y}" x2="{left + width:.1f}" y2="{y}" stroke="{color}" stroke-width="3" stroke-dasharray="6 4"/>'
            )
            parts.append(f'<circle cx="{x1:.1f}" cy="{y}" r="6" fill="{color}">{tip}</circle>')
            parts.append(f'<text x="{left + width + 2:.1f}" y="{y + 4}" font-size="14" fill="{color}">→</text>')
        elif hi is not None and lo is None:
            x2 = left + hi / vmax * width
            parts.append(
                f'<line x1="{left}" y1="{y}" x2="{x2:.1f}" y2="{y}" stroke="{color}" stroke-width="3" stroke-dasharray="6 4"/>'
            )
            parts.append(f'<circle cx="{x2:.1f}" cy="{y}" r="6" fill="{color}">{tip}</circle>')
        elif lo is not None:
            parts.append(f'<circle cx="{left + lo / vmax * width:.1f}" cy="{y}" r="6" fill="{color}">{tip}</circle>')
    parts.append("</svg>")
    return "".join(parts)


def _short(v: float) -> str:
    for size, suffix in ((1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if abs(v) >= size:
            return f"{v / size:.3g}{suffix}"
    return f"{v:.3g}"


def marked_text(text: str, marks: dict[int, int], wrap: Callable[[int, str], str], esc: Callable[[str], str] = E) -> str:
    """A text escaped with each marked span (start -> end, the sentences facts came from) wrapped
    by ``wrap(start, escaped words)``, and paragraphs split as ``</p><p>``. The brief and the
    explorer both show articles with it."""
    out, pos = [], 0
    for s, e in sorted(marks.items()):
        if s < pos or s >= len(text):
            continue
        while 0 < e < len(text) and not text[e].isspace() and not text[e - 1].isspace():
            e += 1  # never cut inside a word
        out.append(esc(text[pos:s]))
        out.append(wrap(s, esc(text[s:e])))
        pos = e
    out.append(esc(text[pos:]))
    return "".join(out).replace("\n\n", "</p><p>")


def _article_html(art: Article, anchors: dict[str, dict[int, int]]) -> str:
    """An article in full, each sentence a fact came from wrapped in a target anchor."""

    def marked(text: str, key: str) -> str:
        return marked_text(text, anchors.get(key, {}), lambda s, words: f'<span class="s" id="s-{E(key)}-{s}">{words}</span>')

    title = art.title or "(untitled)"
    meta = " · ".join(x for x in (_outlet(art), art.byline, _published(art), art.role) if x)
    dup = (
        f' <span class="badge part">duplicate of <a href="#a-{E(art.duplicate_of)}">another copy</a></span>'
        if art.duplicate_of
        else ""
    )
    caps = "".join(f'<figure class="cap">Caption: {marked(c, f"{art.id}~c{n}")}</figure>' for n, c in enumerate(art.captions))
    return (
        f'<article class="full" id="a-{E(art.id)}"><h3>{E(title)}</h3><div class="muted">{E(meta)}{dup}</div>'
        f"<p>{marked(art.text, art.id)}</p>{caps}</article>"
    )


def _published(art: Article) -> str | None:
    if not art.published:
        return "date unknown"
    return f"{art.published} ({art.published_precision})" if art.published_precision != "day" else art.published


class _Cites:
    """The sentences the brief links to, per article, so the article section can anchor them."""

    def __init__(self) -> None:
        self.anchors: dict[str, dict[int, int]] = defaultdict(dict)  # article id -> sentence start -> end

    def __call__(self, row: FactRow, label: str) -> str:
        self.anchors[row["article_id"]][row["sentence_start"]] = row["sentence_start"] + len(row["sentence"])
        return _link(row["article_id"], row["sentence_start"], label)


def _event_html(e: TimelineEvent, by_id: dict[str, Article], cite: _Cites) -> str:
    srcs = ", ".join(
        cite(m, _outlet(by_id[article_of(m["article_id"])]) if article_of(m["article_id"]) in by_id else m["source"])
        for m in e.mentions
    )
    where = f" — {E(e.location)}" if e.location else ""
    dead = f" · {e.fatalities:g} killed" if e.fatalities is not None else ""
    dated = (
        "undated" if not e.event_date
        else "dated by publication" if e.date_evidence.endswith("published")
        else "dated by another report" if e.date_evidence.startswith("story:")
        else e.time_precision
    )  # fmt: skip
    return (
        f'<div class="ev" id="ev-{E(e.id)}"><div><b>{E(e.event_date or "–")}</b><br><span class="muted">{E(dated)}</span></div>'
        f"<div><span class='badge part'>{E(e.event_type)}</span>{E(e.actor1 or '?')} <b>{E(e.action)}</b> {E(e.actor2 or '')}{where}{dead}"
        f'<div class="muted">{"sources" if e.sources > 1 else "source"}: {srcs}</div>{_differ_html(e)}</div></div>'
    )


def _differ_html(e: TimelineEvent) -> str:
    diff = differences(e)
    if not diff:
        return ""
    parts = "; ".join(f"{k}: {' / '.join(_fmt(v) for v in vals)}" for k, vals in diff.items())
    return f'<div><span class="badge conflict">reports differ</span>{E(parts)}</div>'


def _fmt(v: Any) -> str:
    return f"{v:g}" if isinstance(v, float) else str(v)


def _timeline_html(events: list[TimelineEvent], by_id: dict[str, Article], cite: _Cites) -> str:
    """The story's events first; background (dated long before the story) folded away below."""
    if not events:
        return ""
    main = [e for e in events if not e.background and e.event_date]
    undated = [e for e in events if not e.event_date]
    back = [e for e in events if e.background]
    folded = (
        f"<details><summary>{len(back)} background event(s), dated long before the story</summary>"
        + "".join(_event_html(e, by_id, cite) for e in back)
        + "</details>"
        if back
        else ""
    )
    loose = (
        "<h4>Undated: nothing in the story dates them (in the order first reported)</h4>"
        + "".join(_event_html(e, by_id, cite) for e in undated)
        if undated
        else ""
    )
    chart = timeline_svg(main or back) if (main or back) else ""
    return f"<h3>Timeline</h3>{chart}{''.join(_event_html(e, by_id, cite) for e in main)}{loose}{folded}"


def _figures_html(groups: list[FigureGroup], by_id: dict[str, Article], cite: _Cites) -> str:
    fig_html = []
    for g in groups:
        if len(g.claims) < 2 and g.sources < 2:
            continue
        kinds = Counter(r["kind"] for r in g.relations)
        badges = "".join(f'<span class="badge {k}">{n} {k}{"s" if n > 1 else ""}</span>' for k, n in sorted(kinds.items()))
        spread = f"{_short(g.low)} – {_short(g.high)}" if g.low is not None and g.high is not None else "open"
        rows = []
        rel_of = defaultdict(list)
        for r in g.relations:
            rel_of[r["b"]].append(r["kind"])
            rel_of[r["a"]].append(r["kind"])
        for c in g.claims:
            art = by_id.get(article_of(c["article_id"]))
            flags = " ".join(f'<span class="badge {k}">{k}</span>' for k in sorted(set(rel_of[c["id"]])))
            rows.append(
                f"<tr><td><b>{E(fmt_value(c))}</b> {E(c['measure'] or c['unit'])}</td><td>{E(c['attribution'] or 'the article itself')}</td>"
                f"<td>{E(_outlet(art) if art else c['source'])}</td><td>{E(c.get('time_value') or (art.published if art else '') or 'undated')}</td>"
                f"<td>{flags} {cite(c, 'sentence')}</td></tr>"
            )
        fig_html.append(
            f'<div class="group" id="fig-{E(g.id)}"><h4>{E(g.label)}</h4><div>{badges}<span class="muted">'
            f"{len(g.claims)} claims from {g.sources} article(s); spread {E(spread)} {E(g.unit)}</span></div>"
            f"<div class='chart'>{figure_svg(g, by_id)}</div><div class='tablewrap'><table><tr><th>figure</th><th>who says so</th><th>outlet</th><th>when</th><th></th></tr>"
            + "".join(rows)
            + "</table></div></div>"
        )
    return f"<h3>Figures across sources</h3>{''.join(fig_html)}" if fig_html else ""


KIND_NOTE = {"document": "a document", "body": "an unnamed body", "anonymous": "not named", "other": "not a person"}


def _quotes_html(quotes: list[QuoteRow], resolve: Callable[[str | None], str | None], cite: _Cites) -> str:
    """Quotes grouped by who speaks: one heading per entity (with the roles the articles give
    it), speakers that are no one in particular labelled with their kind."""
    by_speaker: dict[tuple[str, str], list[QuoteRow]] = defaultdict(list)
    for q in quotes:
        kind = q.get("speaker_kind") or ("person" if q["speaker"] else "none")
        name = q.get("speaker_name") or resolve(q["speaker"]) or "unattributed"
        by_speaker[(name, kind if kind in KIND_NOTE else "")].append(q)
    q_html = []
    order = sorted(by_speaker.items(), key=lambda kv: (kv[0][0] == "unattributed", bool(kv[0][1]), -len(kv[1]), kv[0]))
    for (speaker, kind), qs in order:
        roles = Counter(q["speaker_role"] for q in qs if q.get("speaker_role"))
        note = ", ".join([*(r for r, _ in roles.most_common(2)), *([KIND_NOTE[kind]] if kind else [])])
        items = "".join(
            f'<div class="quote">{"<q>" if q["kind"] == "direct" else ""}{E(q["content"])}{"</q>" if q["kind"] == "direct" else ""} '
            f'<span class="muted">({E(q["cue"] or q["kind"])})</span> {cite(q, "source")}</div>'
            for q in qs
        )
        note_html = f" <span class='muted'>— {E(note)}</span>" if note else ""
        q_html.append(f"<h4>{E(speaker)} <span class='muted'>({len(qs)})</span>{note_html}</h4>{items}")
    return f"<h3>Quotes by speaker</h3>{''.join(q_html)}" if q_html else ""


def _sources_html(articles: list[Article]) -> str:
    src_rows = "".join(
        f'<tr><td><a href="#a-{E(a.id)}">{E(a.title or "(untitled)")}</a></td><td>{E(_outlet(a))}</td><td>{E(_published(a) or "")}</td>'
        f"<td>{E(a.role)}</td><td>{'duplicate' if a.duplicate_of else ''}</td></tr>"
        for a in articles
    )
    return (
        "<h3>Sources</h3><div class='tablewrap'><table><tr><th>article</th><th>outlet</th><th>published</th>"
        f"<th>role</th><th></th></tr>{src_rows}</table></div>"
    )


def _entities_html(entities: list[Entity], pairs: list[tuple[str, str, int]]) -> str:
    top = [e for e in entities if e.label in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT")][:25]
    ent_rows = "".join(
        f"<tr><td><b>{E(e.name)}</b></td><td>{E(e.label)}</td><td>{e.mentions}</td><td>{len(e.articles)}</td><td>{E(', '.join(e.aliases[:6]))}</td></tr>"
        for e in top
    )
    names = {e.id: e.name for e in entities}
    pair_rows = "".join(
        f"<tr><td>{E(names[a])}</td><td>{E(names[b])}</td><td>{n}</td></tr>" for a, b, n in pairs if a in names and b in names
    )
    return (
        f'<section id="entities"><h2>Who and where</h2><div class="tablewrap"><table><tr><th>entity</th><th>type</th><th>mentions</th>'
        f"<th>articles</th><th>also written</th></tr>{ent_rows}</table></div><h3>Who appears with whom (same sentence)</h3>"
        f"<div class='tablewrap'><table><tr><th></th><th></th><th>sentences</th></tr>{pair_rows}</table></div></section>"
    )


def _story_dates(story: Story) -> str:
    if not story.first_published:
        return "publication dates unknown"
    if story.first_published == story.last_published:
        return f"published {story.first_published}"
    return f"published {story.first_published} – {story.last_published}"


def _story_html(
    story: Story,
    articles: list[Article],
    by_id: dict[str, Article],
    groups: list[FigureGroup],
    events: list[TimelineEvent],
    quotes: list[QuoteRow],
    resolve: Callable[[str | None], str | None],
    cite: _Cites,
) -> str:
    first = f"; first reported by {story.first_source}" if story.first_source and story.first_published else ""
    parts = [
        _timeline_html(events, by_id, cite),
        _figures_html(groups, by_id, cite),
        _quotes_html(quotes, resolve, cite),
        _sources_html(articles),
    ]
    return (
        f'<section class="story" id="story-{E(story.id)}"><h2>{E(story.title or "(untitled story)")}</h2>'
        f'<p class="muted">{len(articles)} article(s) from {len(story.outlets)} source(s), {E(_story_dates(story))}{E(first)}</p>'
        + "".join(parts)
        + "</section>"
    )


def _story_index(stories: list[tuple[Story, int, int, int]]) -> str:
    rows = "".join(
        f'<tr><td><a href="#story-{E(st.id)}">{E(st.title or "(untitled story)")}</a></td><td>{st.articles}</td>'
        f"<td>{len(st.outlets)}</td><td>{E(st.first_published or '–')}</td><td>{E(st.last_published or '–')}</td>"
        f"<td>{n_fig}</td><td>{n_ev}</td><td>{n_q}</td></tr>"
        for st, n_fig, n_ev, n_q in stories
    )
    return (
        '<section id="stories"><h2>Stories</h2><div class="tablewrap"><table><tr><th>story</th><th>articles</th><th>sources</th>'
        f"<th>first</th><th>last</th><th>figure groups</th><th>events</th><th>quotes</th></tr>{rows}</table></div></section>"
    )


BRIEF_STORIES = 60  # stories a brief shows in full (largest first); the explorer holds the rest


def _by_story(
    articles: list[Article], groups: list[FigureGroup], events: list[TimelineEvent], stories: list[Story]
) -> tuple[dict[str, dict[str, list[Any]]], Callable[[str], str]]:
    """Each story's articles, figure groups and events; and the story of an article id (a fact of
    an article with no known story goes to the first)."""
    by_id = {a.id: a for a in articles}
    known = {st.id for st in stories}

    def story_of(article_id: str) -> str:
        sid = by_id[article_of(article_id)].story_id if article_of(article_id) in by_id else None
        return sid if sid in known else stories[0].id

    per: dict[str, dict[str, list[Any]]] = {st.id: defaultdict(list) for st in stories}
    for a in articles:
        per[story_of(a.id)]["articles"].append(a)
    for g in groups:
        per[story_of(g.claims[0]["article_id"])]["groups"].append(g)
    for e in events:
        per[story_of(e.mentions[0]["article_id"])]["events"].append(e)
    return per, story_of


def _overview_html(
    articles: list[Article], stories: list[Story], groups: list[FigureGroup], events: list[TimelineEvent], report: dict[str, Any]
) -> str:
    """Counts of the whole ledger: articles, sources, stories, duplicates, dates, groups, events, roles."""
    originals = [a for a in articles if not a.duplicate_of]
    dates = sorted(a.published for a in articles if a.published)
    outlets = sorted({_outlet(a) for a in articles})
    return (
        '<section id="overview"><h2>Overview</h2><div class="stats">'
        f'<div class="stat"><b>{len(articles)}</b>articles</div><div class="stat"><b>{len(outlets)}</b>sources</div>'
        f'<div class="stat"><b>{len(stories)}</b>stories</div>'
        f'<div class="stat"><b>{len(articles) - len(originals)}</b>duplicates</div>'
        f'<div class="stat"><b>{E(dates[0] if dates else "–")} – {E(dates[-1] if dates else "–")}</b>published</div>'
        f'<div class="stat"><b>{len(groups)}</b>figure groups</div><div class="stat"><b>{len(events)}</b>dated events</div></div>'
        f'<p class="muted">{report.get("inputs", 0)} input(s) read; roles: '
        + E(", ".join(f"{n} {r}" for r, n in sorted(Counter(a.role for a in articles).items())))
        + "</p></section>"
    )


def _page(articles: int, stories: int) -> tuple[str, str]:
    """The brief's page around its sections, before and after them: no script, nothing fetched (its own CSP)."""
    nav = "".join(f'<a href="#{k}">{t}</a>' for k, t in (("overview", "Overview"), ("stories", "Stories"),
                                                          ("entities", "Who &amp; where"), ("articles", "Articles")))  # fmt: skip
    head = (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width,initial-scale=1'>"
        "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
        f"<title>newsledger brief</title><style>{CSS}</style></head><body><main><header><h1>What the sources say</h1>"
        f"<p class='muted'>Built by newsledger from {articles} articles in {stories} stories. Every figure, event and quote links to its sentence.</p>"
        f"</header><nav>{nav}</nav>"
    )
    return head, "</main></body></html>\n"


def brief_parts(
    articles: list[Article],
    groups: list[FigureGroup],
    events: list[TimelineEvent],
    quotes: Iterable[QuoteRow],
    entities: list[Entity],
    pairs: list[tuple[str, str, int]],
    report: dict[str, Any],
    stories: list[Story] | None = None,
    in_full: Callable[[list[str]], Iterable[Article]] | None = None,
) -> Iterator[str]:
    """The brief in the order of its page, a section or an article at a time (written as it comes:
    no page-sized string is held): an overview, an index of the stories, one section per story (its
    timeline, figures, quotes and sources), who appears with whom (``pairs``: entity ids and the
    sentences naming both, most first), and every article of those stories in full; past
    ``BRIEF_STORIES`` stories, the largest, and a pointer to the explorer for the rest. ``articles``
    may be heads (no text) where ``in_full`` gives the shown ones whole, by id, in reading order."""
    by_id = {a.id: a for a in articles}
    cite = _Cites()
    stories = stories or [Story(id="", title="All articles", articles=len(articles))]
    per, story_of = _by_story(articles, groups, events, stories)
    shown_groups = {st.id: [g for g in per[st.id]["groups"] if len(g.claims) > 1 or g.sources > 1] for st in stories}
    order = sorted(stories, key=lambda st: (-st.articles, -len(shown_groups[st.id]), st.first_published or "~", st.id))
    # a brief is a page to read and send: past BRIEF_STORIES stories it shows the largest, and says where the rest are
    left_out = order[BRIEF_STORIES:]
    order = order[:BRIEF_STORIES]
    shown = {st.id for st in order}
    for q in quotes:  # a stream: only the quotes of the stories shown are kept
        if (sid := story_of(q["article_id"])) in shown:
            per[sid]["quotes"].append(q)
    head, tail = _page(len(articles), len(stories))
    yield head
    yield _overview_html(articles, stories, groups, events, report)
    if len(stories) > 1:
        yield _story_index([(st, len(shown_groups[st.id]), len(per[st.id]["events"]), len(per[st.id]["quotes"])) for st in order])
    if left_out:
        yield (
            f'<p class="muted">This brief shows the {len(order)} largest of {len(stories)} stories; the other '
            f"{len(left_out)} ({sum(len(per[st.id]['articles']) for st in left_out)} articles) are in the ledger: "
            "browse and search every one with <code>newsledger serve</code> on this folder.</p>"
        )
    resolve = resolver(entities)
    for st in order:
        p = per.pop(st.id)  # a story's parts are let go once its section is written
        yield _story_html(st, p["articles"], by_id, p["groups"], p["events"], p["quotes"], resolve, cite)
    yield _entities_html(entities, pairs)
    told = [a.id for a in articles if story_of(a.id) in shown]
    yield '<section id="articles"><h2>Articles in full</h2>'
    for a in in_full(told) if in_full is not None else (by_id[i] for i in told):
        yield _article_html(a, cite.anchors)
    yield "</section>"
    yield tail
