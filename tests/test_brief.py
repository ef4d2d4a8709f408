"""The brief: figure groups and timeline merging (unit), and the page as a person sees it
(end-to-end, in headless Chromium)."""

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsledger.cli import main
from newsledger.ledger.figures import group_figures
from newsledger.ledger.timeline import merge_events

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _claim(i, article, value=None, low=None, high=None, unit="troop", measure="troops", actor=None, attribution=None,
           time_value=None, published=None, part_of=None, approximate=False):  # fmt: skip
    return {"id": f"c{i}", "article_id": article, "source": f"{article}.txt", "start": i, "end": i + 1, "sentence_start": 0,
            "text": "x", "value": value, "low": low, "high": high, "approximate": approximate, "unit": unit, "measure": measure,
            "actor": actor, "attribution": attribution, "time_value": time_value, "published": published, "part_of": part_of}  # fmt: skip


def test_figure_groups_flag_conflict_update_and_part():
    claims = [
        _claim(1, "a" * 16, low=14000, high=15000, value=None, actor="North Korean", attribution="officials"),
        _claim(2, "b" * 16, value=13000, low=13000, high=None, unit="personnel", measure="personnel", actor="North Korea"),
        _claim(3, "b" * 16, value=11000, low=11000, high=11000, measure="combat troops", part_of="c2"),
        _claim(4, "c" * 16, value=1000, low=1000, high=1000, actor="Ukrainian", measure="Ukrainian troops"),
        _claim(5, "d" * 16, value=200000, low=200000, high=200000, unit="dollar", measure="drone", time_value="2022"),
        _claim(
            6, "d" * 16, value=70000, low=70000, high=70000, unit="dollar", measure="drone", time_value="2025", approximate=True
        ),
        _claim(7, "d" * 16, low=20000, high=50000, unit="dollar", measure="drone", attribution="CSIS"),
    ]
    groups = {g.label: g for g in group_figures(claims, places={"north korea", "ukraine"})}
    troops = next(g for g in groups.values() if g.actor == "north korea")
    assert {c["id"] for c in troops.claims} == {"c1", "c2", "c3"}  # personnel joined through the part-of link
    assert {"kind": "part", "a": "c3", "b": "c2"} in troops.relations
    assert any(g.actor == "ukraine" and [c["id"] for c in g.claims] == ["c4"] for g in groups.values())
    drone = next(g for g in groups.values() if g.unit == "dollar")
    kinds = {(r["kind"], r["a"], r["b"]) for r in drone.relations}
    assert ("update", "c5", "c6") in kinds  # 2022 -> 2025
    assert any(k == "conflict" and {a, b} == {"c6", "c7"} for k, a, b in kinds)  # ~$70k vs $20k-$50k
    assert (drone.low, drone.high) == (20000, 200000)


def test_figure_groups_do_not_depend_on_how_the_shuffle_orders_buckets(scrambled_shuffle):
    claims = [
        _claim(i, f"{i % 3}" * 16, value=1000 + 10 * i, unit=unit, measure=measure, actor=actor)
        for i, (unit, measure, actor) in enumerate(
            [("troop", "troops", "Ukrainian"), ("dollar", "drone", None), ("troop", "troops", "Russian"),
             ("troop", "troops", None), ("dollar", "drone", None), ("dollar", "missile", None), ("dollar", "drone", None)]
        )
    ]  # fmt: skip
    for c in claims:
        c["about"] = ["Kherson"]
    places = {"ukraine", "russia"}
    plain = group_figures(claims, places)
    assert group_figures(claims, places, scrambled_shuffle) == plain
    # a claim naming no actor joins its unit's first-met largest actor (Ukrainian and Russian tie)
    assert sorted(sorted(c["id"] for c in g.claims) for g in plain) == [["c0", "c3"], ["c1", "c4", "c6"], ["c2"], ["c5"]]


