"""The one record vocabulary every stage speaks.

Records are plain dataclasses so they serialise to JSON rows and SQLite rows without a
mapping layer. Provenance is carried as ids plus character offsets: an ``Article`` knows the
``Document`` it came from and where in that document's text it starts, so any later fact
(a figure, a quote) can point back to its sentence.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal, TypedDict

Role = Literal["main", "related", "teaser"]
Precision = Literal["day", "month", "year"]


def content_id(*parts: str | bytes, length: int = 16) -> str:
    """Stable id: the hex sha256 of the parts (joined with NUL), truncated."""
    h = hashlib.sha256()
    for i, part in enumerate(parts):
        if i:
            h.update(b"\0")
        h.update(part.encode("utf-8") if isinstance(part, str) else part)
    return h.hexdigest()[:length]


ID_LENGTH = 16  # characters of an article's id (``content_id``)
CAPTION = "~c"  # a caption's facts carry article_id "<article id>~c<n>" and offsets into that caption


def caption_id(article_id: str, n: int) -> str:
    """The ``article_id`` of the facts read from an article's ``n``-th image caption."""
    return f"{article_id}{CAPTION}{n}"


def article_of(fact_article_id: str) -> str:
    """The article a fact belongs to: its ``article_id`` itself, or the article whose caption it was
    read from."""
    return fact_article_id[:ID_LENGTH]


@dataclass
class Document:
    """One unit of input as read, before any interpretation of its content."""

    id: str
    source: str  # the input path or URL as the user gave it (plus ``#n`` for records inside)
    format: Literal["text", "html"]
    content: str
    url: str | None = None
    fetched: str | None = None  # ISO date the page was fetched (WARC-Date)
    title: str | None = None  # given by the input itself (JSON Lines)
    published: str | None = None  # given by the input itself (JSON Lines)
    warnings: list[str] = field(default_factory=list)
    outlet: str | None = None  # given by the input itself (JSON Lines: "outlet", "site_name", "publisher", "source")
    record: bool = False  # one record of a structured input (JSON Lines): one article by construction


@dataclass
class DatedEvidence:
    """A publication date with how sure we are and why."""

    value: str | None  # ISO date, truncated to precision: 2025-04-28 / 2025-04 / 2025
    precision: Precision | None
    evidence: str | None  # e.g. "metadata", "url:/2025/04/28/", "text:'April 28, 2025'"
    floor: bool = False  # only a lower bound (the latest date the text mentions), not a publication date


@dataclass(slots=True)  # many of these live at once: no __dict__ per record
class Article:
    """One story recovered from a document."""

    id: str
    document_id: str
    source: str
    role: Role
    title: str | None
    byline: str | None
    published: str | None
    published_precision: Precision | None
    published_evidence: str | None
    text: str
    url: str | None = None
    position: int = 0  # order of the story within its document
    captions: list[str] = field(default_factory=list)
    duplicate_of: str | None = None
    duplicate_kind: Literal["exact", "near"] | None = None
    published_after: str | None = None  # a floor only: the latest date its text mentions, where nothing dates it
    outlet: str | None = None  # who published it, as a reader names it ("Example News"); see clean/outlets.py
    outlet_evidence: str | None = None  # the rule and words that name it: "metadata", "credit:'(Reuters)'", "url:example.com"
    story_id: str | None = None  # the story it tells (ledger/stories.py), set once the ledger has grouped it

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class InputReport:
    """What happened to one input: the build report accounts for every one."""

    source: str
    status: Literal["read", "partial", "skipped"]
    reason: str | None = None
    documents: int = 0
    articles: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)  # many of these live at once: no __dict__ per record
class Provenance:
    """Where a fact sits: its article, the character span in the article text, its sentence."""

    article_id: str
    source: str
    start: int
    end: int
    sentence: str
    sentence_start: int


@dataclass(slots=True)  # many of these live at once: no __dict__ per record
class Claim:
    """A figure (quantitative claim) as one article states it."""

    id: str
    span: Provenance
    text: str  # the figure's words, e.g. "an estimated 14,000 to 15,000"
    value: float | None
    low: float | None
    high: float | None
    approximate: bool
    change: str | None  # "up" / "down" where the figure is a rise or fall
    unit: str | None
    measure: str | None
    about: list[str]
    attribution: str | None
    time: str | None  # the time the figure refers to, as written ("in April")
    time_value: str | None = None  # ... normalised (TIMEX3 value), where it resolves
    actor: str | None = None  # whose figure it is: the group in the measure or the subject ("North Korea")
    part_of: str | None = None  # id of the claim this one is a part of ("600 deaths" in "4,700 casualties")
    from_value: float | None = None  # the value it moved from ("fell from $200,000 to $70,000": 200000)
    subject: str | None = None  # what the figure is a value of ("Revenue rose to $7.36 billion": "Revenue")
    canonical_unit: str | None = None  # the unit it is compared in ("metre" for miles, "GBP" for pounds; extract.units)
    to_canonical: float | None = None  # the factor from ``unit`` to it (1609.344 for a mile)
    rule: str | None = None  # the rule of the figure grammar that made it a figure ("currency", "subject_count")


