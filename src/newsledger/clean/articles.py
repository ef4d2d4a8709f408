"""The clean stage: a ``Document`` to its ``Article`` records."""

from __future__ import annotations

from newsledger.clean.dates import infer_published
from newsledger.clean.html import extract_html, flatten_html
from newsledger.clean.text import Story, split_stories
from newsledger.model import Article, Document, content_id


def _article(doc: Document, story: Story, position: int, page_text: str, metadata_date: str | None = None) -> Article:
    main = story.role == "main"
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
        published=dated.value,
        published_precision=dated.precision,
        published_evidence=dated.evidence,
        text=text,
        url=doc.url if main else None,
        position=position,
        captions=story.captions,
    )


def clean_document(doc: Document) -> list[Article]:
    """Every story of one document as an article, main first, in page order."""
    if doc.format == "html":
        found = extract_html(doc.content, url=doc.url)
        if found:
            story = Story(title=found["title"], byline=found["byline"], paragraphs=found["text"].split("\n\n"))  # type: ignore[union-attr]
            return [_article(doc, story, 0, "", metadata_date=found["date"])]
        page = flatten_html(doc.content)
    else:
        page = doc.content
    return [_article(doc, s, i, page) for i, s in enumerate(split_stories(page))]