def test_same_event_from_two_articles_is_one_event(scrambled_shuffle):
    rows = [
        {"id": "e1", "article_id": "a" * 16, "source": "a", "sentence": "s1", "start": 5, "end": 9, "event_date": "2024-06-19",
         "time_precision": "day", "actor1": "Kim Jong-un", "actor2": "Vladimir Putin", "action": "sign treaty", "action_lemma": "sign treaty", "event_type": "meeting", "date_evidence": "text", "location": None, "fatalities": None},
        {"id": "e2", "article_id": "b" * 16, "source": "b", "sentence": "s2", "start": 1, "end": 4, "event_date": "2024-06-19",
         "time_precision": "day", "actor1": "Vladimir Putin and Kim Jong Un", "actor2": None, "action": "pose at ceremony", "action_lemma": "pose at ceremony", "event_type": "meeting", "date_evidence": "text", "location": "Pyongyang", "fatalities": None},
        {"id": "e3", "article_id": "b" * 16, "source": "b", "sentence": "s3", "start": 9, "end": 12, "event_date": "2024-06-20",
         "time_precision": "day", "actor1": "Kim Jong-un", "actor2": None, "action": "leave", "action_lemma": "leave", "event_type": "meeting", "date_evidence": "text", "location": None, "fatalities": None},
    ]  # fmt: skip
    events = merge_events(rows)
    assert merge_events(rows[::-1], scrambled_shuffle) == events  # dates met in any order, rows too
    assert [len(e.mentions) for e in events] == [2, 1]
    assert events[0].location == "Pyongyang" and events[0].sources == 2


