"""Flattened page text (select-all-and-copy) to the stories it holds.

The page is read as a sequence of lines, each classed by shape (``lines.py``): prose, a
title-like line, an image, a caption, or furniture. Stories are then recovered from the
sequence, not from any site's markup:

* a title-like line followed by prose starts a story when furniture holding a story header
  (a timestamp, byline or date), or a "Related" marker seen earlier,
  separates it from the prose before it; otherwise it is a subhead;
* the longest story before any "Related" marker is the main article, the others are related;
* a page that is one run of short, self-contained paragraphs with no headline and no
  continuity between them (no pronoun, surname or "the <noun>" pointing back) is a topic page
  of teasers, one story each;
* title-like lines that no prose follows (headline lists, menus) and furniture are dropped;
* a markdown image's alt text, and the caption line repeating it, is kept once as a caption.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from newsledger import nlp
from newsledger.clean import lines as L


@dataclass
class Story:
    title: str | None = None
    byline: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    date_lines: list[str] = field(default_factory=list)
    role: str = "main"
    after_marker: bool = False
    subheads: int = 0
    headed: bool = False  # a story header (timestamp, byline, date) came before its title
    after_links: bool = False  # its title closed a list of headlines with no header: an in-article links box

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    def n_words(self) -> int:
        return sum(len(L.words(p)) for p in self.paragraphs)


@dataclass
class _Line:
    text: str
    kind: str  # blank | image | caption | byline | date | body | title | furniture | short
    alt: str | None = None
    header: bool = False  # furniture typical of a story's header: a timestamp


_DATE_LINE = re.compile(
    r"^(?:(?:published|updated|posted)\s*:?\s*)?(?:\w+day,?\s+)?(?:\d{1,2}\s+)?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b.{0,30}$"
    r"|^(?:(?:published|updated|posted)\s*:?\s*)?\d{4}[-./]\d{1,2}[-./]\d{1,2}\b.{0,20}$"
    r"|^(?:(?:published|updated|posted)\s*:?\s*)?\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}\b.{0,20}$",
    re.I,
)


def _classify(raw_lines: list[str]) -> list[_Line]:
    out: list[_Line] = []
    captions: set[str] = set()
    for raw in raw_lines:
        t = L.strip_share_prefix(raw.strip())
        if not t:
            out.append(_Line(t, "blank"))
            continue
        m = L.MD_IMAGE.match(t)
        if m:
            alt = m.group("alt").strip()
            if alt:
                captions.add(L.normalize(alt))
            out.append(_Line(t, "image", alt or None))
            continue
        norm = L.normalize(t)
        if norm and norm in captions:
            out.append(_Line(t, "caption"))
        elif L.BYLINE.match(t) and len(L.words(t)) <= 12:
            out.append(_Line(t, "byline"))
        elif _DATE_LINE.match(t):
            out.append(_Line(t, "date"))
        elif L.is_furniture(t):
            out.append(_Line(t, "furniture", header=bool(L.TIMESTAMP.match(t))))
        elif L.is_body(t):
            out.append(_Line(t, "body"))
        elif L.is_title_like(t):
            out.append(_Line(t, "title"))
        else:
            out.append(_Line(t, "short"))
    # a furniture label repeated on the page ("CNN" above every related story) stays furniture
    counts: dict[str, int] = {}
    for line in out:
        if line.kind in ("title", "short"):
            counts[line.text] = counts.get(line.text, 0) + 1
    for line in out:
        if line.kind in ("title", "short") and counts[line.text] > 1 and len(L.words(line.text)) <= 4:
            line.kind = "furniture"
    return out


_TRANSPARENT = ("blank", "image", "caption", "byline", "date")


def _next_solid(classed: list[_Line], i: int) -> _Line | None:
    for line in classed[i + 1 :]:
        if line.kind not in _TRANSPARENT:
            return line
    return None


def _clean_byline(text: str) -> str:
    m = L.BYLINE.match(text)
    name = m.group("name") if m else text
    name = L.EMAIL.sub("", name).strip(" ,;[]")
    if name.isupper():
        name = " ".join(w.capitalize() for w in name.split())
    return name


def split_stories(text: str) -> list[Story]:
    """Recover the stories of a flattened page, in page order, with their roles.

    Before any "Related" marker, a headline only starts a new story when the furniture before
    it holds a story header (a timestamp, a byline, a date); otherwise it is a
    subhead of the story it sits in, since articles are often broken by ads and widgets.
    """
    classed = _classify(text.splitlines())
    plain = _plain_article(classed)
    if isinstance(plain, list):
        return plain
    if plain is not None:
        _assign_roles([plain])
        return [plain]
    page = _Page(classed)
    for i, line in enumerate(classed):
        HANDLERS[line.kind](page, i, line)
    stories = page.finish()
    if len(stories) == 1 and not any(line.kind == "title" for line in classed):
        # a topic page is one untitled run of teasers and nothing else: no headline anywhere
        stories = _split_teasers(stories[0])
    stories = _merge_continuations(stories)
    if len(stories) == 1 and stories[0].role != "teaser" and not any(line.kind in PAGE_KINDS for line in classed):
        # one untitled article with nothing of a web page around it: every line of prose is its own,
        # however short ("No injuries were reported.")
        stories[0].paragraphs = [line.text for line in classed if line.kind in ("body", "short")]  # no headline list
    for st in stories:
        st.paragraphs = _once(st.paragraphs)
    _assign_roles(stories)
    return stories


@dataclass
class _Page:
    """A flattened page read line by line: the stories so far and what the lines since the last
    prose line said (a header, a byline or dates waiting for their story, a list of headlines)."""

    classed: list[_Line]
    stories: list[Story] = field(default_factory=list)
    cur: Story | None = None
    prev_solid: str | None = None  # kind of the last non-transparent line
    saw_marker: bool = False  # a "Related" marker after an article began
    gap_header: bool = False  # a story-header signal since the last prose line
    pending_byline: str | None = None
    pending_dates: list[str] = field(default_factory=list)
    listed: int = 0  # headlines with no prose after them since the last prose line
    shorts: int = 0  # short lines since the last prose line

    def finish(self) -> list[Story]:
        if self.cur is not None:
            self.cur.byline = self.cur.byline or self.pending_byline
            self.cur.date_lines.extend(self.pending_dates)
        return [s for s in self.stories if s.paragraphs]


def _on_furniture(page: _Page, _i: int, line: _Line) -> None:
    """A "Related" marker counts once an article has begun, not in the menus above it."""
    begun = any(len(st.paragraphs) >= 3 and st.n_words() >= 120 and not _listy(st) for st in page.stories)
    page.saw_marker = page.saw_marker or (begun and bool(L.RELATED_MARKER.match(line.text)))
    page.gap_header = page.gap_header or line.header
    page.prev_solid = line.kind


def _on_image(page: _Page, _i: int, line: _Line) -> None:
    """An image's alternative text is a caption of the story it sits in."""
    if line.alt and page.cur is not None and line.alt not in page.cur.captions:
        page.cur.captions.append(line.alt)


