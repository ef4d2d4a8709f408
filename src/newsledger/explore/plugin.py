"""newsledger as a Datasette plugin: its pages under ``/-/newsledger/``, and the ledger's metadata.

Every page is HTML by default, JSON with a ``.json`` suffix (or ``?_format=json``), and, for
lists (home, search), CSV with ``.csv``. Pages send a Content-Security-Policy that allows no
script and no request to another host; nothing here writes to the ledger.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from datasette import hookimpl
from datasette.utils.asgi import Response

from newsledger.explore import pages as P

PREFIX = "/-/newsledger"


def _database(datasette: Any) -> Any:
    """The ledger: the database named "ledger" if there is one, else the first one served."""
    names = [n for n in datasette.databases if n != "_internal"]
    return datasette.get_database("ledger" if "ledger" in names else names[0])


def _query(datasette: Any) -> P.Query:
    db = _database(datasette)

    async def execute(sql: str, params: Any = ()) -> P.Rows:
        result = await db.execute(sql, params)
        cols = result.columns
        return [dict(zip(cols, row, strict=True)) for row in result.rows]

    return P.Query(execute)


def _headers() -> dict[str, str]:
    return {"Content-Security-Policy": P.CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}


def _respond(request: Any, fmt: str | None, data: dict[str, Any] | None, template: str, csv_rows: str | None = None) -> Response:
    if data is None:
        return Response.html(P.render("missing.html", prefix=PREFIX), status=404, headers=_headers())
    want = fmt or ("." + request.args.get("_format") if request.args.get("_format") else "")
    if want == ".json":
        return Response(json.dumps(P.jsonable(data), ensure_ascii=False, default=str), content_type="application/json; charset=utf-8",
                        headers=_headers())  # fmt: skip
    if want == ".csv" and csv_rows is not None:
        return Response(P.as_csv(data[csv_rows]), content_type="text/csv; charset=utf-8", headers=_headers())
    return Response.html(P.render(template, prefix=PREFIX, highlight=P.highlight, **data), headers=_headers())


def _page(
    loader: Callable[..., Awaitable[dict[str, Any] | None]], template: str, csv_rows: str | None = None
) -> Callable[..., Any]:
    async def view(datasette: Any, request: Any) -> Response:
        fmt = request.url_vars.get("fmt")
        key = request.url_vars.get("key")
        data = await (loader(_query(datasette), key) if key is not None else loader(_query(datasette)))
        return _respond(request, fmt, data, template, csv_rows)

    return view


async def _search(datasette: Any, request: Any) -> Response:
    args = {
        k: request.args.get(k) for k in ("q", "kind", "story", "outlet", "from", "to", "entity", "page") if request.args.get(k)
    }
    data = await P.search(_query(datasette), args)
    data["kinds"] = P.KINDS
    return _respond(request, request.url_vars.get("fmt"), data, "search.html", "results")


async def _home(datasette: Any, request: Any) -> Response:
    arg = request.args.get("page") or "1"
    data = await P.home(_query(datasette), max(1, int(arg)) if arg.isdigit() and len(arg) < 9 else 1)
    return _respond(request, request.url_vars.get("fmt"), data, "home.html", "stories")


async def _css(request: Any) -> Response:
    return Response(P.CSS_PATH.read_text(), content_type="text/css; charset=utf-8", headers={"Cache-Control": "max-age=300"})


KEY = r"(?P<key>[0-9a-f]{1,64}(?:~c\d+)?)"
FMT = r"(?P<fmt>\.json|\.csv)?"


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    return [
        (rf"^{PREFIX}/?(?:index)?{FMT}$", _home),
        (rf"^{PREFIX}/search{FMT}$", _search),
        (rf"^{PREFIX}/story/{KEY}{FMT}$", _page(P.story, "story.html")),
        (rf"^{PREFIX}/entity/{KEY}{FMT}$", _page(P.entity, "entity.html")),
        (rf"^{PREFIX}/figure/{KEY}{FMT}$", _page(P.figure, "figure.html")),
        (rf"^{PREFIX}/article/{KEY}{FMT}$", _page(P.article, "article.html")),
        (rf"^{PREFIX}/static/explore\.css$", _css),
    ]


@hookimpl
def menu_links(datasette: Any) -> list[dict[str, str]]:
    return [{"href": f"{PREFIX}/", "label": "newsledger: stories"}]


DESCRIPTIONS = {
    "articles": "One story recovered from an input: its text (every fact's offsets point into it), outlet, date, story.",
    "stories": "Articles grouped by the event or issue they tell, with first and last publication and outlets.",
    "claims": "Every figure with its unit, measure, who claims it, when, and the sentence it came from.",
    "quotes": "Who said what: direct, indirect and attitude reports with speaker, cue and content.",
    "speakers": "Who each quote's speaker is: an entity with its role, or a kind (document, body, anonymous, other).",
    "figure_groups": "Claims of one story that measure the same thing: spread, first report, updates and conflicts.",
    "figure_relations": "Pairs of claims in a figure group: conflict, update or part.",
    "timeline": "Events of a story merged across reports: date, what dates it, who did what, type, background or not.",
    "entities": "People, organisations and places, merged across articles, with their aliases.",
    "mentions": "Every named-entity mention with its entity and sentence.",
    "search": "Full-text index (FTS5) over article text, quotes, figures and events.",
}


@hookimpl
def get_metadata(datasette: Any, key: str, database: str, table: str) -> dict[str, Any]:
    tables: dict[str, Any] = {name: {"description": text} for name, text in DESCRIPTIONS.items()}
    tables["articles"]["facets"] = ["story_id", "outlet", "role"]
    tables["claims"]["facets"] = ["unit"]
    tables["quotes"]["facets"] = ["kind"]
    tables["timeline"]["facets"] = ["event_type", "story_id", "background"]
    tables["speakers"]["facets"] = ["kind"]
    queries = {
        "figures_that_conflict": {
            "title": "Figures that conflict",
            "sql": "SELECT g.label, g.story_id, r.a, ca.text AS a_figure, r.b, cb.text AS b_figure, ca.sentence AS a_sentence,"
            " cb.sentence AS b_sentence FROM figure_relations r JOIN figure_groups g ON g.group_id = r.group_id"
            " JOIN claims ca ON ca.id = r.a JOIN claims cb ON cb.id = r.b WHERE r.kind = 'conflict' ORDER BY g.label",
        },
        "quotes_by_speaker": {
            "title": "Quotes by speaker",
            "sql": "SELECT coalesce(s.name, q.speaker) AS speaker, s.kind, COUNT(*) AS quotes FROM quotes q"
            " LEFT JOIN speakers s ON s.quote_id = q.id GROUP BY 1, 2 ORDER BY quotes DESC",
        },
    }
    return {
        "title": "newsledger",
        "description_html": f'The ledger. <a href="{PREFIX}/">Stories, search and story pages</a>.',
        "databases": {"ledger": {"tables": tables, "queries": queries}},
    }