HOSTILE = """Dock Strike Spreads to Second Port as Talks Stall
Dock workers at the northern port walked out on Monday, the union said, joining a strike that has halted about 40 ships. <script>document.title='pwned'</script>
The port authority said <img src=x onerror="document.title='pwned'"> more than 12,000 containers were waiting at Halden, according to the port authority.
"""
OTHER = """Port Strike Enters Second Week
Officials said only 3,000 containers were waiting at Halden on Monday, far fewer than the union claimed.
The union said its members would not return until a pay offer was made, and that talks would resume on Wednesday.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("in")
    (src / "a.txt").write_text(HOSTILE)
    (src / "b.txt").write_text(OTHER)
    out = tmp_path_factory.mktemp("out")
    res = CliRunner().invoke(main, ["build", str(src), "--out", str(out), "--quiet"])
    assert res.exit_code == 0, res.output
    return out


def test_brief_escapes_page_text_and_has_no_external_reference(built):
    page = (built / "brief.html").read_text()
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;document.title" in page
    assert "http://" not in page.replace("http-equiv", "") and "https://" not in page


def test_exports_for_other_tools(built):
    import pyarrow.parquet as pq

    header = (built / "figures.csv").read_text().splitlines()[0].split(",")
    assert {"group", "figure", "value", "low", "high", "attribution", "sentence"} <= set(header)
    tables = {p.stem for p in (built / "parquet").glob("*.parquet")}
    assert {"articles", "claims", "quotes", "entities", "mentions", "events", "times"} <= tables
    assert pq.read_table(built / "parquet" / "articles.parquet").num_rows == 2
    assert all("event_date" in json.loads(line) for line in (built / "events.jsonl").read_text().splitlines())


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (CI installs it: see .ci/run)")
def test_brief_in_a_real_browser(built):
    from playwright.sync_api import sync_playwright

    requests: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
            ],
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.on("request", lambda r: requests.append(r.url))
        page.goto((built / "brief.html").as_uri())
        assert page.title() == "newsledger brief"  # the article's script never ran
        assert page.locator("article img").count() == 0
        article = page.locator("article.full", has_text="Dock workers at the northern port")
        assert "<script>document.title='pwned'</script>" in article.inner_text()
        # the containers figure: both claims, side by side, with the disagreement flagged
        group = page.locator("section.story .group", has_text="container")  # shown with its story
        assert group.count() >= 1 and group.first.is_visible()
        text = group.first.inner_text()
        assert "12,000" in text and "3,000" in text and "conflict" in text
        # one click from a figure to the sentence it came from, highlighted
        group.first.get_by_role("link", name="sentence").first.click()
        target = page.locator(".s:target")
        assert target.count() == 1 and target.is_visible()
        assert "containers were waiting" in target.inner_text()
        assert target.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(253, 230, 138)"
        # a phone: nothing wider than the screen
        phone = browser.new_page(viewport={"width": 390, "height": 844})
        phone.goto((built / "brief.html").as_uri())
        assert phone.evaluate("document.documentElement.scrollWidth") <= 391
        browser.close()
    assert all(u.startswith("file://") for u in requests), requests


def test_timeline_year_labels_never_print_over_one_another():
    import re
    from itertools import pairwise

    from newsledger.model import TimelineEvent
    from newsledger.present.brief import timeline_svg

    events = [
        TimelineEvent(
            f"{y}-06-01", "day", "A", None, "met", "meet", "meeting", None, None, id=f"e{y}", mentions=[{"article_id": "a"}]
        )
        for y in range(1923, 2014)
    ]
    svg = timeline_svg(events)
    xs = [float(x) for x, label in re.findall(r'<text x="([\d.]+)" y="105"[^>]*>(\d{4})</text>', svg)]
    assert len(xs) >= 10 and all(b - a >= 44 for a, b in pairwise(xs))


def _row(rid, article, date, sentence, actor1, lemma, kind, evidence="text", story="s1"):
    return {"id": rid, "article_id": article, "source": f"{article}.txt", "sentence": sentence, "start": 0, "end": 5,
            "event_date": date, "time_precision": "day", "actor1": actor1, "actor2": None, "action": lemma,
            "action_lemma": lemma, "event_type": kind, "location": None, "fatalities": None, "date_evidence": evidence,
            "story_id": story}  # fmt: skip


def test_a_lead_dated_by_publication_joins_the_event_its_story_dates_and_twins_stay_two():
    rows = [
        _row("r1", "a" * 16, "2013-05-01", "Police arrested Tom Vale on Wednesday.", "Police", "arrest", "legal"),
        _row("r2", "b" * 16, "2013-05-03", "Police have arrested Tom Vale.", "Police", "arrest", "legal", "published"),
        _row("r3", "c" * 16, "2013-09-10", "Police arrested Tom Vale again after a second robbery.", "Police", "arrest", "legal"),
        _row("r4", "d" * 16, "2013-05-03", "Storms closed the pass.", "Storms", "close pass", "other", "published", "s2"),
    ]
    events = merge_events(rows)
    assert [(e.event_date, len(e.mentions)) for e in events] == [("2013-05-01", 2), ("2013-05-03", 1), ("2013-09-10", 1)]
    assert events[0].date_evidence == "text"  # the event keeps the date its own words give


def test_the_timeline_does_not_depend_on_where_the_inputs_sit():
    rows = [
        _row("r1", "a" * 16, "2013-05-01", "Police arrested Tom Vale on Wednesday.", "Police", "arrest", "legal"),
        _row("r2", "b" * 16, "2013-05-01", "Tom Vale was arrested by police on Wednesday.", "Police", "arrest", "legal"),
    ]
    moved = [{**r, "id": r["id"] + "x", "article_id": ("z" if r["id"] == "r1" else "0") * 16, "source": "elsewhere/" + r["source"]}
             for r in rows]  # fmt: skip
    a, b = merge_events(rows), merge_events(moved)
    assert [(e.id, e.action, [m["sentence"] for m in e.mentions]) for e in a] == [
        (e.id, e.action, [m["sentence"] for m in e.mentions]) for e in b
    ]


def test_events_long_before_their_story_are_background():
    from newsledger.ledger.timeline import mark_background

    rows = [
        _row("r1", "a" * 16, "1923-04-22", "The poet was born in 1923.", "poet", "bear", "other"),
        _row("r2", "a" * 16, "2013-05-01", "The poet died on Wednesday.", "poet", "die", "casualties"),
    ]
    events = merge_events(rows)
    mark_background(events, {"s1": "2013-05-02"})
    assert [(e.event_date, e.background) for e in events] == [("1923-04-22", True), ("2013-05-01", False)]


def test_an_undated_report_takes_the_date_of_the_same_event_in_its_story_else_stays_undated():
    rows = [
        _row("r1", "a" * 16, "2013-05-01", "Police arrested Tom Vale on Wednesday.", "Police", "arrest", "legal"),
        _row("r2", "b" * 16, "", "Police have arrested Tom Vale.", "Police", "arrest", "legal", "undated"),
        _row("r3", "c" * 16, "", "The mayor has opened a new bridge.", "mayor", "open bridge", "other", "undated"),
    ]
    events = merge_events(rows)
    assert [(e.event_date, len(e.mentions), e.date_evidence) for e in events] == [
        ("2013-05-01", 2, "story:text"),
        ("", 1, "undated"),
    ]


def test_undated_events_follow_the_dated_ones_in_the_order_they_were_first_reported():
    rows = [
        {**_row("r1", "a" * 16, "", "The mayor has opened a new bridge.", "mayor", "open bridge", "other", "undated"),
         "published": None},
        {**_row("r2", "b" * 16, "", "Zara Holt has quit the council.", "Zara Holt", "quit", "other", "undated"),
         "published": "2014-02-01"},
        {**_row("r3", "c" * 16, "", "Acme has shut its Ostby plant.", "Acme", "shut plant", "other", "undated"),
         "published": "2014-01-15"},
        {**_row("r4", "d" * 16, "2014-03-02", "Police arrested Tom Vale on Sunday.", "Police", "arrest", "legal"),
         "published": "2014-03-03"},
    ]  # fmt: skip
    order = [e.mentions[0]["id"] for e in merge_events(rows)]
    assert order == ["r4", "r3", "r2", "r1"]  # dated first; then first reported; an undated report of unknown date last


def test_an_event_says_where_its_reports_differ():
    from newsledger.ledger.timeline import differences

    a = _row("r1", "a" * 16, "2013-05-01", "A blast in Kestrel killed 12 people on Wednesday.", "blast", "kill", "casualties")
    b = _row("r2", "b" * 16, "2013-05-01", "The Kestrel blast on Wednesday killed 14.", "blast", "kill", "casualties")
    a["fatalities"], b["fatalities"], a["location"], b["location"] = 12.0, 14.0, "Kestrel", "Kestrel"
    (event,) = merge_events([a, b])
    assert differences(event) == {"toll": [12.0, 14.0]}
    assert event_record_of(event)["reports_differ"] == {"toll": [12.0, 14.0]}


def event_record_of(e):
    from newsledger.ledger.timeline import event_record

    return event_record(e)


def test_a_brief_of_many_stories_shows_the_largest_and_points_to_the_explorer(tmp_path, monkeypatch):
    from newsledger.present import brief

    monkeypatch.setattr(brief, "BRIEF_STORIES", 1)
    src = tmp_path / "in"
    src.mkdir()
    strike = "Dock workers at the port of Halden walked out on Monday, the union said, halting about 40 ships."
    (src / "s1.txt").write_text(f"Dock Strike Spreads\n\n{strike}\n")
    (src / "s2.txt").write_text(
        f"Halden Port Strike Grows\n\n{strike} The Halden port authority said 12,000 containers waited.\n"
    )
    (src / "b.txt").write_text("Bakery Wins Prize\n\nA family bakery in Ostby won the national bread prize for its rye loaf.\n")
    res = CliRunner().invoke(main, ["build", str(src), "--out", str(tmp_path / "out"), "--quiet"])
    assert res.exit_code == 0, res.output
    page = (tmp_path / "out" / "brief.html").read_text()
    stories = [json.loads(line) for line in (tmp_path / "out" / "stories.jsonl").open()]
    assert len(stories) == 2
    assert page.count('<section class="story"') == 1 and "largest of 2 stories" in page and "newsledger serve" in page
    assert "Halden" in page and "rye loaf" not in page  # the smaller story's article is not printed in full
