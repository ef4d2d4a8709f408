"""Stories: articles grouped by what they tell, twin events kept apart, stable across rebuilds
and input order (unit), and a built ledger whose every comparison stays inside its story (end to end)."""

import json
import random

from click.testing import CliRunner

from newsledger.cli import main
from newsledger.ledger import stories as S
from newsledger.model import article_of

QUAKE_1 = (
    "A magnitude 6.1 earthquake struck the hill town of Varenna before dawn, collapsing houses and a school.",
    "Rescuers in Varenna pulled survivors from the rubble as aftershocks shook the valley and the regional governor "
    "asked for army tents.",
)
QUAKE_2 = (
    "A magnitude 5.8 earthquake hit the coastal city of Porto Lento, cracking the harbour wall and damaging a hospital.",
    "Engineers inspected the harbour in Porto Lento after the earthquake and the mayor closed the old town to traffic.",
)
STRIKE = (
    "Dock workers at the port of Kestrel walked out on Monday over pay, leaving container ships waiting offshore.",
    "The Kestrel dock strike entered its third day as the union rejected a pay offer from the port authority.",
    "Container ships queued outside Kestrel as talks between the dockers' union and the port authority stalled again.",
)


def _item(aid, text, published, names=(), title=None):
    return S.StoryInput(aid, title, text, published, "Example Wire", list(names))


def _corpus():
    return [
        _item("q1a", QUAKE_1[0], "2011-03-02", ["PLACE:varenna"], "Earthquake strikes Varenna"),
        _item("q1b", QUAKE_1[1], "2011-03-03", ["PLACE:varenna"], "Survivors pulled from rubble in Varenna"),
        _item("q2a", QUAKE_2[0], "2016-09-14", ["PLACE:porto lento"], "Earthquake hits Porto Lento"),
        _item("q2b", QUAKE_2[1], "2016-09-15", ["PLACE:porto lento"], "Porto Lento counts earthquake damage"),
        _item("s1", STRIKE[0], "2020-05-04", ["PLACE:kestrel"], "Kestrel dockers strike over pay"),
        _item("s2", STRIKE[1], "2020-05-06", ["PLACE:kestrel", "ORG:port authority"], "Kestrel strike enters third day"),
        _item("s3", STRIKE[2], "2020-05-07", ["PLACE:kestrel", "ORG:port authority"], "Ships queue as Kestrel talks stall"),
    ]


def _groups(placed):
    by = {}
    for aid, sid in placed.items():
        by.setdefault(sid, set()).add(aid)
    return sorted(sorted(g) for g in by.values())


def test_articles_telling_one_event_share_a_story_and_twin_events_stay_apart():
    placed, _, _ = S.place_new(_corpus(), [], {}, 0)
    assert _groups(placed) == [["q1a", "q1b"], ["q2a", "q2b"], ["s1", "s2", "s3"]]


def test_a_copy_of_a_copy_joins_the_story_of_the_first_whatever_order_they_stream_in():
    items = _corpus()
    near = S.StoryInput("s2-near", None, STRIKE[1] + " Talks resume on Friday.", "2020-05-06", "Other Wire", [], "s2")
    exact = S.StoryInput("s2-exact", None, near.text, "2020-05-06", "Third Wire", [], "s2-near")
    streamed = iter([exact, *items, near])  # a stream read once, the copy of the copy first
    by_id = {i.id: i for i in [*items, near, exact]}
    placed, _, n = S.place_new(streamed, (stories := []), {}, 0, fetch=by_id.__getitem__)
    assert placed["s2-exact"] == placed["s2-near"] == placed["s1"] and n == len(items)
    strike = next(st for st in stories if st.id == placed["s1"])
    assert strike.articles == 5 and strike.outlets == ["Example Wire", "Other Wire", "Third Wire"]


def test_stories_do_not_depend_on_the_order_the_inputs_come_in():
    items = _corpus()
    first, _, _ = S.place_new(items, [], {}, 0)
    shuffled = items[:]
    random.Random(7).shuffle(shuffled)
    again, _, _ = S.place_new(shuffled, [], {}, 0)
    assert first == again


def test_a_later_build_places_only_new_articles_and_moves_none():
    items = _corpus()
    stories: list[S.Story] = []
    placed, added, n = S.place_new(items[:5], stories, {}, 0)
    kept = dict(placed)
    later = [S.StoryInput(**{**vars(i), "story_id": placed[i.id]}) for i in items[:5]] + items[5:]
    new, _, _ = S.place_new(later, stories, added, n)
    assert set(new) == {"s2", "s3"} and new["s2"] == new["s3"] == kept["s1"]  # the strike story grew
    assert {sid for sid in kept.values()} <= {s.id for s in stories}


def test_a_duplicate_joins_its_originals_story_and_dates_make_the_span():
    items = _corpus()
    items.append(S.StoryInput("dup", None, STRIKE[0], None, "Other Paper", [], duplicate_of="s1"))
    stories: list[S.Story] = []
    placed, _, _ = S.place_new(items, stories, {}, 0)
    assert placed["dup"] == placed["s1"]
    strike = next(s for s in stories if s.id == placed["s1"])
    assert (strike.first_published, strike.last_published, strike.articles) == ("2020-05-04", "2020-05-07", 4)
    assert strike.outlets == ["Example Wire", "Other Paper"] and strike.title == "Kestrel dockers strike over pay"


def test_time_apart_asks_for_a_closer_match():
    story = S.Story("x", "t", "2011-03-02", "2011-03-05")
    assert S.time_factor(story, "2011-03-04") == 1.0
    assert S.time_factor(story, "2011-03-12") == 1.0  # within CLOSE_DAYS
    assert 0.5 < S.time_factor(story, "2011-09-01") < 1.0
    assert S.time_factor(story, "2016-09-14") == 0.5
    assert S.time_factor(story, None) == 1.0


