"""The clean stage: a ``Document`` to its ``Article`` records."""

from __future__ import annotations

import re

from newsledger.clean.dates import infer_published
from newsledger.clean.html import extract_html, flatten_html, site_name
from newsledger.clean.outlets import find_outlet
from newsledger.clean.text import Story, split_stories
from newsledger.model import Article, Document, content_id


def _article(
    doc: Document, story: Story, position: int, page_text: str, metadata_date: str | None = None, sitename: str | None = None
) -> Article:
    main = story.role == "main"
    outlet = find_outlet(
        given=doc.outlet, metadata=sitename, text=story.text if not page_text else f"{story.text}\n{page_text}",
        byline=story.byline, url=doc.url,
    )  # fmt: skip
    dated = infer_published(
        given=doc.published if main else None,
        metadata=metadata_date if main else None,
        url=doc.url if main else None,
        date_lines=story.date_lines,
        text=story.text,
        page_text=page_text if main else "",
        not_after=doc.fetched,
    )
    text = story.text
    return Article(
        id=content_id(doc.id, doc.source, str(position), text),
        document_id=doc.id,
        source=doc.source,
        role=story.role,  # type: ignore[arg-type]
        title=(doc.title if main and doc.title else story.title),
        byline=story.byline,
        published=None if dated.floor else dated.value,
        published_precision=None if dated.floor else dated.precision,
        published_evidence=dated.evidence,
        published_after=dated.value if dated.floor else None,
        text=text,
        url=doc.url if main else None,
        position=position,
        captions=story.captions,
        outlet=outlet.name if outlet else None,
        outlet_evidence=outlet.evidence if outlet else None,
    )


def clean_document(doc: Document) -> list[Article]:
    """Every story of one document as an article, main first, in page order."""
    if doc.format == "html":
        found = extract_html(doc.content, url=doc.url)
        if found:
            story = Story(title=found["title"], byline=found["byline"], paragraphs=found["text"].split("\n\n"))  # type: ignore[union-attr]
            return [_article(doc, story, 0, "", metadata_date=found["date"], sitename=found["sitename"])]
        page = flatten_html(doc.content)
        sitename = site_name(doc.content, doc.url)
        return [_article(doc, s, i, page, sitename=sitename) for i, s in enumerate(split_stories(page))]
    elif doc.title or doc.record:  # a record (or a text given its title) is one article by construction: never split
        return [_article(doc, Story(title=doc.title, paragraphs=_paragraphs(doc.content)), 0, "")]
    else:
        page = doc.content
    return [_article(doc, s, i, page) for i, s in enumerate(split_stories(page))]


def _paragraphs(text: str) -> list[str]:
    """A record's text as paragraphs: blank-line separated where it has blank lines, else one a line."""
    parts = re.split(r"\n\s*\n", text) if re.search(r"\n\s*\n", text) else text.split("\n")
    return [" ".join(p.split()) for p in parts if p.strip()]
