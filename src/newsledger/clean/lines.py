"""Line features for flattened page text: what a line looks like, independent of any outlet.

Every rule here is about the shape of page furniture in general (a timestamp, a share bar, a
subscription prompt, a credit line), never about a particular site.
"""

from __future__ import annotations

import re

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# a word, or one CJK character (scripts written without spaces count by character)
WORD = re.compile(rf"[{_CJK}]|[^\W_{_CJK}]+(?:['’.-][^\W_{_CJK}]+)*")
TERMINAL = re.compile(r"""[.!?…。！？]["'”’)\]」』]*$""")
MD_IMAGE = re.compile(r"^!\[(?P<alt>.*)\]\((?P<src>[^)\s]*)\)\s*$")
MD_LINK_ONLY = re.compile(r"^\[[^\]]*\]\([^)]*\)$")
URL_ONLY = re.compile(r"^(?:https?://|www\.)\S+$")
TIMESTAMP = re.compile(
    r"^(?:(?:updated|published|posted)\s*:?\s*)?(?:\d+|an?|one)\s*(?:s|sec|second|m|min|minute|h|hr|hour|d|day|week|month|year)s?\s+ago"
    r"(?:\s+at\s+\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?)?$",
    re.I,
)
BYLINE = re.compile(r"^(?:by|written by|words by)\s+(?P<name>[A-Z][\w'’.-]*(?:[ -]+[A-Za-z][\w'’.-]*){0,5})(?P<rest>.*)$", re.I)
EMAIL = re.compile(r"\[*\s*(?:\[email[^\]]*\]|[\w.+-]+@[\w-]+\.[\w.]+)\s*\]*")

# Words that mark page furniture wherever they appear in a short line.
FURNITURE_TERMS = re.compile(
    r"\b(?:subscri(?:be|ber|bers|ption|ptions)|sign(?:ing)?[ -]?(?:in|up)|log(?:ging)?[ -]?(?:in|into|on)|login|logged in|"
    r"register(?:ed)?|create an account|your account|newsletters?|paywall|unlock|free trial|premium|"
    r"comments?|reply|replies|share|shares|tweet|facebook|whatsapp|linkedin|telegram|pinterest|reddit|"
    r"copy link|print|e-?mail|follow us|cookies?|privacy policy|terms of (?:use|service)|advertis(?:e|ement|ing)|"
    r"sponsored|related(?: articles?| stories| content| news)?|read more|more stories|more from|recommended|"
    r"most (?:read|popular|viewed)|trending|top stories|latest news|hashtags?|tags?|topics?|skip to|menu|"
    r"all rights reserved|copyright|©|translated (?:from|by)|contributed to this|reporting by|editing by|"
    r"photo(?:graph)?s? by|image credit|getty images|download (?:the|our) app|app store|google play|"
    r"rss|podcasts?|filed under)\b",
    re.I,
)
# Terms that, twice in one long line, make it a prompt rather than prose.
PROMPT_TERMS = re.compile(
    r"\b(?:subscri(?:be|ber|ption)|sign(?:ing)? in|log(?:ging)? ?in(?:to)?|login|your account|"
    r"newsletter|cookies|privacy policy|javascript|ad ?blocker|whitelist|disable|browser|already a member|"
    r"premium|unlimited access|free trial|(?:write|leave|post|add) (?:a )?comments?)\b",
    re.I,
)
RELATED_MARKER = re.compile(
    r"^(?:related(?: articles?| stories| content| news| coverage)?|more (?:stories|news|on this|from [\w .]+)|"
    r"read (?:more|next|also)|recommended(?: for you| stories)?|you may (?:also )?like|see also|"
    r"most (?:read|popular|viewed)|trending(?: now)?|latest(?: news| stories)?|top stories|what to read next|"
    r"(?:\d+\s+)?(?:reader |top rated |top |user )?comments?(?: \(\d+\))?|leave a (?:comment|reply)|join the discussion|discussion)\s*:?$",
    re.I,
)
SHARE_WORDS = r"(?:Facebook|Twitter|Tweet|Email|E-mail|Link|Copy link|Share|WhatsApp|LinkedIn|Print|Reddit|Follow)"
SHARE_PREFIX = re.compile(rf"^.{{0,80}}?{SHARE_WORDS}(?:\s*{SHARE_WORDS}){{1,}}\s+(?=[A-Z\"'“‘])")
CREDIT_SENTENCE = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=[.!?]['\"”’]\s))[^.!?]{0,200}?\b(?:contributed (?:reporting )?to this (?:report|story|article)|"
    r"contributed reporting|additional reporting by|this (?:story|article) (?:has been|was) (?:updated|corrected)|"
    r"translated from [^.]{0,80}(?:using|by)|reporting by [^.]{0,80}editing by)[^.!?]*[.!?]?\s*$",
    re.I,
)
ANAPHORIC_START = re.compile(
    r"^(?:he|she|they|it|his|her|their|its|this|that|these|those|but|and|also|however|meanwhile|still|yet|"
    r"the (?:statement|move|remarks?|report|official|minister|president|leader|agency|ministry|comments?))\b",
    re.I,
)


def words(text: str) -> list[str]:
    return WORD.findall(text)


def ends_sentence(text: str) -> bool:
    return bool(TERMINAL.search(text.rstrip()))


CODE_CHARS = re.compile(r"[{}<>=;\\|]|\bfunction\b|\bvar\b|=>|&&")