def _on_byline(page: _Page, _i: int, line: _Line) -> None:
    """A byline after a story's prose signs it; before a headline it waits for the next story."""
    trailing = page.prev_solid != "title" and not page.gap_header  # a signature under the story
    page.gap_header = True
    cur = page.cur
    if cur is not None and cur.byline is None and cur.paragraphs and trailing:
        cur.byline = _clean_byline(line.text)
    else:
        page.pending_byline = _clean_byline(line.text)


def _on_date(page: _Page, _i: int, line: _Line) -> None:
    page.gap_header = True
    page.pending_dates.append(line.text)


def _on_heading(page: _Page, i: int, line: _Line) -> None:
    """A headline with prose after it starts a story, after a header or a marker, or if none has
    begun; else it is a subhead of the story it sits in. A headline with none is in a list."""
    kind = line.kind
    nxt = _next_solid(page.classed, i) if kind == "title" else None
    if nxt is not None and nxt.kind == "body":
        cur = page.cur
        fresh = cur is None or not cur.paragraphs or (page.prev_solid != "body" and (page.saw_marker or page.gap_header))
        if fresh:
            cur = Story(title=line.text, after_marker=page.saw_marker, headed=page.gap_header)
            cur.after_links = page.saw_marker and 0 < page.listed <= 4 and not page.shorts and not page.gap_header
            page.stories.append(cur)
            page.cur = cur
        else:
            cur.paragraphs.append(line.text)  # type: ignore[union-attr]  # a subhead
            cur.subheads += 1  # type: ignore[union-attr]
    elif kind == "title":
        page.listed += 1
    page.shorts += kind == "short"
    page.prev_solid = kind


