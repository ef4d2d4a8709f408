"""HTML pages to one main article with trafilatura (body, title, byline) and htmldate (date).

Where trafilatura finds nothing usable (an app shell, a page of bare <div>s), the page is
flattened to its visible lines and handed to the flattened-text cleaner, so an HTML input is
never poorer than its copy-pasted text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import lxml.html
import trafilatura
from htmldate import find_date

from newsledger.clean import lines as L

_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
    "article", "header", "footer", "nav", "aside", "blockquote", "pre", "figure", "figcaption", "dt", "dd",
    "main", "form", "title", "td", "th",
}  # fmt: skip
_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "head", "iframe", "canvas")


class _Events(HTMLParser):
    """The page's visible text from the parser's stream of tags: no tree, so no depth limit."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.hidden = 0  # inside script, style ...

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROP_TAGS:
            self.hidden += 1
        elif tag in _BLOCK_TAGS:
            self.chunks.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROP_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCK_TAGS:
            self.chunks.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.chunks.append(data)


def _lines(text: str) -> str:
    out = [re.sub(r"[ \t\r\f\v\xa0]+", " ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in out if line)


def flatten_html(html: str) -> str:
    """Visible text of a page, one block a line, as a browser's select-all and copy gives it. A
    page the tree parser cannot hold (nested deeper than libxml2 reads, about 255 levels) is read
    from the parser's stream of tags instead, so its text is not lost."""
    text = _flatten_tree(html)
    if text or not html.strip():
        return text
    events = _Events()
    events.feed(html)
    events.close()
    return _lines("".join(events.chunks))


def _flatten_tree(html: str) -> str:
    try:
        root = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return ""
    for bad in list(root.iter(*_DROP_TAGS, lxml.etree.Comment)):
        if bad.getparent() is not None:
            bad.drop_tree()
    chunks: list[str] = []

    def walk(el: lxml.html.HtmlElement) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        block = tag in _BLOCK_TAGS
        if block:
            chunks.append("\n")
        if el.text and tag:
            chunks.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                chunks.append(child.tail)
        if block:
            chunks.append("\n")

    try:
        walk(root)
    except RecursionError:
        return ""  # deeper than Python's stack: the caller reads the stream of tags instead
    return _lines("".join(chunks))


PRECISION_KEEP = 0.5


def _trafilatura(html: str, url: str | None, **mode: bool) -> dict | None:
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False, include_tables=True, **mode)
    return doc.as_dict() if doc else None


def extract_html(html: str, url: str | None = None) -> dict[str, str | None] | None:
    """Main article of a page: ``{"title", "byline", "date", "text", "sitename"}`` or None when there is none."""
    # Two passes: trafilatura's precision mode drops more furniture but sometimes loses half
    # an article; its recall mode keeps everything. Take the precise text unless it is much
    # shorter than the full one (measured on the extraction benchmark: see BENCHMARKS.md).
    precise = _trafilatura(html, url, favor_precision=True)
    full = _trafilatura(html, url, favor_recall=True)
    doc = precise if precise and len(precise.get("text") or "") >= PRECISION_KEEP * len((full or {}).get("text") or "") else full
    result: dict[str, str | None] = {"title": None, "byline": None, "date": None, "text": None, "sitename": None}
    if doc:
        result["sitename"] = doc.get("sitename")
        result["title"] = doc.get("title")
        result["byline"] = doc.get("author")
        result["date"] = doc.get("date")
        body = doc.get("text") or ""
        paras = [p.strip() for p in body.split("\n") if p.strip()]
        result["text"] = "\n\n".join(paras) or None
    if not result["date"]:
        try:
            result["date"] = find_date(html, url=url, original_date=True, outputformat="%Y-%m-%d")
        except (ValueError, TypeError):
            result["date"] = None
    if result["text"] and result["title"] and L.normalize(result["text"]).startswith(L.normalize(result["title"])):
        result["text"] = result["text"].split("\n\n", 1)[-1] if "\n\n" in result["text"] else result["text"]
    return result if result["text"] else None


def site_name(html: str, url: str | None = None) -> str | None:
    """The site's name as the page's markup states it (trafilatura's metadata), for pages whose
    text is read from their flattened lines."""
    try:
        meta = trafilatura.extract_metadata(html, default_url=url)
    except (ValueError, TypeError, AttributeError):
        return None
    return meta.sitename if meta else None
