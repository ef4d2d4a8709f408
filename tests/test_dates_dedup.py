"""Unit tests: publication dates with evidence, and duplicate marking."""

from newsledger.clean.dates import dates_in, from_url, infer_published
from newsledger.clean.dedup import mark_duplicates
from newsledger.model import Article


def _infer(**kw):
    base = {"given": None, "metadata": None, "url": None, "date_lines": [], "text": "", "page_text": ""}
    base.update(kw)
    return infer_published(**base)


def test_url_paths_give_day_or_month_precision():
    assert from_url("https://n.example/world/2025/04/28/troops-story/") == ("2025-04-28", "day")
    assert from_url("https://n.example/2024/11/budget-vote") == ("2024-11", "month")
    assert (
        from_url("https://n.example/news/20230917/x.html") is None
        or from_url("https://n.example/news/20230917/x.html")[0] == "2023-09-17"
    )
    assert from_url("https://n.example/2025/13/40/x") is None


def test_metadata_beats_url_and_evidence_is_given():
    d = _infer(metadata="2025-05-10", url="https://n.example/2025/04/28/x")
    assert (d.value, d.precision, d.evidence) == ("2025-05-10", "day", "html metadata")
    d = _infer(url="https://n.example/2025/04/28/x")
    assert d.value == "2025-04-28" and "url path" in d.evidence


def test_dateline_in_first_sentence():
    d = _infer(text="SEOUL, April 28, 2025 — North Korea confirmed on Monday that it sent troops.")
    assert (d.value, d.precision) == ("2025-04-28", "day") and "dateline" in d.evidence


def test_unknown_date_stays_null_and_relative_words_are_not_dates():
    d = _infer(text="The ministry said on Monday that talks would resume next week.")
    assert (d.value, d.precision, d.evidence) == (None, None, None)


def test_explicit_dates_found_with_precision():
    found = dates_in("Signed on June 19, 2024, confirmed in late April 2025 and on 3 May 2025.")
    assert [(v, p) for v, p, _ in found] == [("2024-06-19", "day"), ("2025-04", "month"), ("2025-05-03", "day")]


def test_a_date_is_read_in_any_paragraph_that_writes_one_and_never_across_a_break():
    text = "\n\n".join(["Fans queued outside the stadium for hours.", "Tickets went on sale on 4 March 2021, the club said.",
                        "The match kicks off on Saturday, 12 June\n\n1900 GMT is the time on the listings page."])  # fmt: skip
    found = dates_in(text)
    assert [(v, p) for v, p, _ in found] == [("2021-03-04", "day")]
    assert dates_in("Prices rose in mid-August 2019 and again on the 3rd of October, 2020.")[0][:2] == ("2019-08", "month")
    assert [v for v, _, _ in dates_in("The sale opened on Christmas Day 2018 at noon.")] == ["2018-12-25"]


def test_body_dates_are_a_floor_not_after_fetch_date():
    d = _infer(text="The treaty was signed on June 19, 2024. A vote is set for March 3, 2031.", not_after="2025-01-01")
    assert d.value == "2024-06-19" and "on or after" in d.evidence


def _art(i: int, text: str) -> Article:
    return Article(id=f"a{i}", document_id=f"d{i}", source=f"s{i}", role="main", title=None, byline=None, published=None,
                   published_precision=None, published_evidence=None, text=text)  # fmt: skip


STORY = ("Ships carrying grain left the southern ports on Monday for the first time in two weeks, port authorities "
         "said, after insurers agreed to cover vessels again. About 1.2 million metric tons of grain are waiting to be "
         "shipped, the agriculture ministry said in a statement, and traders expect prices to ease if the route stays open.")  # fmt: skip


def test_exact_and_near_duplicates_are_marked_not_dropped():
    near = STORY.replace("traders expect prices to ease", "traders expect prices to fall")
    other = "Lawmakers began debating a bill on Tuesday that would tighten checks on imported drone parts after investigators found components."
    arts = [_art(0, STORY), _art(1, other), _art(2, STORY.upper()), _art(3, near)]
    mark_duplicates(arts)
    assert [(a.duplicate_of, a.duplicate_kind) for a in arts] == [(None, None), (None, None), ("a0", "exact"), ("a0", "near")]


def test_near_duplicates_do_not_depend_on_how_the_shuffle_orders_buckets(scrambled_shuffle):
    from newsledger.clean.dedup import near_pairs, signature

    near = STORY.replace("traders expect prices to ease", "traders expect prices to fall")
    nearer = near.replace("on Monday", "early on Monday")
    texts = {
        "a0": STORY,
        "a1": near,
        "a2": nearer,
        "a3": "Lawmakers began debating a bill on Tuesday that would tighten checks on drone parts.",
    }
    sigs = {k: s for k, t in texts.items() if (s := signature(t)) is not None}
    assert "a3" in sigs and signature("Too short to shingle.") is None

    pairs = near_pairs(sigs)
    assert pairs == near_pairs(sigs, group_map=scrambled_shuffle)
    assert {("a0", "a1"), ("a1", "a2")} <= pairs and not any("a3" in p for p in pairs)
    arts = [_art(i, texts[f"a{i}"]) for i in range(4)]
    mark_duplicates(arts, signatures=sigs, group_map=scrambled_shuffle)
    # a2 is near a1 only, and a1 is itself a copy: a2 stays an original, as the walk in input order says
    assert ("a0", "a2") not in pairs
    assert [a.duplicate_of for a in arts] == [None, "a0", None, None]