def looks_like_code(text: str) -> bool:
    """Script, JSON or markup that leaked into the visible text."""
    hits = len(CODE_CHARS.findall(text))
    return hits >= 3 and hits / max(1, len(words(text))) > 0.25


GLUE = re.compile(r"(?<=[a-z0-9)’'!?])(?=[A-Z](?:[a-z]|\s))")
COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b)", re.I)
# a wire dateline opening a story: "HALDEN, Norway (Example Wire) - ", "OSTBY -- "
DATELINE = re.compile(r"[A-Z][A-Z.'’ -]{2,}(?:, [A-Z][\w.'’ -]+)?(?: \([\w. ]+\))?\s*(?:--|[—–-])\s+")
GALLERY_COUNTER = re.compile(
    r"^\d+\s*(?:of|/)\s*\d+(?=\D)|^(?:image|photo|picture|slide|video)\s+\d+\s+(?:of|/)\s+\d+$|^view all\s*\(\d+\)$", re.I
)  # "1of4A shopper looks at ...", "Image 5 of 5"
# One of these alone makes a line of up to 60 words a prompt or a notice, not prose.
NOTICE = re.compile(
    r"\b(?:this (?:site|website) uses|uses cookies|non-commercial use|presentation-ready|order reprints|akismet|"
    r"have a (?:news )?tip|send us a tip|news tip|all rights reserved|subscribe now|sign up for (?:our|the)|"
    r"full episodes|join our|follow (?:us|him|her) on|may be reached at|is a staff writer|thanks for watching|"
    r"click here|we send (?:you )?an email|support (?:our|independent|local) journalism)\b",
    re.I,
)


def is_glued_teaser(text: str) -> bool:
    """A link-list item: a Title Case headline glued to its teaser ("...Student-AthleteA 24-year-old ...")."""
    for m in GLUE.finditer(text[:200]):
        fragment = re.search(r"[\w’'!?)]*$", text[: m.start()]).group(0)  # the word part before the joint
        if (len(fragment) < 4 and not fragment[:1].isdigit()) or fragment[:1].islower():
            continue  # McClaren, DeSantis, iPhone: names, not a joint
        head = words(text[: m.start()])
        if len(head) >= 3 and sum(w[0].isupper() or w[0].isdigit() for w in head) / len(head) >= 0.6:
            return True
    return False


CAPTION_LINE = re.compile(
    r"^In this (?:[\w.,]+ ){0,6}(?:file )?(?:photo|image|picture)\b|\((?:[A-Z]+ )?(?:Photo|Image|Picture)s?(?: by)?\s*[:/][^)]*\)\s*$"
)


def is_furniture(text: str) -> bool:
    """A short line that is page furniture: a timestamp, a label, a prompt, a share bar."""
    t = text.strip()
    if not t:
        return False
    if looks_like_code(t) or COPYRIGHT.match(t) or GALLERY_COUNTER.match(t) or is_glued_teaser(t):
        return True
    if TIMESTAMP.match(t) or URL_ONLY.match(t) or MD_LINK_ONLY.match(t) or RELATED_MARKER.match(t):
        return True
    if EMAIL.fullmatch(t):
        return True
    n = len(words(t))
    if n == 0:
        return True  # punctuation, bullets, counters
    if re.match(r"^[-–•|·*]\s*\S", t) and n <= 4:
        return True  # "- CNN", "• World"
    if re.search(r"\(\d+/\d+\S*\)$", t):
        return True  # character counters of comment boxes
    if n <= 60 and NOTICE.search(t):
        return True
    if t.endswith(("[…]", "[...]", "[&hellip;]")) or CAPTION_LINE.search(t):
        return True  # a truncated teaser, or a photo caption printed in the text
    hit = FURNITURE_TERMS.search(t)
    if hit and (n <= 6 or (n <= 12 and hit.start() == 0)):
        return True
    return bool(n <= 80 and len(set(m.group(0).lower() for m in PROMPT_TERMS.finditer(t))) >= 2)


def is_body(text: str) -> bool:
    """Prose: a paragraph of an article (long enough, and reads as sentences)."""
    t = text.strip()
    n = len(words(t))
    if n >= 25:
        return not is_furniture(t)
    return n >= 10 and ends_sentence(t) and not is_furniture(t)


def is_title_like(text: str) -> bool:
    """A headline or a subhead: short, capitalised, not a sentence ending in a full stop."""
    t = text.strip()
    n = len(words(t))
    if not 2 <= n <= 25 or is_furniture(t) or BYLINE.match(t):
        return False
    if t.endswith((".", ",", ";", ":")) and not t.endswith("..."):
        return False
    first = t.lstrip("\"'“‘(")[:1]
    return first.isupper() or first.isdigit()


def strip_share_prefix(text: str) -> str:
    """Remove a share bar glued to the start of a paragraph ("...FacebookTweetLink Follow As ...")."""
    return SHARE_PREFIX.sub("", text, count=1)


def strip_credit_tail(text: str) -> tuple[str, str | None]:
    """Split off a trailing credit sentence ("X contributed to this report.")."""
    m = CREDIT_SENTENCE.search(text)
    if not m:
        return text, None
    return text[: m.start()].rstrip(), m.group(0).strip()


def normalize(text: str) -> str:
    return " ".join(words(text.lower()))