def _on_body(page: _Page, _i: int, line: _Line) -> None:
    """Prose goes to the story it continues; after a marker and other lines, to a new one."""
    para, _credit = L.strip_credit_tail(line.text)
    if para:
        cur = page.cur
        if cur is None or (page.prev_solid not in ("body", "title", None) and page.saw_marker and not cur.after_marker):
            cur = Story(after_marker=page.saw_marker, headed=page.gap_header)
            page.stories.append(cur)
            page.cur = cur
        cur.paragraphs.append(para)
        if page.pending_byline and cur.byline is None:
            cur.byline = page.pending_byline
        page.pending_byline = None
        cur.date_lines.extend(page.pending_dates)
        page.pending_dates = []
    page.gap_header = False
    page.listed = page.shorts = 0
    page.prev_solid = line.kind


def _transparent(_page: _Page, _i: int, _line: _Line) -> None:
    """Blank lines and captions change nothing."""


# one handler per kind of line (``_Line.kind``)
HANDLERS = {
    "furniture": _on_furniture,
    "image": _on_image,
    "byline": _on_byline,
    "date": _on_date,
    "title": _on_heading,
    "short": _on_heading,
    "body": _on_body,
    "blank": _transparent,
    "caption": _transparent,
}


PAGE_KINDS = ("furniture", "image", "caption")


def _listing(solid: list[_Line], heads: list[int]) -> list[Story]:
    """Headlines each over their paragraphs, nothing else: one teaser a headline."""
    stories = []
    for n, i in enumerate(heads):
        block = solid[i + 1 : heads[n + 1] if n + 1 < len(heads) else None]
        st = Story(title=solid[i].text, role="teaser")
        st.paragraphs = [line.text for line in block if line.kind in ("body", "short")]
        st.date_lines = [line.text for line in block if line.kind == "date"]
        if st.paragraphs:
            stories.append(st)
    return stories


def _plain_article(classed: list[_Line]) -> Story | list[Story] | None:
    """A text with nothing of a web page in it (no furniture, image or caption line) that opens
    as an article does (a headline line, a date line, a byline or a wire dateline before its
    prose) is one article, whatever the length of its paragraphs: every line that is not its
    headline, date or byline is a paragraph. A listing (three or more headline-like lines, each
    over a single paragraph) is not."""
    solid = [line for line in classed if line.kind != "blank"]
    if not solid or any(line.kind in PAGE_KINDS for line in solid):
        return None
    heads = [i for i, line in enumerate(solid) if line.kind == "title"]
    blurbs = sum(
        1 for n, i in enumerate(heads)
        if sum(1 for line in solid[i + 1 : heads[n + 1] if n + 1 < len(heads) else None] if line.kind == "body") == 1
    )  # fmt: skip
    if blurbs >= 3:
        return _listing(solid, heads) if blurbs >= 0.6 * len(heads) else None
    titled = solid[0].kind == "title" or (solid[0].kind == "short" and not L.ends_sentence(solid[0].text))
    # the first prose: a body line, or, under a headline, any line that is not a date or byline
    # ("Snow shut the pass." is short, and still the article)
    prose_kinds = ("body", "short", "title") if titled else ("body",)
    first_prose = next((i for i, line in enumerate(solid) if line.kind in prose_kinds and (i or not titled)), None)
    if first_prose is None:
        return None
    opening = solid[:first_prose]
    if not (titled or any(line.kind in ("date", "byline") for line in opening) or L.DATELINE.match(solid[first_prose].text)):
        return None
    story = Story(title=solid[0].text if titled else None)
    for line in solid[1:] if titled else solid:
        if line.kind == "date":
            story.date_lines.append(line.text)
        elif line.kind == "byline" and story.byline is None:
            story.byline = _clean_byline(line.text)
        else:
            story.paragraphs.append(line.text)
    return story if story.paragraphs else None


_NAME = re.compile(r"\b([A-Z](?:[a-z]+[A-Z])?[a-z]{3,})\b")  # "Trump", "McDonald", "DeSantis"


def _names(paragraphs: list[str]) -> set[str]:
    """Capitalised words that are not common words: names, mostly ("Steenburgen", "Halden")."""
    return {n for p in paragraphs for n in _NAME.findall(p) if n.lower() not in STOP_WORDS}