@dataclass(slots=True)  # many of these live at once: no __dict__ per record
class Quote:
    """What a speaker said, directly (in quotation marks) or indirectly."""

    id: str
    span: Provenance
    kind: Literal["direct", "indirect", "attitude"]  # attitude: a stance or plan held ("X opposes ...")
    speaker: str | None
    cue: str | None
    content: str
    # where the speaker is named (article offsets): in this sentence, or in the one announcing it ("He added:")
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    rule: str | None = None  # the speaker chain's rule that named its speaker ("cue_verb", "according_to"; extract.quotes)


@dataclass(slots=True)  # many of these live at once: no __dict__ per record
class Mention:
    """A named entity as it appears in one article."""

    article_id: str
    source: str
    text: str
    label: str
    start: int
    end: int
    sentence: str
    entity_id: str | None = None


@dataclass(slots=True)  # many of these live at once: no __dict__ per record
class TimeExpr:
    """A time expression, normalised (TIMEX3 value) against its article's publication date."""

    id: str
    span: Provenance
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str | None  # null when it is relative and the article's date is unknown
    precision: str | None
    rule: str | None = None  # the time grammar's rule that read it ("weekday", "month_year")


@dataclass
class EventFields:
    """Who did what to whom, where and when (the fields of ACLED)."""

    event_date: str
    time_precision: str
    actor1: str | None
    actor2: str | None
    action: str  # the verb phrase as written: "confirmed it had sent two more ferries"
    action_lemma: str  # its verb (and object) as lemmas, for grouping: "confirm send ferry"
    event_type: str  # one of events.EVENT_TYPES: statement, meeting, agreement, deployment, attack, ...
    location: str | None
    fatalities: float | None
    # "text:<words>": its own words date it; "published": a lead dated by its article's publication;
    # "undated": nothing dates it (event_date ""); on the timeline, "story:<evidence>" when another report dated it
    date_evidence: str = "text"


@dataclass(kw_only=True)
class Event(EventFields):
    """An event as one sentence tells it."""

    id: str
    span: Provenance  # the date expression's place in the sentence
    rule: str = "dated"  # what made it: "dated" (a date in the sentence) or "lead:<rule>" (an article's lead)


@dataclass
class Facts:
    """The facts a batch of articles gives, per kind (what an extraction worker returns)."""

    claims: list[Claim] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    sentences: int = 0
    parsed: int = 0
    errors: list[str] = field(default_factory=list)  # "<article id>: <reason>" for articles extraction failed on

    def extend(self, other: Facts) -> None:
        """Append another batch's facts (batches of whole articles, so order is kept)."""
        for name in ("claims", "quotes", "mentions", "times", "events", "errors"):
            getattr(self, name).extend(getattr(other, name))
        self.sentences += other.sentences
        self.parsed += other.parsed


# --- what the ledger hands on -------------------------------------------------------------
# After the ledger (SQLite), facts travel as rows: the record's fields with its provenance
# flattened (``article_id``, ``source``, ``start``, ``end``, ``sentence``, ``sentence_start``), lists
# as JSON text, and the article's ``story_id`` (and ``published``) added where a step needs them.
# The types below name those shapes for ``ledger/``, ``present/`` and ``run/``.


class FactRow(TypedDict, total=False):
    """Any fact as a ledger row: its id and provenance (``Provenance`` flattened)."""

    id: str
    article_id: str
    source: str
    start: int
    end: int
    sentence: str
    sentence_start: int
    story_id: str | None
    published: str | None


class ClaimRow(FactRow, total=False):
    """A ``Claim`` as a ledger row (``about`` as JSON text)."""

    text: str
    value: float | None
    low: float | None
    high: float | None
    approximate: int
    change: str | None
    unit: str | None
    measure: str | None
    about: str
    attribution: str | None
    time: str | None
    time_value: str | None
    actor: str | None
    part_of: str | None
    from_value: float | None
    subject: str | None
    canonical_unit: str | None
    to_canonical: float | None
    rule: str | None


