"""Which outlet published an article: a name a reader recognises, with the evidence for it.

In order of trust (the first that gives a name wins; each is a named rule):

* ``given``: the input names it (a JSON Lines record's ``outlet``, ``site_name``, ``publisher``
  or ``source`` field);
* ``metadata``: the page's own markup (og:site_name, JSON-LD publisher, application-name, the
  title's site part), as trafilatura reads it;
* ``credit``: a wire credit at the start of the story ("LONDON (Reuters) -", "(AP) —"), the
  way agencies mark the copy they send out;
* ``copyright``: a copyright line of the text ("© 2024 Example Media Group", "Copyright (c) The
  Daily Example. All rights reserved.");
* ``byline``: an outlet written after the writer's name in a byline ("By Jane Doe, Example
  News"; "Jane Doe | Example Times");
* ``url``: the registered domain of the article's URL ("news.example.co.uk" gives
  "example.co.uk"), the name the address itself shows.

No outlet is listed anywhere: every rule reads a construction that news pages use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from courlan import extract_domain

NAME = r"[A-Z][\w&'’.\-]*(?:[ \-][A-Z0-9&][\w&'’.\-]*){0,5}"
CREDIT = re.compile(r"^(?:[A-Z][A-Za-z .,'\-]{1,40}?\s)?\((" + NAME + r")\)\s*(?:[-—–]{1,2}\s|\n)")
COPYRIGHT = re.compile(r"^\s*(?i:©|\(c\)|copyright)\s*(?i:©|\(c\))?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?,?\s*(" + NAME + r")")
BYLINE_OUTLET = re.compile(r"^(?:by\s+)?[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){0,3}\s*(?:,|\||/|—|-)\s*(" + NAME + r")\s*$")
TRAILING = re.compile(r"[\s.,;:|\-–—]+$")
NOT_OUTLETS = {"all", "all rights reserved", "the author", "the authors", "staff", "staff writer", "contributor", "reporter"}


@dataclass(frozen=True)
class Outlet:
    name: str
    evidence: str  # the rule that found it, and the words: "credit:'(Reuters)'"


def _clean(name: str | None) -> str | None:
    if not name:
        return None
    name = re.sub(r"\s+", " ", TRAILING.sub("", name.strip().lstrip("@"))).strip()
    name = TRAILING.sub("", re.sub(r"(?i)[.,]?\s+all(?:\s+rights.*)?$", "", name))
    if len(name) > 60:  # a site name with its tagline: "Example Times | News, sport and opinion"
        name = re.split(r"\s[|–—:-]\s|\s*[|•]\s*", name)[0].strip()
    if not name or name.lower() in NOT_OUTLETS or len(name) > 60 or not re.search(r"[A-Za-z]", name):
        return None
    return name


def from_url(url: str | None) -> str | None:
    """The registered domain of a URL ("www.news.example.co.uk" -> "example.co.uk"), by courlan
    (trafilatura's URL library); none for an address or a local host."""
    return extract_domain(url) if url else None


def from_text(text: str, byline: str | None = None) -> Outlet | None:
    """An outlet the article's own words name: a wire credit, a copyright line, a byline."""
    head = text.lstrip()[:200]
    m = CREDIT.match(head)
    if m and (name := _clean(m.group(1))):
        return Outlet(name, f"credit:'({name})'")
    for line in reversed(text.splitlines()[-40:]):
        m = COPYRIGHT.match(line)
        if m and len(line) < 200 and (name := _clean(m.group(1))):
            return Outlet(name, f"copyright:'{line.strip()[:80]}'")
    if byline:
        m = BYLINE_OUTLET.match(byline.strip())
        if m and (name := _clean(m.group(1))):
            return Outlet(name, f"byline:'{byline.strip()[:80]}'")
    return None


def find_outlet(
    *, given: str | None = None, metadata: str | None = None, text: str = "", byline: str | None = None, url: str | None = None
) -> Outlet | None:
    """The outlet by the first rule that names one (see the module docstring)."""
    if name := _clean(given):
        return Outlet(name, "given")
    if name := _clean(metadata):
        return Outlet(name, "metadata")
    if found := from_text(text, byline):
        return found
    if name := from_url(url):
        return Outlet(name, f"url:{name}")
    return None