def _merge_continuations(stories: list[Story]) -> list[Story]:
    """A story with no header of its own (no timestamp, byline or date before it) whose first
    paragraphs name someone the story before it named is that story going on: an article cut by
    a widget or an in-article "Related" box, not a new one."""
    out: list[Story] = []
    for s in stories:
        prev = out[-1] if out else None
        if prev is not None and (not s.after_marker or not s.headed) and s.role != "teaser" and s.paragraphs:
            counts = Counter(n for p in prev.paragraphs for n in _NAME.findall(p) if n.lower() not in STOP_WORDS)
            first = _names(s.paragraphs[:2])
            # someone the story before kept talking about, or prose right after a box of headline links
            if s.after_links or any(counts[n] >= 3 for n in first):
                prev.paragraphs.extend(([s.title] if s.title and not s.after_links else []) + s.paragraphs)
                prev.captions.extend(c for c in s.captions if c not in prev.captions)
                continue
        out.append(s)
    return out


def _once(paragraphs: list[str]) -> list[str]:
    """A paragraph printed twice (a standfirst above the body, a pull quote) is kept once."""
    seen: set[str] = set()
    out = []
    for p in paragraphs:
        key = L.normalize(p)
        if key in seen and len(key.split()) >= 8:
            continue
        seen.add(key)
        out.append(p)
    return out


def _listy(story: Story) -> bool:
    """Headings alternating with one-paragraph blurbs: a list of teasers, not an article."""
    body = len(story.paragraphs) - story.subheads
    return story.subheads >= 3 and story.subheads >= 0.6 * max(body, 1)


def _article_likeness(story: Story) -> float:
    """Words, discounted for a teaser list."""
    return story.n_words() * (0.3 if _listy(story) else 1.0)


def _assign_roles(stories: list[Story]) -> None:
    """The longest story before any "Related" marker is the main one; the others are related."""
    whole = [s for s in stories if s.role != "teaser"]
    if not whole:
        return
    before = [s for s in whole if not s.after_marker] or whole
    main = max(before, key=_article_likeness)
    for s in whole:
        s.role = "main" if s is main else "related"


def _continuity(paragraphs: list[str]) -> float:
    """Share of paragraphs after the first that point back to an earlier one.

    A paragraph points back when it opens with a pronoun or connective, or names a person by
    one part of a name given in full earlier ("Kim Jong Un" ... "Kim said"). Persons come from
    the NER model, which only pages shaped like a teaser list ever reach.
    """
    # the pipeline extraction already loads (tags and parse), with its NER run on top: no third model copy
    pipeline = nlp.load_parser()
    ner = pipeline.get_pipe("ner")
    docs = [ner(doc) for doc in pipeline.pipe(paragraphs)]
    seen: set[str] = set()  # parts of persons' full names
    nouns: set[str] = set()  # common nouns used so far
    linked = 0
    for i, doc in enumerate(docs):
        persons = [e for e in doc.ents if e.label_ == "PERSON"]
        if i and (
            L.ANAPHORIC_START.match(doc.text)
            or any(len(e) == 1 and e.text in seen for e in persons)
            or _definite_back_reference(doc, nouns)
            or _definite_anywhere(doc, nouns)
        ):
            linked += 1
        for e in persons:
            if len(e) > 1:
                seen.update((e[0].text, e[-1].text))
        nouns.update(t.lower_ for t in doc if t.tag_ in COMMON_NOUN_TAGS)
    return linked / max(1, len(paragraphs) - 1)


COMMON_NOUN_TAGS = ("NN", "NNS")


def _definite_back_reference(doc: Doc, nouns: set[str]) -> bool:
    """An opening "The <noun>" whose noun was used before ("The opposition leader" after "the opposition")."""
    if len(doc) < 2 or doc[0].lower_ != "the":
        return False
    return any(t.tag_ in COMMON_NOUN_TAGS and t.lower_ in nouns for t in doc[1:4])


def _definite_anywhere(doc: Doc, nouns: set[str]) -> bool:
    """A "the <noun>" anywhere in the paragraph whose noun an earlier one used, or ends one it used
    ("the quake" after "an earthquake"): the paragraph goes on about something already introduced."""
    for t in doc:
        if t.tag_ in COMMON_NOUN_TAGS and any(c.lower_ == "the" and c.dep_ == "det" for c in t.children):
            word = t.lower_
            if word in nouns or (len(word) > 3 and any(n.endswith(word) for n in nouns)):
                return True
    return False


def _split_teasers(story: Story) -> list[Story]:
    paras = story.paragraphs
    if story.title is not None or len(paras) < 4:
        return [story]
    if max(len(L.words(p)) for p in paras) > 80 or _continuity(paras) >= 0.34:
        return [story]
    return [Story(paragraphs=[p], role="teaser", after_marker=story.after_marker) for p in paras]