class QuoteRow(FactRow, total=False):
    """A ``Quote`` as a ledger row."""

    kind: str
    speaker: str | None
    cue: str | None
    content: str
    speaker_start: int | None
    speaker_end: int | None
    cue_start: int | None
    cue_end: int | None
    rule: str | None


class EventRow(FactRow, total=False):
    """An ``Event`` as a ledger row (its ``EventFields`` and ``rule``)."""

    event_date: str
    time_precision: str
    actor1: str | None
    actor2: str | None
    action: str
    action_lemma: str
    event_type: str
    location: str | None
    fatalities: float | None
    date_evidence: str
    rule: str | None


class SlottedRow:
    """A ledger row held as slots rather than a dict (a dict of twenty keys costs about 1 KB; this,
    a fifth of it), read and written as the dict rows are: ``row["key"]``, ``row.get("key")``,
    ``row["key"] = value``. Subclasses name their columns in ``__slots__``."""

    __slots__ = ()

    def __init__(self, **values: Any) -> None:
        if unknown := values.keys() - set(self.__slots__):
            raise TypeError(f"{type(self).__name__} has no column {sorted(unknown)}")  # a new column must be named here
        for name in self.__slots__:
            setattr(self, name, values.get(name))

    def __getitem__(self, key: str) -> Any:
        try:
            return getattr(self, key)
        except AttributeError:
            raise KeyError(key) from None

    def __setitem__(self, key: str, value: Any) -> None:
        setattr(self, key, value)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self.__slots__

    def get(self, key: str, default: Any = None) -> Any:
        return getattr(self, key, default)

    def keys(self) -> tuple[str, ...]:
        return self.__slots__

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and all(self[k] == other[k] for k in self.__slots__)  # type: ignore[index]

    __hash__ = None  # type: ignore[assignment]


class EventRecord(SlottedRow):
    """An ``EventRow`` with its article's ``story_id``, ``published`` and ``outlet``, as the timeline
    holds many of them at once (``Ledger.event_rows``)."""

    __slots__ = (
        "action",
        "action_lemma",
        "actor1",
        "actor2",
        "article_id",
        "date_evidence",
        "end",
        "event_date",
        "event_type",
        "fatalities",
        "id",
        "location",
        "outlet",
        "published",
        "rule",
        "sentence",
        "sentence_start",
        "source",
        "start",
        "story_id",
        "time_precision",
    )  # fmt: skip


class ClaimRecord(SlottedRow):
    """A ``ClaimRow`` with its article's ``story_id``, ``published`` and ``outlet``, as figure groups
    hold many of them at once (``Ledger.claim_rows(records=True)``)."""

    __slots__ = ("about", "actor", "approximate", "article_id", "attribution", "canonical_unit", "change", "end",
                 "from_value", "high", "id", "low", "measure", "outlet", "part_of", "published", "rule", "sentence",
                 "sentence_start", "source", "start", "story_id", "subject", "text", "time", "time_value",
                 "to_canonical", "unit", "value")  # fmt: skip


# --- what the cross-article steps make ----------------------------------------------------


@dataclass(slots=True)  # many of these live at once: no __dict__ per record
class Entity:
    """A person, organisation or place the corpus names, merged over its mentions (``extract.entities.merge``)."""

    id: str
    name: str
    label: str
    aliases: list[str] = field(default_factory=list)
    mentions: int = 0
    articles: list[str] = field(default_factory=list)


@dataclass
class FigureGroup:
    """One quantity as several reports give it: the claims of one story in one unit and measure
    (``ledger.figures.group_figures``), with how they relate (updates, conflicts, parts)."""

    id: str
    label: str
    unit: str
    actor: str | None
    claims: list[ClaimRow] = field(default_factory=list)
    story_id: str | None = None
    relations: list[dict[str, str]] = field(default_factory=list)
    low: float | None = None
    high: float | None = None

    @property
    def sources(self) -> int:
        return len({article_of(c["article_id"]) for c in self.claims})


@dataclass
class TimelineEvent(EventFields):
    """One event on the timeline, with every event row (sentence) that tells it."""

    id: str = ""
    mentions: list[EventRow] = field(default_factory=list)
    story_id: str | None = None
    background: bool = False  # dated long before its story was first reported: history, not what happened

    @property
    def sources(self) -> int:
        return len({article_of(m["article_id"]) for m in self.mentions})