WIRE = {
    "quake1.txt": "Quake kills 12 in Varenna\n\nVARENNA (Example Wire) - A magnitude 6.1 earthquake struck the hill town "
    "of Varenna on March 2, 2011, killing 12 people, officials said.\n\nRescuers said 40 people were injured.\n",
    "quake1b.txt": "Varenna counts its dead\n\nMarch 3, 2011\n\nThe death toll in the Varenna earthquake rose to 14 people, "
    "the regional governor Marta Bellini said.\n\nBellini said army tents would arrive in Varenna on Friday.\n",
    "quake2.txt": "Quake shakes Porto Lento\n\nSeptember 14, 2016\n\nA magnitude 5.8 earthquake hit the coastal city of Porto "
    "Lento, killing 3 people, the mayor Paolo Neri said.\n\nNeri said engineers inspected the harbour of Porto Lento.\n",
}


def test_a_built_ledger_keeps_comparisons_inside_stories_and_names_inputs_as_given(tmp_path, monkeypatch):
    corpus = tmp_path / "wire"
    corpus.mkdir()
    for name, text in WIRE.items():
        (corpus / name).write_text(text)
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(corpus), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    arts = {a["source"]: a for a in map(json.loads, (out / "articles.jsonl").read_text().splitlines())}
    assert set(arts) == {"wire/quake1.txt", "wire/quake1b.txt", "wire/quake2.txt"}  # the folder as named, no machine path
    assert arts["wire/quake1.txt"]["outlet"] == "Example Wire" and arts["wire/quake1.txt"]["outlet_evidence"].startswith("credit")
    assert arts["wire/quake1.txt"]["story_id"] == arts["wire/quake1b.txt"]["story_id"] != arts["wire/quake2.txt"]["story_id"]
    stories = [json.loads(line) for line in (out / "stories.jsonl").read_text().splitlines()]
    assert sorted(s["articles"] for s in stories) == [1, 2]
    for name in ("articles.jsonl", "claims.jsonl", "quotes.jsonl", "events.jsonl", "stories.jsonl", "report.json", "brief.html"):
        assert str(tmp_path) not in (out / name).read_text(), name
    claims = [json.loads(line) for line in (out / "claims.jsonl").read_text().splitlines()]
    story_of = {a["id"]: a["story_id"] for a in arts.values()}
    assert all(c["story_id"] == story_of[article_of(c["article_id"])] for c in claims)
    rows = (out / "figures.csv").read_text().splitlines()
    header = rows[0].split(",")
    groups: dict[str, set] = {}
    for row in rows[1:]:
        cells = dict(zip(header, row.split(","), strict=False))
        if cells["group"]:
            groups.setdefault(cells["group"], set()).add(cells["story_id"])
    assert groups and all(len(s) == 1 for s in groups.values())  # no figure group holds two stories' figures


def test_twin_events_years_apart_stay_apart_even_where_only_a_mentioned_date_tells_their_time():
    first = "A magnitude 6.1 earthquake struck Varenna on March 2, 2011, collapsing houses, and rescuers searched the rubble."
    second = (
        "A magnitude 5.2 earthquake shook Varenna on May 9, 2016, damaging a school and a bridge; the mayor closed the old town."
    )
    items = [
        S.StoryInput("t1", "Quake collapses houses in Varenna", first, None, "Wire", ["PLACE:varenna"], era="2011-03-02"),
        S.StoryInput("t2", "School damaged as quake shakes Varenna", second, None, "Wire", ["PLACE:varenna"], era="2016-05-09"),
        S.StoryInput(
            "t3",
            "Varenna counts damage",
            first.replace("rescuers", "engineers"),
            None,
            "Wire",
            ["PLACE:varenna"],
            era="2011-03-02",
        ),
    ]
    stories: list[S.Story] = []
    placed, _, _ = S.place_new(items, stories, {}, 0)
    assert placed["t1"] == placed["t3"] != placed["t2"]
    assert all(s.first_published is None for s in stories)  # a mentioned date is never a publication date
    together, _, _ = S.place_new([S.StoryInput(**{**vars(i), "era": None}) for i in items], [], {}, 0)
    assert together["t1"] == together["t2"]  # without their times, the words alone join them


def test_release_priors_lets_go_of_centroids_and_word_tables_and_a_later_placement_reads_them_again():
    items = _corpus()
    stories: list = []
    first, _, _ = S.place_new(items, stories, {}, 0)
    assert S.prior_share.cache_info().currsize > 0 and all(st.terms for st in stories)
    S.release_priors(stories)
    assert S.prior_share.cache_info().currsize == 0 and all(st.terms == {} for st in stories)
    again, _, _ = S.place_new(items, [], {}, 0)
    assert again == first  # the tables load again and place the same way


def test_centroids_set_aside_on_disk_give_the_same_stories_and_centroids_as_all_held_in_memory():
    items = _corpus()
    held_stories, spilled_stories = [], []
    held, _, _ = S.place_new(items, held_stories, {}, 0)
    centroids = S.Centroids(keep=1)  # every other story's centroid waits in the temporary table
    spilled, _, _ = S.place_new(items, spilled_stories, {}, 0, centroids=centroids)
    assert spilled == held and len(centroids.hot) == 1
    assert all(st.terms == {} for st in spilled_stories)  # the stories hold none of it
    assert [centroids[st.id] for st in spilled_stories] == [st.terms for st in held_stories]
    assert all(st.terms for st in held_stories)
    centroids.close()
